import Testing
@testable import ConductNormalization

/// Every run of white space becomes one U+0020 mapped to the whole run; leading and trailing
/// white space is dropped.
@Suite struct WhitespaceTests {
    @Test func collapsesAndTrims() {
        let text = normalized("  ab \t\n cd  ")
        #expect(groups(text) == [Group("a", 2, 3), Group("b", 3, 4), Group(" ", 4, 8), Group("c", 8, 9), Group("d", 9, 10)])
        #expect(text.applied == [.collapseWhitespace])
    }

    static let spaces: [(name: String, scalar: Unicode.Scalar)] = [
        ("no-break space", "\u{A0}"), ("ideographic space", "\u{3000}"), ("em space", "\u{2003}"),
        ("line separator", "\u{2028}"), ("paragraph separator", "\u{2029}"), ("next line", "\u{85}"),
        ("ogham space mark", "\u{1680}"), ("narrow no-break space", "\u{202F}"),
    ]

    @Test(arguments: spaces)
    func unicodeSpaces(_ example: (name: String, scalar: Unicode.Scalar)) {
        let width = String(example.scalar).utf8.count
        #expect(groups(normalized("a\(example.scalar)b")) == [Group("a", 0, 1), Group(" ", 1, 1 + width), Group("b", 1 + width, 2 + width)],
                "\(example.name)")
    }

    @Test func ignorableInsideARunJoinsIt() {
        #expect(groups(normalized("a \u{200B} b")) == [Group("a", 0, 1), Group(" ", 1, 6), Group("b", 6, 7)])
    }

    @Test func onlySpaceBecomesEmpty() {
        let text = normalized(" \n\t ")
        #expect(text.bytes.isEmpty)
        #expect(text.originalCount == 4)
        #expect(text.originalSpan(normalizedStart: 0, normalizedEnd: 0) == OriginalSpan(start: 4, end: 4))
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.collapseWhitespace)
        #expect(normalized(" a  b\t", options).string == " a  b\t")
    }

    @Test func emptyInput() {
        let text = normalized("")
        #expect(text.bytes.isEmpty && text.originStarts.isEmpty && text.originEnds.isEmpty)
        #expect(text.applied.isEmpty)
    }
}
