import ConductKit
import Foundation

/// What must hold for every verdict, whatever the post: the `classify` fuzzer checks it on every
/// input it generates, and `swift test` replays the inputs that once broke it
/// (`Tests/ConductKitTests/FuzzCrashers/classify/`).
///
///     ClassifyProperties.problems(rules, Array("DM me, idiot".utf8), language: nil)   // []
///
/// Checked: one score per category in rule-set order, each in 0...1 and equal to
/// 1 − Π(1 − weight) over the distinct rules that hit; labels and action follow the thresholds;
/// hits sorted, inside the post, non-empty, and their `match` is exactly the post's bytes in
/// their span; for valid UTF-8, the String entry point and `explain` give the same verdict.
/// Cost: up to three classifications of the input.
enum ClassifyProperties {
    /// The rule sets classified against: the engine coverage set (`Fuzz/Classify/Rules`, every
    /// construct of the rule language) and, once `Rules/` holds rule files, the bundled rules.
    /// `root` is the repository's folder.
    static func fuzzRuleSets(repository root: String) throws -> [CompiledRules] {
        let coverage = try CompiledRules(RuleSetLoader.load(directory: root + "/Fuzz/Classify/Rules"))
        let bundled = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Rules"))?.contains { $0.hasSuffix(".yaml") } ?? false
        return bundled ? [coverage, try Classifier.bundled().rules] : [coverage]
    }

    /// What the fuzzer checks for one input: every property against every rule set without a
    /// language, and the verdict's consistency with the language the first byte selects.
    static func fuzzProblems(_ input: [UInt8], ruleSets: [CompiledRules]) -> [String] {
        let language = input.first.flatMap { [nil, "en", "nl"][Int($0) % 3] }
        var problems: [String] = []
        for rules in ruleSets {
            problems += self.problems(rules, input, language: nil)
            if let language {
                problems += verdictProblems(rules, rules.classify(utf8: input, language: language), input)
            }
        }
        return problems
    }

    static func problems(_ rules: CompiledRules, _ input: [UInt8], language: String?) -> [String] {
        let verdict = rules.classify(utf8: input, language: language)
        var problems = verdictProblems(rules, verdict, input)
        if let string = String(validating: input, as: UTF8.self) {
            if rules.classify(string, language: language) != verdict {
                problems.append("classify(String) differs from classify(utf8:) for the same text")
            }
            let explained = rules.explain(string, language: language).verdict
            if explained != verdict {
                problems.append("explain gives another verdict: \(explained.hits.map(describe)) instead of \(verdict.hits.map(describe))")
            }
        }
        return problems
    }

    /// The verdict's own consistency against the post it was computed for.
    static func verdictProblems(_ rules: CompiledRules, _ verdict: Verdict, _ input: [UInt8]) -> [String] {
        var problems: [String] = []
        let categories = rules.ruleSet.categories
        if verdict.scores.map(\.category) != categories.map(\.name) {
            problems.append("scores are for \(verdict.scores.map(\.category)), not \(categories.map(\.name))")
            return problems
        }
        var previous: Hit?
        var keep: [String: Double] = [:]
        var counted: Set<RuleID> = []
        let perRule = Dictionary(grouping: verdict.hits, by: \.rule).mapValues(\.count)
        for (rule, count) in perRule where count > Verdict.maximumHitsPerRule {
            problems.append("\(count) hits of \(rule); a verdict keeps at most \(Verdict.maximumHitsPerRule) per rule")
        }
        for hit in verdict.hits {
            let span = hit.span
            if span.start < 0 || span.end > input.count || span.start >= span.end {
                problems.append("hit \(describe(hit)) is outside 0..<\(input.count) or empty")
                continue
            }
            let original = String(decoding: input[span.start..<span.end], as: UTF8.self)
            if hit.match != original {
                problems.append("hit \(describe(hit)) reports \(hit.match.debugDescription); its span holds \(original.debugDescription)")
            }
            if let previous, (previous.span.start, previous.span.end, previous.rule) > (span.start, span.end, hit.rule) {
                problems.append("hits out of order: \(describe(previous)) before \(describe(hit))")
            }
            previous = hit
            guard let rule = rules.ruleSet.rule(hit.rule) else {
                problems.append("hit names an unknown rule: \(describe(hit))")
                continue
            }
            if hit.weight != rule.weight || hit.weight <= 0 || hit.category != hit.rule.category {
                problems.append("hit \(describe(hit)) has weight \(hit.weight) and category \(hit.category); the rule has weight \(rule.weight)")
            }
            if counted.insert(hit.rule).inserted { keep[hit.category, default: 1] *= 1 - hit.weight }
        }
        var labels: [String] = []
        var action = Action.allow
        for (category, score) in zip(categories, verdict.scores) {
            let expected = 1 - keep[category.name, default: 1]
            if !(0...1).contains(score.score) || abs(score.score - expected) > 1e-9 {
                problems.append("score of \(category.name) is \(score.score); its hits give \(expected)")
            }
            if score.score + 1e-9 >= category.thresholds.review {
                labels.append(category.name)
                action = max(action, score.score + 1e-9 >= category.thresholds.remove ? .remove : .review)
            }
        }
        if verdict.labels != labels.sorted() { problems.append("labels are \(verdict.labels); the scores give \(labels.sorted())") }
        if verdict.action != action { problems.append("action is \(verdict.action); the scores give \(action)") }
        return problems
    }

    static func describe(_ hit: Hit) -> String { "\(hit.rule)@\(hit.span)" }
}
