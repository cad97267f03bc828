import Testing
@testable import ConductNormalization

/// NFKC_Casefold through ICU, with the ASCII fast path and the per-scalar table giving ICU's
/// exact output.
@Suite struct CasefoldTests {
    static let only: NormalizationOptions = [.nfkcCasefold]

    static let cases: [(input: String, groups: [Group])] = [
        ("ID", [Group("i", 0, 1), Group("d", 1, 2)]),
        ("ＩＤ", [Group("i", 0, 3), Group("d", 3, 6)]),
        ("ﬁne", [Group("fi", 0, 3), Group("n", 3, 4), Group("e", 4, 5)]),
        ("Straße", [Group("s", 0, 1), Group("t", 1, 2), Group("r", 2, 3), Group("a", 3, 4), Group("ss", 4, 6), Group("e", 6, 7)]),
        ("𝐢𝐝", [Group("i", 0, 4), Group("d", 4, 8)]),
        ("ⓘⓓ", [Group("i", 0, 3), Group("d", 3, 6)]),
        ("🄰", [Group("a", 0, 4)]),
        ("㎏", [Group("kg", 0, 3)]),
        ("Ⅻ", [Group("xii", 0, 3)]),
        ("x²", [Group("x", 0, 1), Group("2", 1, 3)]),
        ("½", [Group("1\u{2044}2", 0, 2)]),
        ("\u{212B}", [Group("å", 0, 3)]),          // ANGSTROM SIGN
        ("ΣΑΣ", [Group("σ", 0, 2), Group("α", 2, 4), Group("σ", 4, 6)]),
        ("e\u{301}", [Group("é", 0, 3)]),
        ("E\u{301}\u{323}", [Group("ẹ\u{301}", 0, 5)]),
        ("\u{1100}\u{1161}\u{11A8}", [Group("각", 0, 9)]),
        ("ǅ", [Group("dž", 0, 2)]),
        ("\u{2126}", [Group("ω", 0, 3)]),          // OHM SIGN
        ("ﷺ", [Group("صلى الله عليه وسلم", 0, 3)]),
    ]

    @Test(arguments: cases)
    func foldsWithExactMap(_ example: (input: String, groups: [Group])) {
        let text = normalized(example.input, Self.only)
        #expect(groups(text) == example.groups, "\(example.input)")
        #expect(text.applied == [.nfkcCasefold])
    }

    @Test func asciiFastPathMatchesICU() {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(normalized(all, Self.only).string == ICUReference.nfkcCasefold(all))
        var generator = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0..<128, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(normalized(text, Self.only).string == ICUReference.nfkcCasefold(text))
        }
    }

    /// ASCII runs after a non-ASCII scalar are copied in bulk, as far as the output has room:
    /// 40 expansions of ﷺ (3 bytes → 33 each) use up the spare room of the first buffer, so
    /// the second 2,000-byte run is copied in pieces. Every byte keeps its own offset, upper
    /// case folded.
    @Test func asciiRunsAfterExpansionsKeepTheirOffsets() {
        let head = String(repeating: "ﷺ", count: 40)
        let run = String(repeating: "Ab cD-9", count: 300).prefix(2_000)
        let text = normalized(head + run + "é" + run, Self.only)
        #expect(text.string == ICUReference.nfkcCasefold(head + run + "é" + run))
        let expansion = ICUReference.nfkcCasefold(head).utf8.count
        let lower = Array(run.lowercased().utf8)
        #expect(Array(text.bytes[expansion..<(expansion + lower.count)]) == lower)
        for k in 0..<lower.count {
            #expect(text.originStarts[expansion + k] == Int32(120 + k) && text.originEnds[expansion + k] == Int32(121 + k),
                    "byte \(k)")
        }
        // The run after "é" (2 bytes at 2,120): its bytes map to 2,122 on.
        let tail = text.bytes.count - lower.count
        #expect(text.originStarts[tail] == 2_122 && text.originEnds[text.bytes.count - 1] == 4_122)
    }

    /// Segment by segment, through the table or ICU, the result is ICU's result for the whole
    /// string (which also drops default ignorables).
    @Test func matchesICUOnRandomText() {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<2000 {
            let text = RandomText.string(&generator)
            let result = normalized(text, [.nfkcCasefold, .dropIgnorables])
            #expect(result.string == ICUReference.nfkcCasefold(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test func matchesICUOnEveryBMPScalarAfterALetter() {
        var mismatches: [UInt32] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(scalar)b"
            if normalized(text, [.nfkcCasefold, .dropIgnorables]).string != ICUReference.nfkcCasefold(text) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func nfdInputGivesTheSameTextAsNFC() {
        let nfc = "Één café, naïeve Ångström"
        let nfd = "E\u{301}e\u{301}n cafe\u{301}, nai\u{308}eve A\u{30A}ngstro\u{308}m"
        #expect(normalized(nfd).string == normalized(nfc).string)
        #expect(normalized(nfd).string == "een cafe, naieve angstrom")
    }

    @Test func lowerCaseOnlyWhenTheStepIsOn() {
        #expect(normalized("ＡＢ Cd", []).string == "ＡＢ Cd")
        #expect(normalized("ＡＢ Cd", Self.only).string == "ab cd")
    }
}
