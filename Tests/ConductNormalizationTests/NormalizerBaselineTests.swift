import Testing
@testable import ConductNormalization

@Test func invalidUTF8BecomesReplacementMappedToTheByte() {
    let text = Normalizer().normalize(utf8: [0x61, 0xFF, 0x62])
    #expect(text.string == "a\u{FFFD}b")
    #expect(text.originalSpan(normalizedStart: 1, normalizedEnd: 4) == OriginalSpan(start: 1, end: 2))
}
