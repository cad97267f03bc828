import Testing
@testable import ConductNormalization

/// Ill-formed UTF-8 becomes U+FFFD, one per maximal subpart (Unicode §3.9), each mapped to the
/// bytes it replaces.
@Suite struct InvalidUTF8Tests {
    static let cases: [(name: String, bytes: [UInt8], groups: [Group])] = [
        ("stray byte", [0x61, 0xFF, 0x62], [Group("a", 0, 1), Group("\u{FFFD}", 1, 2), Group("b", 2, 3)]),
        ("lone continuation", [0x80, 0x61], [Group("\u{FFFD}", 0, 1), Group("a", 1, 2)]),
        ("overlong two-byte slash", [0xC0, 0xAF], [Group("\u{FFFD}", 0, 1), Group("\u{FFFD}", 1, 2)]),
        ("overlong three-byte slash", [0xE0, 0x80, 0xAF],
         [Group("\u{FFFD}", 0, 1), Group("\u{FFFD}", 1, 2), Group("\u{FFFD}", 2, 3)]),
        ("truncated three-byte before ASCII", [0xE2, 0x82, 0x61], [Group("\u{FFFD}", 0, 2), Group("a", 2, 3)]),
        ("truncated four-byte at the end", [0x61, 0xF0, 0x9F, 0x98], [Group("a", 0, 1), Group("\u{FFFD}", 1, 4)]),
        ("encoded surrogate", [0xED, 0xA0, 0x80],
         [Group("\u{FFFD}", 0, 1), Group("\u{FFFD}", 1, 2), Group("\u{FFFD}", 2, 3)]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80],
         [Group("\u{FFFD}", 0, 1), Group("\u{FFFD}", 1, 2), Group("\u{FFFD}", 2, 3), Group("\u{FFFD}", 3, 4)]),
        ("valid neighbours kept", [0xC3, 0xA9, 0xFF, 0xE2, 0x82, 0xAC],
         [Group("é", 0, 2), Group("\u{FFFD}", 2, 3), Group("€", 3, 6)]),
    ]

    @Test(arguments: cases)
    func replacedByMaximalSubpart(_ example: (name: String, bytes: [UInt8], groups: [Group])) {
        let text = Normalizer(options: [.replaceInvalidUTF8]).normalize(utf8: example.bytes)
        #expect(groups(text) == example.groups, "\(example.name)")
        #expect(text.applied == [.replaceInvalidUTF8])
    }

    @Test func agreesWithSwiftDecoding() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let bytes = RandomText.bytes(&generator)
            let text = Normalizer(options: [.replaceInvalidUTF8]).normalize(utf8: bytes)
            #expect(text.string == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func replacedEvenWhenTheOptionIsOff() {
        let text = Normalizer(options: []).normalize(utf8: [0x61, 0xC0, 0x62])
        #expect(text.string == "a\u{FFFD}b")
    }

    @Test func fullPipelineKeepsTheReplacement() {
        let text = Normalizer().normalize(utf8: [0x49, 0x44, 0xFF, 0x49, 0x4F, 0x54])
        #expect(groups(text) == [Group("i", 0, 1), Group("d", 1, 2), Group("\u{FFFD}", 2, 3),
                                 Group("i", 3, 4), Group("o", 4, 5), Group("t", 5, 6)])
        #expect(text.applied == [.replaceInvalidUTF8, .nfkcCasefold])
    }
}
