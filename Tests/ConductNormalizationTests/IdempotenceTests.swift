import Testing
@testable import ConductNormalization

/// Normalized text is a fixed point: the smallest forms of the inputs on which a second
/// normalization once changed the text (found by the `normalize` fuzz target, see
/// `Tests/ConductKitTests/FuzzCrashers/normalize/`), each with its exact output.
@Suite struct IdempotenceTests {
    static let cases: [(input: String, output: String)] = [
        // A word that reads as one letter once leet is folded and runs are squeezed is a
        // spaced letter: "$$$$s" → "s", "$ss" → "s", "ee3e" → "e".
        ("$$$$s e l", "sel"), ("$ss e l", "sel"), ("ss$ e l", "sel"), ("l l $ss e", "llse"),
        ("x $$s e l", "xsel"), ("$$$$s e l l$$", "sel lss"), ("SSSSs e l l", "sell"),
        ("ee3e e e", "e"), ("EE3E E E efaué", "e efaue"),
        // A run that squeezes to one letter is a single letter again and goes on into the next run.
        ("a a a.b.c", "abc"), ("a a a.b", "a.b"), ("a a a a.a.a x", "a x"), ("e 3 e e", "e"),
        // The dots of spaced letters are no address, before or after joining.
        ("(j@x(a.b.c)", "(jax(abc)"),
        // "!" folds after at most three letters, counted as they read once folded: a leet
        // digit that became a letter is a letter, a look-alike is the letter it folds to.
        ("0oots!h", "otsih"), ("i\u{456}iab!x", "iabix"), ("\u{7F}d \0-\00oots!h0\u{456}ealsaa;", "\u{7F}d \0-\0otsihoiealsaa;"),
    ]

    @Test(arguments: cases)
    func normalizedTextIsAFixedPoint(_ example: (input: String, output: String)) {
        let once = normalized(example.input)
        #expect(once.string == example.output, "\(example.input)")
        let twice = normalized(once.string)
        #expect(twice.string == once.string, "\(example.input)")
        #expect(twice.applied == [], "\(example.input)")
    }

    @Test func joinedRunOfFoldedWordsMapsToTheirOriginals() {
        #expect(groups(normalized("$$$$s e l")) == [Group("s", 0, 5), Group("e", 6, 7), Group("l", 8, 9)])
        // The run "a a a" squeezes to one "a" mapped to all of it; ".b.c" joins onto it.
        #expect(groups(normalized("a a a.b.c")) == [Group("a", 0, 5), Group("b", 6, 7), Group("c", 8, 9)])
    }
}
