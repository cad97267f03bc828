import ArgumentParser
import ConductKit

/// `conduct lint [DIR]`: every problem in every rule file, as `path:line:col: error: …`.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files and report every problem with its file, line and column.",
        discussion: "Exits with 0 when the rules load and compile, 2 when they do not."
    )

    @Argument(help: ArgumentHelp("Folder of rule files (default: the bundled rules).", valueName: "dir"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the guideline texts the rules cite (default: 'guidelines' inside the rules folder, when present).",
        valueName: "dir"))
    var guidelines: String?

    func run() throws {
        let options = RuleOptions(directory: directory, guidelines: guidelines)
        let classifier = try options.classifier()
        let ruleSet = classifier.rules.ruleSet
        let scored = ruleSet.rules.filter { $0.weight > 0 }.count
        print("\(ruleSet.categories.count) categories, \(ruleSet.rules.count) rules (\(scored) scored), "
              + "\(classifier.rules.literalCount) literals: no problems")
    }
}

extension RuleOptions {
    init(directory: String?, guidelines: String?) {
        self.init()
        self.rules = directory
        self.guidelines = guidelines
        // Checking the rules means loading and compiling them.
        self.noCache = true
    }
}
