import Testing
@testable import ConductNormalization

/// Runs of three or more single letters with one consistent separator are joined.
@Suite struct SpacedLetterTests {
    static let joined: [(input: String, output: String)] = [
        ("s e l l", "sell"), ("s.e.l.l", "sell"), ("s-e-l-l", "sell"), ("s_e_l_l", "sell"), ("s*e*l*l", "sell"),
        ("s. e. l. l.", "sell."), ("s - e - l - l", "sell"), ("S  E  L  L now", "sell now"), ("f u c k you", "fuck you"),
        ("i d i o t", "idiot"), ("\u{456} d \u{456} \u{43E} t", "idiot"), ("s 3 l l", "sell"), ("u.s.a.", "usa."),
        ("s o o o r r y", "sorry"), ("(s e l l)", "(sell)"), ("a b c", "abc"),
    ]

    @Test(arguments: joined)
    func joins(_ example: (input: String, output: String)) {
        let text = normalized(example.input)
        #expect(text.string == example.output, "\(example.input)")
        #expect(text.applied.contains(.joinSpacedLetters), "\(example.input)")
    }

    static let kept: [(input: String, output: String)] = [
        ("e.g. this", "e.g. this"), ("a b testing", "a b testing"), ("i.e. a b", "i.e. a b"), ("s e.l l", "s e.l l"),
        ("mr.a.b.c", "mr.a.b.c"), ("don't a b", "don't a b"), ("1 d 1 0 t", "1 d 1 0 t"), ("1 2 3", "1 2 3"),
        ("我 是 猫", "我 是 猫"), ("plan A or B", "plan a or b"), ("x-ray", "x-ray"),
    ]

    @Test(arguments: kept)
    func keeps(_ example: (input: String, output: String)) {
        let text = normalized(example.input)
        #expect(text.string == example.output, "\(example.input)")
        #expect(!text.applied.contains(.joinSpacedLetters), "\(example.input)")
    }

    /// A capital "I" before lower-case spaced letters that make a run of their own is the
    /// pronoun; the same letters typed in one case are spelled out.
    static let pronoun: [(input: String, output: String)] = [
        ("I h a t e you", "i hate you"), ("so I h a t e it", "so i hate it"), ("I  h a t e  you", "i hate you"),
        ("I D I O T", "idiot"), ("i d i o t", "idiot"), ("i h a t e you", "ihate you"), ("I H a t e", "ihate"),
        ("I a m", "iam"), ("I.h.a.t.e", "ihate"), ("\u{FF29} h a t e", "ihate"),
        // The cost of deciding by case: a word spelled in sentence case from an "i".
        ("I d i o t", "i diot"),
    ]

    @Test(arguments: pronoun)
    func pronounI(_ example: (input: String, output: String)) {
        let text = normalized(example.input)
        #expect(text.string == example.output, "\(example.input)")
        #expect(normalized(text.string).string == text.string, "\(example.input)")
    }

    @Test func pronounMap() {
        #expect(groups(normalized("I h a t e")) == [
            Group("i", 0, 1), Group(" ", 1, 2), Group("h", 2, 3), Group("a", 4, 5), Group("t", 6, 7), Group("e", 8, 9),
        ])
    }

    /// With white space kept as it is, every white-space character separates and starts a
    /// run alike, the vertical tab and form feed too.
    @Test func keptWhiteSpaceSeparates() {
        var options = NormalizationOptions.default
        options.remove(.collapseWhitespace)
        let text = normalized("zz\u{0B}a\u{0B}b\u{0B}c", options)
        #expect(text.string == "zz\u{0B}abc")
        #expect(groups(text) == [Group("z", 0, 1), Group("z", 1, 2), Group("\u{0B}", 2, 3),
                                 Group("a", 3, 4), Group("b", 5, 6), Group("c", 7, 8)])
        let pronoun = normalized("I\u{0B}\u{0B}b\u{0B}\u{0B}b\u{0B}\u{0B}c", options)
        #expect(pronoun.string == "i\u{0B}\u{0B}bbc")
        #expect(groups(pronoun) == [Group("i", 0, 1), Group("\u{0B}", 1, 2), Group("\u{0B}", 2, 3),
                                    Group("b", 3, 4), Group("b", 6, 7), Group("c", 9, 10)])
        #expect(normalized("I\u{0B}\u{0B}b\u{0B}\u{0B}b\u{0B}\u{0B}b", options).string == "i\u{0B}\u{0B}b")
        #expect(normalized("I\u{0C}h\u{0C}a\u{0C}t\u{0C}e").string == "i hate")
    }

    @Test func exactMap() {
        #expect(groups(normalized("s e l l")) == [Group("s", 0, 1), Group("e", 2, 3), Group("l", 4, 5), Group("l", 6, 7)])
        #expect(groups(normalized("buy s.e.l.l!")) == [
            Group("b", 0, 1), Group("u", 1, 2), Group("y", 2, 3), Group(" ", 3, 4),
            Group("s", 4, 5), Group("e", 6, 7), Group("l", 8, 9), Group("l", 10, 11), Group("!", 11, 12),
        ])
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.joinSpacedLetters)
        #expect(normalized("s e l l", options).string == "s e l l")
    }
}
