import ArgumentParser
import ConductKit

/// `conduct test [DIR]`: runs every rule example, with automatic mutations.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples as tests, with automatic mutations.",
        discussion: """
        Each match example must make its rule hit exactly the ⟦marked⟧ spans, also with a \
        multi-scalar emoji in front, in NFD, and embedded in a longer post. Each no_match example \
        must not make its rule hit, alone, mutated, or all of a rule's no_match examples joined.

        Exits with 0 when all pass, 1 when some fail, 2 when the rules do not load.
        """
    )

    @Argument(help: ArgumentHelp("Folder of rule files (default: the bundled rules).", valueName: "dir"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the guideline texts the rules cite (default: 'guidelines' inside the rules folder, when present).",
        valueName: "dir"))
    var guidelines: String?

    func run() throws {
        let classifier = try RuleOptions(directory: directory, guidelines: guidelines).classifier()
        let summary = RuleTester(rules: classifier.rules).run()
        for failure in summary.failures { print(failure.description) }
        let outcome = summary.failures.isEmpty
            ? "all passed"
            : "\(summary.failures.count) failure\(summary.failures.count == 1 ? "" : "s")"
        print("\(summary.rules) rules, \(summary.examples) examples, \(summary.checks) checks: \(outcome)")
        if !summary.failures.isEmpty { throw ExitStatus.gateFailed.code }
    }
}
