import Testing
@testable import ConductNormalization

/// Runs of three or more identical letters become one letter mapped to the whole run.
@Suite struct SqueezeTests {
    static let cases: [(input: String, output: String)] = [
        ("loooser", "loser"), ("biiiitch", "bitch"), ("goooood", "god"), ("good", "good"), ("LOOOSER", "loser"),
        ("sooo", "so"), ("zzz", "z"), ("aaaah", "ah"), ("\u{438}\u{438}\u{438}\u{438}", "\u{438}"),
        ("1000", "1000"), ("!!!", "!!!"), ("...", "..."), ("h000", "h000"), ("l000ser", "l000ser"), ("lo0oser", "loser"), ("www.example.nl", "www.example.nl"),
        ("cooooool", "col"), ("bookkeeper", "bookkeeper"),
    ]

    @Test(arguments: cases)
    func squeezes(_ example: (input: String, output: String)) {
        #expect(normalized(example.input).string == example.output, "\(example.input)")
    }

    @Test func exactMap() {
        let text = normalized("loooser")
        #expect(groups(text) == [Group("l", 0, 1), Group("o", 1, 4), Group("s", 4, 5), Group("e", 5, 6), Group("r", 6, 7)])
        #expect(text.applied == [.squeezeRepeats])
        #expect(text.originalSpan(normalizedStart: 0, normalizedEnd: 5) == OriginalSpan(start: 0, end: 7))
    }

    @Test func runStartingInsideAnExpansionDoesNotOverlapIt() {
        // "ǆ" → "dž" → "dz"; the "z" run takes the original "zz" and the ǆ group keeps its "d".
        let text = normalized("\u{1C6}zz")
        #expect(text.string == "dz")
        #expect(invariantViolations(text, originalCount: 4).isEmpty)
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.squeezeRepeats)
        #expect(normalized("loooser", options).string == "loooser")
    }

    static let variants: [(word: String, variant: String?)] = [
        ("good", "god"), ("sell", "sel"), ("bookkeeper", "bokeper"), ("idiot", nil), ("1000", nil), ("", nil),
    ]

    @Test(arguments: variants)
    func squeezedVariant(_ example: (word: String, variant: String?)) {
        #expect(Normalizer.squeezedVariant(of: example.word) == example.variant)
        #expect(Normalizer.squeezedVariant(of: Array(example.word.utf8)) == example.variant.map { Array($0.utf8) })
    }

    /// The compiler's promise: a pattern word's squeezed variant equals any stretched spelling.
    @Test func variantMatchesStretchedSpelling() {
        #expect(normalized("goooood").string == Normalizer.squeezedVariant(of: normalized("good").string))
        #expect(normalized("seeeelllll").string == Normalizer.squeezedVariant(of: normalized("sell").string))
    }
}
