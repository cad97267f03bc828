import Testing
@testable import ConductMatching

@Suite struct DetectorSSNTests {
    @Test(arguments: [
        "⟦123-45-6789⟧", "⟦123 45 6789⟧", "ssn: ⟦078-05-1120⟧", "⟦899-99-9999⟧", "⟦001-01-0001⟧", "⟦665-12-3456⟧",
        "⟦667-12-3456⟧", "(⟦123-45-6789⟧)", "my ssn is ⟦123-45-6789⟧.", "⟦123-45-6789⟧ and ⟦234-56-7890⟧",
        "⟦123-45-6789⟧-", "⟦123-45-6789⟧ 12",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.ssn, example)
    }

    @Test(arguments: [
        // area 000, 666, 900–999; group 00; serial 0000
        "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
        // other shapes and separators
        "123456789", "123-45 6789", "123 45-6789", "123.45.6789", "123/45/6789", "123-456-789", "1234-56-789",
        "12-345-6789", "123-45-67890", "123-45-678", "123-4-56789", "123--45-6789",
        // glued, continued, after a currency or a code word
        "123-45-6789-1", "123-45-6789.5", "a123-45-6789", "123-45-6789x", "1-123-45-6789", "+123-45-6789",
        "order 123-45-6789", "invoice: 123-45-6789", "#123-45-6789", "$123-45-6789", "€ 123-45-6789",
        "2024-45-6789",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.ssn, example)
    }
}
