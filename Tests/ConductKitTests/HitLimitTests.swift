import ConductKit
import Testing

/// A rule reports at most `Verdict.maximumHitsPerRule` hits per post, its first in the text;
/// every rule that hit is still in the verdict and scores as before.
@Suite("Hits per rule are capped")
struct HitLimitTests {
    static let rules: CompiledRules = try! R.compile(
        R.category("harassment", [
            R.rule("harassment.insult", [R.p("idiot")], unless: [R.p("not idiot")]),
            R.rule("harassment.loser", weight: 0.3, [R.p("loser")]),
        ]),
        R.category("selling", [R.rule("selling.buy", weight: 0.5, [R.p("buy now")])]))

    /// "idiot " `count` times: hit n at 6n ..< 6n + 5.
    static func insults(_ count: Int) -> String { String(repeating: "idiot ", count: count) }

    static func spans(_ hits: [Hit], _ rule: String) -> [String] {
        hits.filter { $0.rule.rawValue == rule }.map { "\($0.span.start)..<\($0.span.end)" }
    }

    @Test("100 matches of a rule: 100 hits; 101 or 150,000: the first 100", arguments: [100, 101, 150_000])
    func firstHundred(count: Int) {
        let verdict = Self.rules.classify(Self.insults(count))
        #expect(Self.spans(verdict.hits, "harassment.insult") == (0..<100).map { "\($0 * 6)..<\($0 * 6 + 5)" })
        #expect(verdict.scores.map(\.score) == [0.6, 0])
        #expect(verdict.labels == ["harassment"] && verdict.action == .review)
    }

    @Test("the cap is per rule: other rules keep all their hits, and every rule scores once")
    func perRule() {
        let post = Self.insults(150) + "you loser, buy now! " + Self.insults(150) + "loser"
        let verdict = Self.rules.classify(post)
        #expect(Verdict.maximumHitsPerRule == 100)
        #expect(verdict.hits.count == 103)
        #expect(Self.spans(verdict.hits, "harassment.insult") == (0..<100).map { "\($0 * 6)..<\($0 * 6 + 5)" })
        #expect(Self.spans(verdict.hits, "harassment.loser") == ["904..<909", "1820..<1825"])
        #expect(Self.spans(verdict.hits, "selling.buy") == ["911..<918"])
        #expect(verdict.scores.map(\.score) == [1 - 0.4 * 0.7, 0.5])
        #expect(verdict.labels == ["harassment", "selling"] && verdict.action == .review)
    }

    @Test("explanations list the first 100 hits and the first 100 near misses of a rule")
    func explanation() {
        let post = String(repeating: "not idiot ", count: 150) + Self.insults(150)
        let explanation = Self.rules.explain(post)
        #expect(explanation.verdict == Self.rules.classify(post))
        #expect(explanation.hits.map { "\($0.hit.span.start)..<\($0.hit.span.end)" }
                    == (0..<100).map { "\(1_500 + $0 * 6)..<\(1_500 + $0 * 6 + 5)" })
        #expect(explanation.nearMisses.count == 100)
        #expect(explanation.nearMisses.first?.reason == "exception 'not idiot' matched 'not idiot' at 0..<9")
        #expect(explanation.nearMisses.last?.reason == "exception 'not idiot' matched 'not idiot' at 990..<999")
    }
}
