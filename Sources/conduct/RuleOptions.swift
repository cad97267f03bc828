import ArgumentParser
import ConductKit
import Foundation

/// `--rules DIR` and `--guidelines DIR`, shared by the commands that classify.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of rule files (default: the bundled rules).", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the guideline texts the rules cite (default: 'guidelines' inside the rules folder, when present).",
        valueName: "dir"))
    var guidelines: String?

    /// Loads and compiles the rules, or prints every diagnostic and exits with 2.
    func classifier() throws -> Classifier {
        let result: Result<Classifier, RuleLoadError>
        if let rules {
            let guidelines = guidelines ?? Self.defaultGuidelines(for: rules)
            result = Result { () throws(RuleLoadError) in try Classifier(rulesDirectory: rules, guidelines: guidelines) }
        } else {
            result = Result { () throws(RuleLoadError) in try Classifier.bundled() }
        }
        switch result {
        case .success(let classifier):
            return classifier
        case .failure(let error):
            Terminal.standardError.write(error.diagnostics.map(\.description).joined(separator: "\n") + "\n")
            Terminal.standardError.write("\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s") in rule files\n")
            throw ExitStatus.usageOrRules.code
        }
    }

    /// `<rules>/guidelines` when it exists.
    static func defaultGuidelines(for rules: String) -> String? {
        let candidate = (rules as NSString).appendingPathComponent("guidelines")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue
            ? candidate : nil
    }
}
