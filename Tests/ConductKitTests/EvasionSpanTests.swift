import ConductKit
import ConductRules
import Testing

/// Hits on obfuscated and non-ASCII posts: the span is in the original UTF-8 bytes, and slicing
/// the original with it gives exactly the reported text.
@Suite("Spans on evasive and non-ASCII input")
struct EvasionSpanTests {
    static let rules: CompiledRules = {
        try! R.compile(
            R.category("harassment", [
                R.rule("harassment.insult", weight: 0.7, [R.p("idiot"), R.p("loser"), R.p([R.w("kanker", .infix)])]),
            ]),
            R.category("selling", [R.rule("selling.sell", weight: 0.6, [R.p("sell")])])
        )
    }()

    @Test("obfuscations still hit, with spans over the original bytes", arguments: [
        ("you ｉｄｉｏｔ", "harassment.insult", 4, 19, "ｉｄｉｏｔ"),                 // fullwidth
        ("you \u{456}d\u{456}\u{43E}t", "harassment.insult", 4, 12, "\u{456}d\u{456}\u{43E}t"), // Cyrillic look-alikes
        ("you id\u{200B}iot", "harassment.insult", 4, 12, "id\u{200B}iot"),       // zero-width space
        ("you 1d10t", "harassment.insult", 4, 9, "1d10t"),                        // leet
        ("you l o s e r", "harassment.insult", 4, 13, "l o s e r"),               // spaced letters
        ("you l.o.s.e.r!", "harassment.insult", 4, 13, "l.o.s.e.r"),              // dotted letters
        ("you looooser", "harassment.insult", 4, 12, "looooser"),                 // repeats
        ("you IDIOT", "harassment.insult", 4, 9, "IDIOT"),                         // case
        ("wij s e l l tickets", "selling.sell", 4, 11, "s e l l"),
        ("👩🏽‍💻 idiot", "harassment.insult", 16, 21, "idiot"),                   // multi-scalar emoji before
        ("vuile k\u{430}nkerlijer", "harassment.insult", 6, 18, "k\u{430}nkerlijer"), // look-alike inside a compound
    ])
    func evasions(text: String, rule: String, start: Int, end: Int, match: String) {
        let verdict = Self.rules.classify(text)
        let hits = verdict.hits.filter { $0.rule.rawValue == rule }
        #expect(hits.map(\.span) == [OriginalSpan(start: start, end: end)])
        #expect(hits.map(\.match) == [match])
        let bytes = Array(text.utf8)
        for hit in verdict.hits {
            #expect(String(decoding: bytes[hit.span.start..<hit.span.end], as: UTF8.self) == hit.match)
        }
    }

    @Test("invalid UTF-8 around a hit: the span still slices the original bytes")
    func invalidBytes() {
        let bytes: [UInt8] = [0xFF, 0x20] + Array("idiot".utf8) + [0x20, 0xC0, 0xAF]
        let verdict = Self.rules.classify(utf8: bytes)
        #expect(verdict.hits.map(\.span) == [OriginalSpan(start: 2, end: 7)])
        #expect(verdict.hits.map(\.match) == ["idiot"])
    }

    @Test("NFD input: the span covers the decomposed bytes")
    func decomposed() {
        let text = "cafe\u{301} idiot"   // é as e + combining acute
        let verdict = Self.rules.classify(text)
        #expect(verdict.hits.map(\.span) == [OriginalSpan(start: 7, end: 12)])
    }

    @Test("text written wholly in another script is left alone")
    func otherScript() {
        // Cyrillic "идиот" is a Russian word, not a look-alike of the Latin one.
        #expect(Self.rules.classify("\u{438}\u{434}\u{438}\u{43E}\u{442}").hits == [])
    }
}
