import ArgumentParser
import ConductKit

/// `conduct eval FILE…`: quality on labelled posts, with a baseline gate.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure the rules on labelled JSONL corpora.")

    func run() throws {
        throw ExitStatus.usageOrRules.code
    }
}
