import Testing
@testable import ConductMatching

@Suite struct DetectorBSNTests {
    /// Nine digits whose first eight come from `seed` and whose last makes the 11-proef hold,
    /// or nil when no digit can (the weighted sum needs a check digit of 10).
    static func validBSN(seed: Int) -> String? {
        var state = UInt64(seed) &* 2_862_933_555_777_941_757 &+ 3_037_000_493
        var digits: [Int] = []
        for _ in 0..<8 {
            state = state &* 2_862_933_555_777_941_757 &+ 3_037_000_493
            digits.append(Int(state >> 40) % 10)
        }
        let sum = zip(digits, [9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = sum % 11
        guard check < 10, digits.contains(where: { $0 != 0 }) else { return nil }
        return (digits + [check]).map(String.init).joined()
    }

    static let computed: [String] = (0..<40).compactMap { validBSN(seed: $0) }

    @Test(arguments: computed)
    func acceptsComputedNumbersInEveryNotation(_ bsn: String) {
        let d = Array(bsn)
        let threes = [String(d[0..<3]), String(d[3..<6]), String(d[6..<9])]
        DetectorExamples.check(.bsn, "⟦\(bsn)⟧")
        DetectorExamples.check(.bsn, "bsn: ⟦\(threes.joined(separator: "."))⟧")
        DetectorExamples.check(.bsn, "⟦\(threes.joined(separator: " "))⟧")
        DetectorExamples.check(.bsn, "⟦\(threes.joined(separator: "-"))⟧")
        DetectorExamples.check(.bsn, "⟦\(String(d[0..<4])).\(String(d[4..<6])).\(String(d[6..<9]))⟧")
    }

    @Test(arguments: computed)
    func rejectsEveryChangedDigit(_ bsn: String) {
        let d = Array(bsn)
        for position in 0..<9 {
            var wrong = d
            let digit = Int(String(d[position]))!
            wrong[position] = Character(String((digit + 1) % 10))
            // A changed digit moves the weighted sum by its weight (1…9), never by 11.
            DetectorExamples.check(.bsn, String(wrong))
        }
    }

    @Test(arguments: [
        "⟦123456782⟧", "⟦111222333⟧", "bsn ⟦123456782⟧", "mijn bsn is ⟦123.456.782⟧", "⟦123 456 782⟧.",
        "bsn ⟦12345672⟧", "bsn: ⟦12345672⟧", "burgerservicenummer ⟦12345672⟧", "sofinummer: ⟦12345672⟧",
        "bsn-nummer ⟦12345672⟧", "bsn nummer ⟦12345672⟧", "(⟦123456782⟧)", "⟦123456782⟧ en ⟦111222333⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.bsn, example)
    }

    @Test(arguments: [
        "123456789", "123456783", "000000000", "000.000.000", "12345672", "nummer 12345672", "0612345678",
        "06 12345678", "1234567820", "12345678200", "order 123456782", "factuur 123456782", "ref: 123456782",
        "#123456782", "€123456782", "$ 123456782", "nl91 abna 0417 1643 00", "123456782abc", "abc123456782",
        "123.456.782.1", "12.3456.782", "123-456.782", "123 456 78 2", "+31 612345678", "123456782-5",
        "0031 123456782",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.bsn, example)
    }

    @Test(arguments: [(123_456_782, true), (111_222_333, true), (12_345_672, true), (123_456_789, false),
                      (999_999_990, true), (999_999_999, false), (100_000_009, true)])
    func elevenTest(_ value: Int, _ valid: Bool) {
        #expect(DetectorScan.passesElevenTest(value) == valid)
    }
}
