import ArgumentParser
import ConductEvaluation
import ConductKit
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// `conduct eval FILE…`: quality on labelled posts, with a baseline gate.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the rules on labelled JSONL corpora: precision, recall and F1 per category.",
        discussion: """
        Input rows: {"id", "text", "lang", "labels": [categories]}; a folder stands for its *.jsonl \
        files. Rows with "ambiguous": true are left out unless --include-ambiguous. Reports per \
        category, per language, per file, per HateCheck functionality, and per rule (hits on \
        positives and negatives, precision, hits no other rule of the category made).

        With --baseline, exits with 1 when a category's F1 drops by more than --tolerance, and lists \
        the posts that newly flip either way. With --format json, the report and the comparison are \
        written as one object: {"comparison": …, "report": …}.
        """
    )

    @Argument(help: ArgumentHelp("Labelled JSONL files or folders.", valueName: "file"))
    var files: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Report format.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Count rows marked \"ambiguous\": true.")
    var includeAmbiguous = false

    @Option(name: .long, help: ArgumentHelp("Save this report as a baseline.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .long, help: ArgumentHelp("Compare with a saved baseline; exit 1 on a regression.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: "Largest F1 drop per category that is not a regression.")
    var tolerance: Double = 0

    @Flag(name: .long, help: "Apply every rule to every post, ignoring the posts' \"lang\" fields.")
    var allLanguages = false

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one labelled JSONL file or folder") }
        guard tolerance >= 0 && tolerance <= 1 else {
            throw ValidationError("--tolerance must be between 0 and 1, got \(tolerance)")
        }
    }

    func run() throws {
        let classifier = try ruleOptions.classifier()
        // The standard categories are valid labels even when a rules folder has no file for one;
        // such a category is reported when the corpus uses it.
        let known = classifier.categoryNames
            + RuleSet.standardCategories.filter { !classifier.categoryNames.contains($0) }
        let posts: [LabelledPost]
        do {
            posts = try LabelledCorpus.load(files: files.map { URL(fileURLWithPath: $0) },
                                            categories: known)
        } catch {
            Terminal.standardError.write("\(error)\n")
            throw ExitStatus.usageOrRules.code
        }
        let used = Set(posts.flatMap(\.labels))
        let categories = classifier.categoryNames + known.dropFirst(classifier.categoryNames.count).filter(used.contains)
        let evaluation = Evaluation(categories: categories, includeAmbiguous: includeAmbiguous,
                                    rules: classifier.rules.ruleSet.rules.filter { $0.weight > 0 }.map(\.id))
        let verdicts = Self.classify(posts, with: classifier, evaluation: evaluation, useLanguage: !allLanguages)
        let report = evaluation.evaluate(posts: posts, verdicts: verdicts)

        var text = report.rendered(as: format)
        var regression = false
        if let baseline {
            let saved: EvaluationReport
            do {
                saved = try EvaluationReport.load(from: URL(fileURLWithPath: baseline))
            } catch {
                Terminal.standardError.write("\(error)\n")
                throw ExitStatus.usageOrRules.code
            }
            let comparison = BaselineComparison(current: report, baseline: saved, tolerance: tolerance, posts: posts)
            text = format == .json
                ? Self.combinedJSON(report: text, comparison: comparison.rendered(as: .json))
                : text.trimmingCharacters(in: .newlines) + "\n\n" + comparison.rendered(as: format)
            regression = comparison.isRegression
        }
        if let writeBaseline {
            try report.write(to: URL(fileURLWithPath: writeBaseline))
        }
        if let output {
            try (text.hasSuffix("\n") ? text : text + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        if regression {
            Terminal.standardError.write("conduct: the rules got worse than the baseline (tolerance \(tolerance))\n")
            throw ExitStatus.gateFailed.code
        }
    }

    /// One JSON document `{"comparison": …, "report": …}` from the two rendered documents, so
    /// that `--format json --baseline` writes JSON a program can parse.
    static func combinedJSON(report: String, comparison: String) -> String {
        // JSON strings hold no raw line breaks, so indenting every line keeps both documents intact.
        func nested(_ json: String) -> String {
            json.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
                .joined(separator: "\n")
        }
        return "{\n  \"comparison\": \(nested(comparison)),\n  \"report\": \(nested(report))\n}\n"
    }

    /// Verdicts for the included posts, classified on every core.
    static func classify(_ posts: [LabelledPost], with classifier: Classifier, evaluation: Evaluation,
                         useLanguage: Bool) -> [Verdict?] {
        final class Slots: @unchecked Sendable {
            var verdicts: [Verdict?]
            init(count: Int) { verdicts = Array(repeating: nil, count: count) }
        }
        let slots = Slots(count: posts.count)
        let chunk = 256
        let chunks = (posts.count + chunk - 1) / chunk
        slots.verdicts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(posts.count, (c + 1) * chunk) where evaluation.includes(posts[i]) {
                    buffer[i] = classifier.classify(posts[i].text, language: useLanguage ? posts[i].lang : nil)
                }
            }
        }
        return slots.verdicts
    }
}
