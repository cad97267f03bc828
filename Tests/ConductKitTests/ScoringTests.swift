import ConductKit
import ConductRules
import Testing

@Suite("Scoring, composites and languages")
struct ScoringTests {
    @Test("category score is 1 − Π(1 − w) over distinct rules; labels and action follow thresholds")
    func scores() throws {
        let rules = try R.compile(
            R.category("harassment", review: 0.5, remove: 0.85, [
                R.rule("harassment.a", weight: 0.6, [R.p("idiot")]),
                R.rule("harassment.b", weight: 0.5, [R.p("moron")]),
            ]),
            R.category("selling", review: 0.5, remove: 0.9, [R.rule("selling.a", weight: 0.4, [R.p("buy")])])
        )
        let both = rules.classify("idiot and moron and idiot, buy")
        #expect(both.scores.map(\.category) == ["harassment", "selling"])
        #expect(abs(both.score(for: "harassment") - 0.8) < 1e-12)
        #expect(abs(both.score(for: "selling") - 0.4) < 1e-12)
        #expect(both.labels == ["harassment"])
        #expect(both.action == .review)
        #expect(R.hits(both) == ["harassment.a@0..<5'idiot'", "harassment.b@10..<15'moron'",
                                 "harassment.a@20..<25'idiot'", "selling.a@27..<30'buy'"])
        let clean = rules.classify("what a lovely day")
        #expect(clean.labels == [] && clean.action == .allow && clean.hits == [])
        #expect(clean.scores.map(\.score) == [0, 0])
    }

    @Test("remove when the score reaches the remove threshold")
    func remove() throws {
        let rules = try R.compile(R.category("harassment", review: 0.5, remove: 0.85, [
            R.rule("harassment.a", weight: 0.9, [R.p("die")]),
        ]))
        #expect(rules.classify("just die").action == .remove)
    }

    @Test("composites hit when N of M components hit within the window; components score nothing")
    func composites() throws {
        let rules = try R.compile(R.category("doxxing", [
            R.rule("doxxing.her", weight: 0, [R.p("her number is"), R.p("her address is")]),
            R.rule("doxxing.digits", weight: 0, [R.p("zero six")]),
            R.rule("doxxing.combo", weight: 0.9, [], composite: Composite(atLeast: 2, of: ["doxxing.her", "doxxing.digits"], within: 8)),
        ]))
        let verdict = rules.classify("her number is zero six one two")
        #expect(R.hits(verdict) == ["doxxing.combo@0..<22'her number is zero six'"])
        #expect(verdict.labels == ["doxxing"])
        let far = rules.classify("her number is one two three four five six seven eight nine zero six")
        #expect(far.hits == [])
        let alone = rules.classify("her number is secret")
        #expect(alone.hits == [] && alone.score(for: "doxxing") == 0)
    }

    @Test("a language hint applies only that language's rules and the rules without languages")
    func languages() throws {
        let rules = try R.compile(R.category("selling", [
            R.rule("selling.en", lang: ["en"], [R.p("buy now")]),
            R.rule("selling.nl", lang: ["nl"], [R.p("koop nu")]),
            R.rule("selling.any", [R.p("promo")]),
        ]))
        let text = "buy now, koop nu, promo"
        #expect(R.hits(rules.classify(text)).count == 3)
        #expect(R.hits(rules.classify(text, language: "nl")) == ["selling.nl@9..<16'koop nu'", "selling.any@18..<23'promo'"])
    }

    @Test("explain reports hits, components and near misses with their reasons")
    func explain() throws {
        let rules = try R.compile(R.category("harassment", [
            R.rule("harassment.vermin", weight: 0.7, [R.p("vermin")],
                   unlessNear: Context(any: [R.p("not")], within: 1, side: .before)),
            R.rule("harassment.part", weight: 0, [R.p("they")]),
        ]))
        let explanation = rules.explain("they are not vermin")
        #expect(explanation.hits.map(\.hit.rule) == ["harassment.part"])
        #expect(explanation.hits.map(\.scored) == [false])
        #expect(explanation.nearMisses.map(\.reason) == ["exception 'not' (unless_near, within 1 words) matched 'not' at 9..<12"])
        #expect(explanation.nearMisses.map(\.match) == ["vermin"])
        #expect(explanation.verdict.hits == [])
    }

    @Test("classifying from many tasks at once gives identical verdicts")
    func concurrency() async throws {
        let rules = try R.compile(R.category("harassment", [
            R.rule("harassment.a", weight: 0.6, [R.p("idiot"), R.p([R.w("scum", .prefix)])]),
        ]))
        let posts = (0..<200).map { "post \($0): you idiot \($0 % 7 == 0 ? "scumbag" : "friend")" }
        let expected = posts.map { rules.classify($0) }
        let results = await withTaskGroup(of: (Int, Verdict).self) { group in
            for (index, post) in posts.enumerated() {
                group.addTask { (index, rules.classify(post)) }
            }
            var results = Array(repeating: Verdict(labels: [], action: .allow, scores: [], hits: []), count: posts.count)
            for await (index, verdict) in group { results[index] = verdict }
            return results
        }
        #expect(results == expected)
        #expect(expected[7].hits.count == 2 && expected[1].hits.count == 1)
    }
}
