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
