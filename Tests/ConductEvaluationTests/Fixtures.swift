import ConductKit
import ConductNormalization
import ConductRules
@testable import ConductEvaluation

/// A verdict predicting `labels`, with one hit per rule in `hits` (a rule listed twice hits twice).
func verdict(_ labels: [String], hits: [RuleID] = []) -> Verdict {
    Verdict(
        labels: labels, action: labels.isEmpty ? .allow : .review, scores: [],
        hits: hits.enumerated().map { index, rule in
            Hit(rule: rule, category: rule.category, weight: 0.5,
                span: OriginalSpan(start: index, end: index + 1), match: "x")
        })
}

func post(_ source: String, _ id: String, lang: String = "en", _ labels: [String], ambiguous: Bool = false,
          functionality: String? = nil, text: String? = nil, line: Int = 1) -> LabelledPost {
    LabelledPost(id: id, text: text ?? "text of \(id)", lang: lang, labels: labels, ambiguous: ambiguous,
                 functionality: functionality, source: source, line: line)
}

/// A small two-file corpus with its verdicts. Per post: gold → predicted (hits).
///
///     a.jsonl p1 en  harassment          → harassment (insult)
///     a.jsonl p2 en  harassment          → -
///     a.jsonl p3 en  -                   → harassment (insult, threat)
///     a.jsonl p4 en  selling             → selling (code, link)
///     a.jsonl p5 en  -                   → - (link, below threshold)
///     b.jsonl q1 nl  harassment, selling → harassment (threat)
///     b.jsonl q2 nl  - ambiguous         → selling (code)
///     b.jsonl q3 en  -                   → -
///     b.jsonl q4 nl  harassment          → harassment (insult twice)
enum SmallCorpus {
    static let categories = ["harassment", "selling", "doxxing"]
    static let rules: [RuleID] = ["doxxing.phone"]

    static let cases: [(LabelledPost, Verdict)] = [
        (post("a.jsonl", "p1", ["harassment"], text: "You are a complete fool, honestly."),
         verdict(["harassment"], hits: ["harassment.insult"])),
        (post("a.jsonl", "p2", ["harassment"]), verdict([])),
        (post("a.jsonl", "p3", [], text: "Fool me once, shame on you;\nfool me twice, shame on me."),
         verdict(["harassment"], hits: ["harassment.insult", "harassment.threat"])),
        (post("a.jsonl", "p4", ["selling"]), verdict(["selling"], hits: ["selling.code", "selling.link"])),
        (post("a.jsonl", "p5", [], text: "Great deal | 50% *off* today\nvisit [our shop] or _reply_"),
         verdict([], hits: ["selling.link"])),
        (post("b.jsonl", "q1", lang: "nl", ["selling", "harassment"]),
         verdict(["harassment"], hits: ["harassment.threat"])),
        (post("b.jsonl", "q2", lang: "nl", [], ambiguous: true), verdict(["selling"], hits: ["selling.code"])),
        (post("b.jsonl", "q3", []), verdict([])),
        (post("b.jsonl", "q4", lang: "nl", ["harassment"]),
         verdict(["harassment"], hits: ["harassment.insult", "harassment.insult"])),
    ]

    static var posts: [LabelledPost] { cases.map(\.0) }
    static var verdicts: [Verdict] { cases.map(\.1) }

    static func report(includeAmbiguous: Bool = false) -> EvaluationReport {
        Evaluation(categories: categories, includeAmbiguous: includeAmbiguous, rules: rules)
            .evaluate(posts: posts, verdicts: verdicts)
    }

    /// The same corpus with some predictions changed: `changes[id]` replaces that post's verdict.
    static func report(changing changes: [String: Verdict]) -> EvaluationReport {
        Evaluation(categories: categories, rules: rules).evaluate(posts: posts) { post in
            changes[post.id] ?? cases.first { $0.0.key == post.key }!.1
        }
    }
}
