import ConductKit
import Testing

/// Rule sets at the size limits compile and classify: 100,000 distinct literals in one
/// automaton, and one million literal words through lists referred to a hundred times.
/// (Compile time and memory are measured by `scripts/fuzz.sh timing --compile`.)
@Suite("Hostile rule sets: compiling at the limits")
struct HostileRuleCompileTests {
    static let syllables = ["ba", "be", "bi", "bo", "bu", "da", "de", "di", "do", "du",
                            "ka", "ke", "ki", "ko", "ku", "ma", "me", "mi", "mo", "mu"]

    /// The `n`-th of 160,000 distinct eight-letter words without double letters, digits or
    /// look-alikes, so each normalizes to itself and is one literal.
    static func word(_ n: Int) -> String {
        (0..<4).map { syllables[(n / Int(pow20[$0])) % 20] }.joined()
    }
    static let pow20 = [1, 20, 400, 8_000]

    /// One rule matching `<l0>` … `<l9>`, ten lists of 10,000 words each: 100,000 words.
    static let hundredThousandWords: String = {
        var text = "category: harassment\ndescription: d\nthreshold: { review: 0.5, remove: 0.85 }\nlists:\n"
        for list in 0..<10 {
            text += "  l\(list): [" + (0..<10_000).map { word(list * 10_000 + $0) }.joined(separator: ", ") + "]\n"
        }
        return text + "rules:\n  - id: harassment.word\n    description: d\n    guideline: c.txt \"q\"\n    weight: 0.6\n"
            + "    match: [" + (0..<10).map { "\"<l\($0)>\"" }.joined(separator: ", ") + "]\n"
            + "    examples: { match: [\"⟦\(word(0))⟧\"] }\n"
    }()

    @Test("100,000 distinct literals: one automaton, any of them found with its exact span")
    func hundredThousandLiterals() throws {
        let rules = try CompiledRules(RuleSetLoader.load(sources: [("harassment.yaml", Self.hundredThousandWords)]))
        #expect(rules.literalCount == 100_000)
        let last = Self.word(99_999)
        #expect(last == "mumuduki")
        let verdict = rules.classify("hello \(Self.word(12_345)) and \(last), bye")
        #expect(verdict.hits.map { "\($0.span.start)..<\($0.span.end)'\($0.match)'" }
                == ["6..<14'\(Self.word(12_345))'", "19..<27'mumuduki'"])
        #expect(verdict.labels == ["harassment"])
    }

    @Test("one million literal words (a 10,000-word list used 100 times) compile to 10,000 literals")
    func millionLiteralWords() throws {
        let list = "lists:\n  big: [" + (0..<10_000).map { Self.word($0) }.joined(separator: ", ") + "]\n"
        let uses = Array(repeating: "\"<big>\"", count: 100).joined(separator: ", ")
        let text = "category: harassment\ndescription: d\nthreshold: { review: 0.5, remove: 0.85 }\n" + list
            + "rules:\n  - id: harassment.word\n    description: d\n    guideline: c.txt \"q\"\n    weight: 0.6\n"
            + "    match: [\(uses)]\n    examples: { match: [\"⟦\(Self.word(0))⟧\"] }\n"
        let rules = try CompiledRules(RuleSetLoader.load(sources: [("harassment.yaml", text)]))
        #expect(rules.literalCount == 10_000)
        let verdict = rules.classify("\(Self.word(9_999)) and \(Self.word(10_000))")
        #expect(verdict.hits.map { "\($0.span.start)..<\($0.span.end)'\($0.match)'" } == ["0..<8'\(Self.word(9_999))'"])
    }
}
