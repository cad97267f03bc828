import Testing
@testable import ConductMatching

@Suite struct DetectorCardTests {
    /// `prefix` filled to `length` digits with seeded digits and a Luhn check digit.
    static func luhnValid(_ prefix: String, length: Int, seed: Int) -> String {
        var digits = prefix.map { Int(String($0))! }
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        while digits.count < length - 1 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            digits.append(Int(state >> 59) % 10)
        }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            // The check digit will stand right of these, so the first from the right is doubled.
            let v = i % 2 == 0 ? d * 2 : d
            sum += v > 9 ? v - 9 : v
        }
        return (digits + [(10 - sum % 10) % 10]).map(String.init).joined()
    }

    /// `number` in groups of four, the last holding the rest.
    static func fours(_ number: String, _ separator: String) -> String {
        var groups: [String] = []
        var rest = Substring(number)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: separator)
    }

    static func isEAN13(_ number: String) -> Bool {
        number.count == 13 && number.enumerated().reduce(0) { $0 + Int(String($1.element))! * ($1.offset % 2 == 0 ? 1 : 3) } % 10 == 0
    }

    /// Every brand's prefixes at lengths it issues.
    static let issued: [(String, Int)] = [
        ("4", 13), ("4", 16), ("4", 19), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15),
        ("36", 14), ("38", 16), ("36", 19), ("3528", 16), ("3589", 19), ("6011", 16), ("65", 16), ("65", 19),
        ("50", 16), ("56", 13), ("69", 19), ("6759", 18), ("644", 17),
    ]

    static let computed: [String] = issued.enumerated().map { luhnValid($1.0, length: $1.1, seed: $0) }

    @Test(arguments: computed)
    func acceptsComputedNumbersContiguousAndInGroupsOfFour(_ card: String) {
        DetectorExamples.check(.card, Self.isEAN13(card) ? card : "⟦\(card)⟧")
        DetectorExamples.check(.card, "⟦\(Self.fours(card, " "))⟧")
        DetectorExamples.check(.card, "card ⟦\(Self.fours(card, "-"))⟧.")
    }

    @Test(arguments: computed)
    func rejectsEveryChangedDigit(_ card: String) {
        let d = Array(card)
        for position in 0..<d.count {
            var wrong = d
            wrong[position] = Character(String((Int(String(d[position]))! + 1) % 10))
            // Luhn catches every single changed digit; a changed prefix may also leave the brand.
            DetectorExamples.check(.card, String(wrong))
            // Past 16 digits the first four groups may form a card of their own.
            if d.count <= 16 { DetectorExamples.check(.card, Self.fours(String(wrong), " ")) }
        }
    }

    @Test(arguments: [("34", 15), ("37", 15), ("36", 14), ("38", 14)] as [(String, Int)])
    func acceptsAmexAndDinersInFourSixGroups(_ prefix: String, _ length: Int) {
        for seed in 0..<5 {
            let card = Array(Self.luhnValid(prefix, length: length, seed: seed))
            let grouped = String(card[0..<4]) + " " + String(card[4..<10]) + " " + String(card[10...])
            DetectorExamples.check(.card, "⟦\(grouped)⟧")
            DetectorExamples.check(.card, "⟦\(grouped.split(separator: " ").joined(separator: "-"))⟧")
        }
    }

    @Test(arguments: [
        // Luhn-valid, but a length the brand does not issue or no known prefix
        ("4", 15), ("4", 14), ("4", 17), ("51", 15), ("55", 19), ("2220", 16), ("2721", 16), ("34", 16), ("37", 14),
        ("36", 13), ("3527", 16), ("3590", 16), ("30", 14), ("1", 16), ("7", 16), ("8", 16), ("9", 16), ("0", 16),
        ("4", 20), ("6011", 20),
    ] as [(String, Int)])
    func rejectsLengthsAndPrefixesNoBrandIssues(_ prefix: String, _ length: Int) {
        let card = Self.luhnValid(prefix, length: length, seed: length)
        DetectorExamples.check(.card, card)
        // Past 16 digits a prefix of whole groups may itself be a card.
        if length <= 16 { DetectorExamples.check(.card, Self.fours(card, " ")) }
    }

    @Test(arguments: [
        "⟦4111 1111 1111 1111⟧", "⟦4111-1111-1111-1111⟧", "⟦4111111111111111⟧", "⟦5555 5555 5555 4444⟧",
        "⟦3782 822463 10005⟧", "⟦378282246310005⟧", "⟦6011 1111 1111 1117⟧", "⟦3530 1113 3330 0000⟧",
        "⟦5105105105105100⟧", "⟦4222222222222⟧", "⟦4111 1111 1111 1111⟧ 2024", "card: ⟦4111 1111 1111 1111⟧.",
        "⟦4111 1111 1111 1111⟧, ⟦5555-5555-5555-4444⟧", "(⟦4111111111111111⟧)", "my card number is ⟦4111111111111111⟧",
        "⟦4111 1111 1111 1111⟧ 12/27", "⟦4111 1111 1111 1111⟧-",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.card, example)
    }

    @Test(arguments: [
        "4111 1111 1111 1112", "4111 1111-1111 1111", "4111.1111.1111.1111", "4111 1111 1111 1111-5",
        "4111 1111 1111 11111", "41111111111111111111", "x4111111111111111", "4111111111111111abc",
        "4111111111111111.5", "$4111111111111111", "€ 4111 1111 1111 1111", "order 4111 1111 1111 1111",
        "invoice: 4111111111111111", "#4111111111111111", "+4111111111111111", "4111 1111 1111",
        "4111  1111 1111 1111", "41 11 11 11 11 11 11 11", "4111 111111 11111", "3056 930902 5904",
        "4901234567894", "nl91 abna 0417 1643 00", "1234 5678 9012 3456", "12-4111111111111111",
        "7441 6019 1817 1052 0", "12 4111 1111 1111 1111", "1-4111-1111-1111-1111",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.card, example)
    }

    /// A card number is no phone number, even where its digits would form one; `number`
    /// still reports each group.
    @Test func aCardIsNoPhoneButItsGroupsAreNumbers() {
        // "4917000000001": Visa (13 digits, Luhn, no EAN-13) and a German number without '+'.
        let text = Array("4917000000001 en 4111 1111 1111 1111".utf8)
        #expect(Detectors(kinds: [.card, .phone, .number]).detections(in: text).map(\.description) == [
            "card@0..<13", "number@0..<13", "card@17..<36", "number@17..<21", "number@22..<26", "number@27..<31",
            "number@32..<36",
        ])
        #expect(Detectors(kinds: [.phone]).detections(in: text).isEmpty)
        #expect(Detectors(kinds: [.phone]).detections(in: Array("4917000000002".utf8)).map(\.description) == ["phone@0..<13"])
    }

    @Test(arguments: [("4111111111111111", true), ("4111111111111112", false), ("79927398713", true),
                      ("79927398710", false), ("0", true), ("4111 1111 1111 1111", true)])
    func luhn(_ digits: String, _ valid: Bool) {
        let bytes = Array(digits.utf8)
        bytes.withUnsafeBufferPointer { #expect(DetectorScan.passesLuhn($0.baseAddress!, 0, $0.count) == valid) }
    }
}
