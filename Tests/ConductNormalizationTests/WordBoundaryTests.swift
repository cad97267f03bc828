import Testing
@testable import ConductNormalization

/// UAX #29 word boundaries on normalized text.
@Suite struct WordBoundaryTests {
    static let cases: [(input: String, words: [String])] = [
        ("don't stop", ["don't", "stop"]),
        ("hello, world!", ["hello", "world"]),
        ("1,000.50 euro", ["1,000.50", "euro"]),
        ("e.g. ok", ["e.g", "ok"]),
        ("a:b", ["a", "b"]),
        ("snake_case x", ["snake_case", "x"]),
        ("中文字", ["中", "文", "字"]),
        ("カタカナ です", ["カタカナ", "で", "す"]),
        ("👍 idiot 🎉", ["idiot"]),
        ("שלום עולם", ["שלום", "עולם"]),
        ("مرحبا idiot", ["مرحبا", "idiot"]),
        ("h3ll0 world", ["hello", "world"]),
        ("abc123 x", ["abc123", "x"]),
        ("it’s", ["it’s"]),
        ("한국어 ok", ["한국어", "ok"]),
    ]

    @Test(arguments: cases)
    func words(_ example: (input: String, words: [String])) {
        let text = normalized(example.input)
        let words = text.wordRanges.map { String(decoding: text.bytes[$0], as: UTF8.self) }
        #expect(words == example.words, "\(example.input)")
    }

    @Test func startsAndEnds() {
        let text = normalized("a don't idiot.")
        #expect(text.string == "a don't idiot.")
        #expect((0...text.bytes.count).filter { text.isWordStart($0) } == [0, 2, 8])
        #expect((0...text.bytes.count).filter { text.isWordEnd($0) } == [1, 7, 13])
    }

    @Test func markExtendsTheWord() {
        var options = NormalizationOptions.default
        options.remove(.foldDiacritics)
        let text = normalized("q\u{301}x y", options)
        #expect(text.wordRanges == [0..<4, 5..<6])
        #expect(!text.isWordEnd(1))
        #expect(!text.isWordStart(1))
        #expect(!text.isWordStart(2), "inside a scalar")
        #expect(text.isWordEnd(4))
    }

    @Test func outOfRangeOffsetsAreNotBoundaries() {
        let text = normalized("ab")
        #expect(!text.isWordStart(2))
        #expect(!text.isWordStart(-1))
        #expect(!text.isWordEnd(0))
        #expect(!text.isWordEnd(3))
        #expect(text.isWordEnd(2))
    }

    @Test func emojiSequencesAreNotWords() {
        var options = NormalizationOptions.default
        options.remove(.dropIgnorables)
        let text = normalized("\u{1F468}\u{200D}\u{1F469} ok", options)
        #expect(text.wordRanges == [12..<14])
        let boundaries = text.bytes.withUnsafeBufferPointer { bytes in
            (1..<text.bytes.count).filter { WordBoundaries.isBoundary(at: $0, in: bytes) }
        }
        #expect(boundaries == [11, 12], "WB4 keeps the joiner with the man, WB3c the woman with the joiner")
    }
}
