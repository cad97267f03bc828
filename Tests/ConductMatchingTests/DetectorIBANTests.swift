import Testing
@testable import ConductMatching

@Suite struct DetectorIBANTests {
    /// Published examples (ISO 13616 registry, bank documentation), lower-cased as posts are.
    @Test(arguments: [
        "⟦nl91 abna 0417 1643 00⟧", "⟦nl91abna0417164300⟧", "⟦gb82 west 1234 5698 7654 32⟧", "⟦gb82west12345698765432⟧",
        "⟦de89 3704 0044 0532 0130 00⟧", "⟦be68 5390 0754 7034⟧", "⟦fr14 2004 1010 0505 0001 3m02 606⟧",
        "⟦no93 8601 1117 947⟧", "⟦ch93 0076 2011 6238 5295 7⟧", "⟦es91 2100 0418 4502 0005 1332⟧",
        "⟦at61 1904 3002 3457 3201⟧", "⟦it60 x054 2811 1010 0000 0123 456⟧", "⟦pl61 1090 1014 0000 0712 1981 2874⟧",
        "⟦mt84 malt 0110 0001 2345 mtlc ast0 01s⟧", "⟦ie29 aibk 9311 5212 3456 78⟧", "⟦lu28 0019 4006 4475 0000⟧",
        "⟦NL91ABNA0417164300⟧", "iban: ⟦nl91abna0417164300⟧.", "(⟦nl91 abna 0417 1643 00⟧)",
        "maak over naar ⟦nl91 abna 0417 1643 00⟧ t.n.v. jan", "⟦nl91abna0417164300⟧ of ⟦be68539007547034⟧",
    ])
    func acceptsPublishedExamples(_ example: String) {
        DetectorExamples.check(.iban, example)
    }

    @Test(arguments: [
        "nl92 abna 0417 1643 00", "nl91 abna 0417 1643 01", "nl91 abna 0471 1643 00", "gb82 west 1234 5698 7654 33",
        "nl91 abna 0417 1643 0", "nl91abna04171643000", "nl91 abna 0417 1643 001", "nl91abna041716430",
        "xx91 abna 0417 1643 00", "nl91 abn a041 7164 300", "nl91  abna 0417 1643 00", "nl91abna 0417 1643 00",
        "anl91abna0417164300", "nl91abna0417164300x", "_nl91abna0417164300", "nl 91 abna 0417 1643 00",
        "nl9 1abna0417164300", "nlxx abna 0417 1643 00",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.iban, example)
    }

    /// Every SEPA country, with its registry length (written here independently of the
    /// detector's table).
    static let sepaLengths: [(String, Int)] = [
        ("ad", 24), ("at", 20), ("be", 16), ("bg", 22), ("ch", 21), ("cy", 28), ("cz", 24), ("de", 22),
        ("dk", 18), ("ee", 20), ("es", 24), ("fi", 18), ("fr", 27), ("gb", 22), ("gi", 23), ("gr", 27),
        ("hr", 21), ("hu", 28), ("ie", 22), ("is", 26), ("it", 27), ("li", 21), ("lt", 20), ("lu", 20),
        ("lv", 21), ("mc", 27), ("mt", 31), ("nl", 18), ("no", 15), ("pl", 28), ("pt", 25), ("ro", 24),
        ("se", 24), ("si", 19), ("sk", 24), ("sm", 27), ("va", 22),
    ]

    /// The IBAN for `country` and `bban`, its check digits computed by ISO 7064 mod 97-10.
    static func iban(_ country: String, _ bban: String) -> String {
        var remainder = 0
        for character in (bban + country + "00").unicodeScalars {
            let v = character.properties.numericType != nil
                ? Int(character.value) - 48 : Int(character.value) - Int(("a" as Unicode.Scalar).value) + 10
            remainder = (v < 10 ? remainder * 10 + v : remainder * 100 + v) % 97
        }
        let check = 98 - remainder
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// A deterministic BBAN of `length` characters: digits, with letters where a seed says so.
    static func bban(_ length: Int, seed: Int) -> String {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var out = ""
        for index in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = Int(state >> 33)
            out += index < 4 && seed % 2 == 1
                ? String(UnicodeScalar(UInt8(97 + r % 26))) : String(r % 10)
        }
        return out
    }

    static func spaced(_ code: String) -> String {
        var out = ""
        for (index, character) in code.enumerated() {
            if index > 0 && index % 4 == 0 { out += " " }
            out.append(character)
        }
        return out
    }

    @Test(arguments: sepaLengths)
    func acceptsComputedIBANs(_ country: String, _ length: Int) {
        for seed in 0..<4 {
            let code = Self.iban(country, Self.bban(length - 4, seed: seed))
            #expect(code.count == length)
            DetectorExamples.check(.iban, "⟦\(code)⟧")
            DetectorExamples.check(.iban, "iban ⟦\(Self.spaced(code))⟧ graag")
        }
    }

    @Test(arguments: sepaLengths)
    func rejectsComputedIBANsWithOneWrongCharacterOrLength(_ country: String, _ length: Int) {
        let code = Array(Self.iban(country, Self.bban(length - 4, seed: 7)))
        for position in 2..<length {
            var wrong = code
            let digit = Int(String(wrong[position])) ?? 0
            wrong[position] = Character(String((digit + 1 + position % 8) % 10))
            DetectorExamples.check(.iban, String(wrong))
        }
        DetectorExamples.check(.iban, String(code.dropLast()))
        DetectorExamples.check(.iban, String(code) + "0")
        // Adjacent transposition of two different characters.
        if let k = (4..<(length - 1)).first(where: { code[$0] != code[$0 + 1] }) {
            var swapped = code
            swapped.swapAt(k, k + 1)
            DetectorExamples.check(.iban, String(swapped))
        }
    }

    @Test func ibanDigitsAreNotPhonesBSNsOrPostcodes() {
        let text = Array("nl91 abna 0417 1643 00 and gb82 west 1234 5698 7654 32".utf8)
        let found = Detectors(kinds: [.iban, .phone, .bsn, .postcode, .money]).detections(in: text)
        #expect(found.map(\.description) == ["iban@0..<22", "iban@27..<54"])
    }
}
