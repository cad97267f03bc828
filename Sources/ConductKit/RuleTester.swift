import Foundation
import ConductNormalization
import ConductRules

/// Runs every rule example as a test, with automatic mutations: each `match` example must make
/// its rule hit exactly the marked spans, and keep doing so with a multi-scalar emoji in front
/// (spans shift by its length), in NFD, and embedded in a longer neutral post; each
/// `no_match` example must not make its rule hit, alone, mutated, or all of them joined.
///
///     let failures = RuleTester(rules: compiled).run()
///     failures.map(\.description)   // ["Rules/selling.yaml:40:11: error: …"]
///
/// Cost: about eight classifications per example.
public struct RuleTester: Sendable {
    public let rules: CompiledRules

    /// Prefixed to examples: a ZWJ sequence with a skin-tone modifier (5 scalars, 15 bytes)
    /// and a space.
    public static let emojiPrefix = "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} "
    public static let embedPrefix = "Posted from the mobile app. "
    public static let embedSuffix = " Edited for typos."

    public init(rules: CompiledRules) {
        self.rules = rules
    }

    /// One failed expectation, located at the example in its rule file.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var rule: RuleID
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): error: \(rule): \(message)" }
    }

    /// The outcome of a run.
    public struct Summary: Sendable {
        public var rules: Int
        public var examples: Int
        public var checks: Int
        public var failures: [Failure]
    }

    /// Runs every example of every rule.
    public func run() -> Summary {
        var failures: [Failure] = []
        var examples = 0
        var checks = 0
        for rule in rules.ruleSet.rules {
            for example in rule.matchExamples {
                examples += 1
                checks += checkMatch(rule, example, &failures)
            }
            for example in rule.noMatchExamples {
                examples += 1
                checks += checkNoMatch(rule, example.text, at: example.location, variant: nil, &failures)
                checks += checkNoMatch(rule, Self.emojiPrefix + example.text, at: example.location,
                                       variant: "with an emoji prefix", &failures)
                checks += checkNoMatch(rule, Self.embedPrefix + example.text + Self.embedSuffix,
                                       at: example.location, variant: "embedded in a longer post", &failures)
            }
            if rule.noMatchExamples.count > 1 {
                let joined = rule.noMatchExamples.map(\.text).joined(separator: "\n")
                checks += checkNoMatch(rule, joined, at: rule.noMatchExamples[0].location,
                                       variant: "all no_match examples joined", &failures)
            }
        }
        failures.sort { ($0.location, $0.message) < ($1.location, $1.message) }
        return Summary(rules: rules.ruleSet.rules.count, examples: examples, checks: checks, failures: failures)
    }

    /// The original spans where `rule` hits in `text` (components included), and the post's
    /// near misses of that rule.
    func spans(of rule: RuleID, in text: String) -> (spans: [OriginalSpan], texts: [String], misses: [String]) {
        let explanation = rules.explain(text)
        let hits = explanation.hits.filter { $0.hit.rule == rule }
        let misses = explanation.nearMisses.filter { $0.rule == rule }.map(\.reason)
        return (hits.map(\.hit.span), hits.map(\.hit.match), misses)
    }

    private func checkMatch(_ rule: Rule, _ example: Example, _ failures: inout [Failure]) -> Int {
        let expected = example.spans.map { OriginalSpan(start: $0.lowerBound, end: $0.upperBound) }
        var checks = 0
        func check(_ text: String, shift: Int, variant: String?) {
            checks += 1
            let found = spans(of: rule.id, in: text)
            let suffix = variant.map { " (\($0))" } ?? ""
            if found.spans.isEmpty {
                let why = found.misses.isEmpty ? "" : "; near miss: " + found.misses.joined(separator: "; ")
                failures.append(Failure(rule: rule.id, location: example.location,
                                        message: "match example did not match\(suffix): \"\(example.text)\"\(why)"))
                return
            }
            guard !expected.isEmpty else { return }
            let shifted = expected.map { OriginalSpan(start: $0.start + shift, end: $0.end + shift) }
            if found.spans != shifted {
                let want = shifted.map { "\($0)" }.joined(separator: ", ")
                let got = zip(found.spans, found.texts).map { "\($0) '\($1)'" }.joined(separator: ", ")
                failures.append(Failure(rule: rule.id, location: example.location,
                                        message: "expected spans [\(want)], found [\(got)]\(suffix): \"\(example.text)\""))
            }
        }
        check(example.text, shift: 0, variant: nil)
        check(Self.emojiPrefix + example.text, shift: Self.emojiPrefix.utf8.count, variant: "with an emoji prefix")
        check(Self.embedPrefix + example.text + Self.embedSuffix, shift: Self.embedPrefix.utf8.count,
              variant: "embedded in a longer post")
        // NFD changes byte offsets; the hit must still be found and read the same in NFC.
        checks += 1
        let nfd = example.text.decomposedStringWithCanonicalMapping
        let found = spans(of: rule.id, in: nfd)
        let utf8 = Array(example.text.utf8)
        let wanted = Set(expected.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self).precomposedStringWithCanonicalMapping })
        let got = Set(found.texts.map(\.precomposedStringWithCanonicalMapping))
        if found.spans.isEmpty || (!expected.isEmpty && got != wanted) {
            failures.append(Failure(rule: rule.id, location: example.location,
                                    message: "match example failed in NFD: expected \(wanted.sorted()), found \(got.sorted()): \"\(example.text)\""))
        }
        return checks
    }

    private func checkNoMatch(_ rule: Rule, _ text: String, at location: SourceLocation, variant: String?,
                              _ failures: inout [Failure]) -> Int {
        let found = spans(of: rule.id, in: text)
        if !found.spans.isEmpty {
            let suffix = variant.map { " (\($0))" } ?? ""
            let what = zip(found.spans, found.texts).map { "\($0) '\($1)'" }.joined(separator: ", ")
            failures.append(Failure(rule: rule.id, location: location,
                                    message: "no_match example matched\(suffix) at \(what): \"\(text)\""))
        }
        return 1
    }
}
