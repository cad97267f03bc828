import ArgumentParser
import ConductKit

/// `conduct classify [FILE…]`: one JSON verdict per input line.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Classify posts: JSONL or text in, JSONL out.")

    func run() throws {
        throw ExitStatus.usageOrRules.code
    }
}
