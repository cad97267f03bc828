import Foundation

/// Runs the built `conduct` executable the way a user does and captures what it prints.
///
///     let result = try CLIRunner.run(["normalize", "H3LL0"])
///     result.status   // 0
///     result.stdout   // "hello\n"
///
/// The executable is looked up next to the test bundle in the build products directory
/// (`.build/<configuration>/conduct`); the CLITests target depends on `conduct`, so
/// `swift test` builds it first. Standard input, output and error go through temporary files,
/// so a large output can never block the child.
enum CLIRunner {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Standard output exactly as written.
        let stdoutBytes: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case executableNotFound([String])
        var description: String {
            switch self {
            case .executableNotFound(let searched):
                return "conduct executable not found; looked in: \(searched.joined(separator: ", ")); run `swift build` first"
            }
        }
    }

    /// The `conduct` executable of this build.
    static func executable() throws -> URL {
        var candidates: [URL] = []
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(directory.appendingPathComponent("conduct"))
                directory = directory.deletingLastPathComponent()
            }
        }
        var isDirectory: ObjCBool = false
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure.executableNotFound(candidates.map(\.path))
    }

    /// Runs `conduct` with `arguments`, feeding it `stdin`.
    static func run(_ arguments: [String], stdin: String = "") throws -> Result {
        try run(arguments, stdinBytes: Array(stdin.utf8))
    }

    /// Runs `conduct` with `arguments`, feeding it the raw bytes `stdinBytes`.
    static func run(_ arguments: [String], stdinBytes: [UInt8]) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("conduct-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("stdin")
        let output = directory.appendingPathComponent("stdout")
        let errors = directory.appendingPathComponent("stderr")
        try Data(stdinBytes).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)

        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stdout = try Data(contentsOf: output)
        let stderr = try Data(contentsOf: errors)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self),
                      stdoutBytes: Array(stdout))
    }
}
