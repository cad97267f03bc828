import Testing
@testable import ConductNormalization

/// Default-ignorable code points are dropped; what is left keeps its own original bytes.
@Suite struct IgnorableTests {
    static let ignorables: [(name: String, scalar: Unicode.Scalar)] = [
        ("zero width space", "\u{200B}"), ("zero width non-joiner", "\u{200C}"), ("zero width joiner", "\u{200D}"),
        ("word joiner", "\u{2060}"), ("invisible times", "\u{2062}"), ("byte order mark", "\u{FEFF}"),
        ("soft hyphen", "\u{AD}"), ("combining grapheme joiner", "\u{34F}"), ("variation selector 16", "\u{FE0F}"),
        ("variation selector 1", "\u{FE00}"), ("variation selector 17", "\u{E0100}"),
        ("left-to-right mark", "\u{200E}"), ("right-to-left mark", "\u{200F}"), ("arabic letter mark", "\u{61C}"),
        ("right-to-left override", "\u{202E}"), ("left-to-right isolate", "\u{2066}"), ("pop directional isolate", "\u{2069}"),
        ("tag latin small a", "\u{E0061}"), ("cancel tag", "\u{E007F}"), ("language tag", "\u{E0001}"),
        ("mongolian vowel separator", "\u{180E}"), ("hangul filler", "\u{3164}"), ("halfwidth hangul filler", "\u{FFA0}"),
    ]

    @Test(arguments: ignorables)
    func droppedInsideAWord(_ example: (name: String, scalar: Unicode.Scalar)) {
        let width = String(example.scalar).utf8.count
        let text = normalized("id\(example.scalar)iot")
        #expect(text.string == "idiot", "\(example.name)")
        #expect(groups(text) == [Group("i", 0, 1), Group("d", 1, 2), Group("i", 2 + width, 3 + width),
                                 Group("o", 3 + width, 4 + width), Group("t", 4 + width, 5 + width)], "\(example.name)")
        #expect(text.applied == [.dropIgnorables], "\(example.name)")
    }

    @Test func spanOverADroppedCharacterCoversIt() {
        let text = normalized("a id\u{200B}\u{200D}iot")
        #expect(text.string == "a idiot")
        #expect(text.originalSpan(normalizedStart: 2, normalizedEnd: 7) == OriginalSpan(start: 2, end: 13))
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.dropIgnorables)
        let text = normalized("A\u{200B}B", options)
        #expect(text.string == "a\u{200B}b")
        #expect(groups(text) == [Group("a", 0, 1), Group("\u{200B}", 1, 4), Group("b", 4, 5)])
    }

    @Test func ignorableBetweenLetterAndMarkDoesNotBlockComposition() {
        let text = normalized("e\u{200B}\u{301}", [.dropIgnorables, .nfkcCasefold])
        #expect(groups(text) == [Group("é", 0, 6)])
    }

    @Test func zeroWidthJoinerSequencesLoseTheirJoiners() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let text = normalized("\(family) ok")
        #expect(groups(text) == [Group("\u{1F468}", 0, 4), Group("\u{1F469}", 7, 11), Group("\u{1F467}", 14, 18),
                                 Group(" ", 18, 19), Group("o", 19, 20), Group("k", 20, 21)])
    }
}
