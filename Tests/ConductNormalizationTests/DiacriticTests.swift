import Testing
@testable import ConductNormalization

/// Diacritics folded on Latin letters: precomposed letters through their decomposition
/// (plus ø ł đ ħ ı æ œ), combining diacritical marks dropped.
@Suite struct DiacriticTests {
    static let options: NormalizationOptions = [.nfkcCasefold, .foldDiacritics]

    static let cases: [(input: String, groups: [Group])] = [
        ("café", [Group("c", 0, 1), Group("a", 1, 2), Group("f", 2, 3), Group("e", 3, 5)]),
        ("ÉÏ", [Group("e", 0, 2), Group("i", 2, 4)]),
        ("e\u{301}", [Group("e", 0, 3)]),
        ("q\u{301}", [Group("q", 0, 3)]),
        ("ñøł", [Group("n", 0, 2), Group("o", 2, 4), Group("l", 4, 6)]),
        ("æœ", [Group("ae", 0, 2), Group("oe", 2, 4)]),
        ("ễ", [Group("e", 0, 3)]),
        ("h\u{338}\u{322}i", [Group("h", 0, 5), Group("i", 5, 6)]),
        ("ı", [Group("i", 0, 2)]),
        ("¨", [Group(" ", 0, 2)]),
        ("й", [Group("й", 0, 2)]),
        ("ά", [Group("ά", 0, 2)]),
    ]

    @Test(arguments: cases)
    func foldedWithExactMap(_ example: (input: String, groups: [Group])) {
        #expect(groups(normalized(example.input, Self.options)) == example.groups, "\(example.input)")
    }

    @Test func keycapMarkIsDropped() {
        #expect(normalized("1\u{FE0F}\u{20E3} go").string == "1 go")
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.foldDiacritics)
        #expect(normalized("Café naïve e\u{301}", options).string == "café naïve é")
    }

    @Test func reported() {
        #expect(normalized("café", Self.options).applied == [.foldDiacritics])
        #expect(normalized("ÉCOLE", Self.options).applied == [.nfkcCasefold, .foldDiacritics])
    }
}
