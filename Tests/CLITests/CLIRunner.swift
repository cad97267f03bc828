import Foundation
import Testing

/// Runs the built `conduct` executable as a child process and collects what it wrote.
///
///     let result = try CLI.run(["classify", "--rules", "rules"], stdin: "You idiot\n")
///     #expect(result.status == 0)
///     #expect(result.lines == [#"{"id":"1",…}"#])
///
/// The executable is the one next to this test bundle in the build products folder (`swift
/// build` puts both there); `CONDUCT_EXECUTABLE` overrides it. Commands run in
/// ``CLI/fixtures``, so paths in arguments and in the output are relative to it. Standard
/// input, output and error are pipes, fed and drained on their own threads, so an output of
/// any size never blocks the child.
enum CLI {
    /// What one run of the executable did.
    struct Result: Sendable {
        var status: Int32
        var stdoutBytes: [UInt8]
        var stderrBytes: [UInt8]

        /// Standard output as text (invalid UTF-8 shown as U+FFFD).
        var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
        var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
        /// Standard output split into lines, without the final line break.
        var lines: [String] {
            var text = stdout
            if text.hasSuffix("\n") { text.removeLast() }
            return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// The `Fixtures` folder copied next to the test bundle.
    static let fixtures: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    /// The built `conduct` executable.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["CONDUCT_EXECUTABLE"] {
            return URL(fileURLWithPath: path)
        }
        let name = "conduct"
        var candidates = [Bundle.module.bundleURL.deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        for folder in candidates {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return candidates[0].appendingPathComponent(name)
    }()

    /// Runs `conduct arguments…` in ``fixtures`` with `stdin` as standard input (empty when
    /// nil) and waits for it to exit. The child inherits this process's environment with
    /// `COLUMNS=80` (help text wraps the same everywhere) and `XDG_CACHE_HOME` set to
    /// ``cacheHome``, then `environment` on top.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw LaunchError(description: "no conduct executable at \(executable.path); run 'swift build' first "
                              + "or set CONDUCT_EXECUTABLE")
        }
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = fixtures
        var variables = ProcessInfo.processInfo.environment
        variables["COLUMNS"] = "80"
        variables["XDG_CACHE_HOME"] = cacheHome.path
        variables.merge(environment) { $1 }
        process.environment = variables
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()

        // Each pipe gets a thread of its own (not a shared pool that blocking reads could
        // exhaust while tests run in parallel).
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        func background(_ body: @escaping @Sendable () -> Void) {
            Thread { body(); done.signal() }.start()
        }
        let outputReader = output.fileHandleForReading, errorReader = error.fileHandleForReading
        let inputWriter = input.fileHandleForWriting
        background { collected.setOutput(outputReader.readDataToEndOfFile()) }
        background { collected.setError(errorReader.readDataToEndOfFile()) }
        let bytes = stdin ?? []
        background {
            // The child may exit without reading everything (usage errors); a closed pipe is fine.
            if !bytes.isEmpty { try? inputWriter.write(contentsOf: bytes) }
            try? inputWriter.close()
        }
        for _ in 0..<3 { done.wait() }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdoutBytes: collected.output, stderrBytes: collected.error)
    }

    /// The cache folder of every run (compiled rules, see `--cache-dir`): one for every test
    /// run, so runs share it as a user's runs do and never touch the user's own; the cache
    /// keeps it to its most recently used entries.
    static let cacheHome: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conduct-cli-tests-cache")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Writing to a child that has exited raises SIGPIPE, which would end the test process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs with `stdin` given as text.
    static func run(_ arguments: [String], stdin: String, environment: [String: String] = [:]) throws -> Result {
        try run(arguments, stdin: Array(stdin.utf8), environment: environment)
    }

    /// A fresh empty folder for files a test writes (baselines, generated inputs).
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("conduct-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var outputData = Data()
        private var errorData = Data()
        func setOutput(_ data: Data) { lock.withLock { outputData = data } }
        func setError(_ data: Data) { lock.withLock { errorData = data } }
        var output: [UInt8] { lock.withLock { [UInt8](outputData) } }
        var error: [UInt8] { lock.withLock { [UInt8](errorData) } }
    }
}
