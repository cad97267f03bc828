import Testing
@testable import ConductNormalization

/// Option names and the report of applied steps.
@Suite struct OptionsTests {
    @Test func namesInPipelineOrder() {
        #expect(NormalizationOptions.default.names == [
            "replace-invalid-utf8", "drop-ignorables", "nfkc-casefold", "fold-confusables", "fold-diacritics",
            "fold-leet", "join-spaced-letters", "squeeze-repeats", "collapse-whitespace",
        ])
        #expect(NormalizationOptions([.foldLeet, .nfkcCasefold]).names == ["nfkc-casefold", "fold-leet"])
    }

    @Test func appliedListsEveryStepThatChangedSomething() {
        let text = normalized("  Ｈ3LLO\u{200B} s e l l \u{456}d\u{456}ot loooser café \u{FF}")
        #expect(text.string == "hello sell idiot loser cafe y")
        #expect(text.applied == [.dropIgnorables, .nfkcCasefold, .foldConfusables, .foldDiacritics, .foldLeet,
                                 .joinSpacedLetters, .squeezeRepeats, .collapseWhitespace])
    }

    @Test func plainTextAppliesNothing() {
        #expect(normalized("already normal text").applied.isEmpty)
    }

    @Test func noStepsKeepsTheTextAsIs() {
        let input = "  Ｈ3LLO\u{200B} s e l l  "
        let text = normalized(input, [])
        #expect(text.string == input)
        #expect(groups(text).count == input.unicodeScalars.count)
    }
}
