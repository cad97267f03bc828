import ArgumentParser
import ConductKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Conduct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct",
        abstract: "Classify posts against a community's code of conduct.",
        discussion: """
        Exit codes:
          0  success
          1  a gate failed: a post reached --fail-on, eval regressed past its
             baseline, or a rule example failed
          2  usage error, or rule files with errors
          3  some input lines were unreadable (every other line was still processed
             and written)
        """,
        subcommands: [Classify.self, Explain.self, Normalize.self, Eval.self, Lint.self, Test.self, Mine.self]
    )

    /// Parses, runs, and maps every outcome to the documented exit codes: usage errors exit
    /// with 2 (not the argument parser's 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Self.terminate(0)
            }
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            Self.terminate(error is ExitCode ? code.rawValue : ExitStatus.usageOrRules.rawValue)
        }
    }

    static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }
}

/// The exit codes of every command.
enum ExitStatus: Int32 {
    case success = 0
    case gateFailed = 1
    case usageOrRules = 2
    case unreadableInput = 3

    var code: ExitCode { ExitCode(rawValue) }
}
