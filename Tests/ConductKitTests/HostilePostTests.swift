import ConductKit
import Foundation
import Testing

/// Posts built to break a classifier: 10 MB posts, a million tiny posts, only combining marks,
/// only zero-width characters, 100,000-character words, endless repetition, NUL bytes and
/// invalid UTF-8. Each ends in a verdict, with exact hits. (Time per MB is measured by
/// `scripts/fuzz.sh timing`, not asserted here.)
@Suite("Hostile posts")
struct HostilePostTests {
    static let rules: CompiledRules = {
        let harassment = """
            category: harassment
            description: Insults.
            threshold: { review: 0.5, remove: 0.85 }
            rules:
              - id: harassment.insult
                description: An insult
                guideline: code.txt "Be kind"
                weight: 0.6
                match: [idiot, "*hole"]
                examples: { match: ["⟦idiot⟧"] }
            """
        let selling = """
            category: selling
            description: Selling.
            threshold: { review: 0.5, remove: 0.85 }
            rules:
              - id: selling.buy_now
                description: A push to buy
                guideline: code.txt "Don't sell"
                weight: 0.5
                match: ["buy *2 now"]
                examples: { match: ["⟦buy it now⟧"] }
            """
        return try! CompiledRules(RuleSetLoader.load(sources: [("harassment.yaml", harassment), ("selling.yaml", selling)]))
    }()

    static func hits(_ verdict: Verdict) -> [String] {
        verdict.hits.map { "\($0.rule)@\($0.span.start)..<\($0.span.end)'\($0.match)'" }
    }

    static func isClean(_ verdict: Verdict) -> Bool {
        verdict.labels.isEmpty && verdict.action == .allow && verdict.hits.isEmpty && verdict.scores.allSatisfy { $0.score == 0 }
    }

    /// `unit` repeated until the result has at least `bytes` bytes.
    static func repeated(_ unit: String, bytes: Int) -> String {
        String(repeating: unit, count: (bytes + unit.utf8.count - 1) / unit.utf8.count)
    }

    @Test("a 10 MB post with one insult at its end: one hit, at its byte offset")
    func tenMegabytes() {
        let filler = Self.repeated("the meetup was fun and the talks were good ", bytes: 10_000_000)
        let offset = filler.utf8.count + 4
        let verdict = Self.rules.classify(filler + "you idiot")
        #expect(Self.hits(verdict) == ["harassment.insult@\(offset)..<\(offset + 5)'idiot'"])
        #expect(verdict.labels == ["harassment"] && verdict.action == .review)
        #expect(verdict.scores.map(\.score) == [0.6, 0])
    }

    @Test("100,000 insults in one post: the first 100 as hits, one score")
    func manyHits() {
        let verdict = Self.rules.classify(String(repeating: "idiot ", count: 100_000))
        #expect(verdict.hits.count == Verdict.maximumHitsPerRule)
        #expect(Self.hits(verdict).first == "harassment.insult@0..<5'idiot'")
        #expect(Self.hits(verdict).last == "harassment.insult@594..<599'idiot'")
        #expect(verdict.scores.map(\.score) == [0.6, 0])
    }

    @Test("a million tiny posts: a verdict each")
    func millionTinyPosts() {
        let posts: [[UInt8]] = ["", "hi", "idiot", "\u{200B}", "!", "\u{FF}"].map { Array($0.utf8) } + [[0xFF], [0x00]]
        var labelled = 0
        var clean = 0
        for n in 0..<1_000_000 {
            let verdict = Self.rules.classify(utf8: posts[n % posts.count])
            if verdict.labels == ["harassment"] { labelled += 1 }
            if Self.isClean(verdict) { clean += 1 }
        }
        #expect(labelled == 125_000)
        #expect(clean == 875_000)
    }

    @Test("only combining marks: clean; marks on every letter of an insult: a hit over all of it")
    func combiningMarks() {
        #expect(Self.isClean(Self.rules.classify(String(repeating: "\u{0301}", count: 100_000))))
        #expect(Self.isClean(Self.rules.classify(String(repeating: "\u{0308}\u{0323}\u{20DD}", count: 30_000))))
        let marked = "i\u{0301}d\u{0308}i\u{0301}o\u{0302}t\u{0301}"
        #expect(Self.hits(Self.rules.classify(marked)) == ["harassment.insult@0..<15'\(marked)'"])
    }

    @Test("only zero-width characters: clean; zero-width characters inside an insult: a hit")
    func zeroWidth() {
        #expect(Self.isClean(Self.rules.classify(String(repeating: "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}", count: 50_000))))
        #expect(Self.hits(Self.rules.classify("id\u{200B}i\u{2060}ot")) == ["harassment.insult@0..<11'id\u{200B}i\u{2060}ot'"])
    }

    @Test("100,000-character words: a suffix at the end of one is found, a word inside one is not")
    func longWords() {
        let word = String(repeating: "abcdefghij", count: 10_000)
        let verdict = Self.rules.classify(word + " " + word + "hole " + "idiot" + word)
        // A wildcard hit covers its whole word: the 100,004-byte word ending in "hole".
        let hits = verdict.hits.map { "\($0.rule)@\($0.span.start)..<\($0.span.end)" }
        #expect(hits == ["harassment.insult@100001..<200005"])
        #expect(verdict.hits.first?.match == word + "hole")
    }

    @Test("endless repetition: one letter or one word without spaces is clean")
    func repetition() {
        #expect(Self.isClean(Self.rules.classify(String(repeating: "a", count: 1_000_000))))
        #expect(Self.isClean(Self.rules.classify(String(repeating: "idiot", count: 200_000))))
        #expect(Self.isClean(Self.rules.classify(String(repeating: "buy ", count: 250_000))))
    }

    @Test("NUL bytes separate words and never end the post")
    func nulBytes() {
        #expect(Self.hits(Self.rules.classify(utf8: Array("you\u{0}idiot\u{0}".utf8))) == ["harassment.insult@4..<9'idiot'"])
        #expect(Self.isClean(Self.rules.classify(utf8: [UInt8](repeating: 0, count: 1_000_000))))
        let tail = [UInt8](repeating: 0, count: 100_000) + Array("idiot".utf8)
        #expect(Self.hits(Self.rules.classify(utf8: tail)) == ["harassment.insult@100000..<100005'idiot'"])
    }

    @Test("invalid UTF-8 around and inside words; a megabyte of random bytes keeps every span exact")
    func invalidUTF8() {
        let around: [UInt8] = [0xFF] + Array("idiot".utf8) + [0xC3]
        #expect(Self.hits(Self.rules.classify(utf8: around)) == ["harassment.insult@1..<6'idiot'"])
        #expect(Self.rules.classify(utf8: Array("id".utf8) + [0xFF] + Array("iot".utf8)).hits == [])
        var generator = SplitMix64(seed: 7)
        var random = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for at in stride(from: 1_000, to: 1_000_000, by: 50_000) {
            random.replaceSubrange(at..<(at + 7), with: Array(" idiot ".utf8))
        }
        let verdict = Self.rules.classify(utf8: random)
        #expect(ClassifyProperties.verdictProblems(Self.rules, verdict, random) == [])
        #expect(verdict.hits.count >= 20)
    }
}

/// Deterministic pseudo-random numbers (SplitMix64), so generated posts are the same every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
