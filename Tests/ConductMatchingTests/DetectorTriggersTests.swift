import Testing
@testable import ConductMatching

/// The 16-byte SIMD scan of ``DetectorTriggers`` against a byte-at-a-time reference, on random
/// text rich in trigger bytes and their near neighbours (`/` and `;` next to digits, `[`/`{`
/// and `(` next to `h`, `{`, `)`, " ap" next to " at"), so that every lane of every block gets
/// tried.
@Suite struct DetectorTriggersTests {
    /// Which families a byte-at-a-time reading triggers in each 16-byte block.
    static func reference(_ bytes: [UInt8]) -> (digits: UInt64, atSigns: UInt64, urls: UInt64, spelled: UInt64) {
        var digits: UInt64 = 0, atSigns: UInt64 = 0, urls: UInt64 = 0, spelled: UInt64 = 0
        for (i, b) in bytes.enumerated() {
            let bit: UInt64 = 1 << UInt64(min(i / 16, 63))
            if (0x30...0x39).contains(b) { digits |= bit }
            if b == UInt8(ascii: "@") { atSigns |= bit }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ":") { urls |= bit }
            if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") { spelled |= bit }
            if b == 0x20 && i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "a")
                && (bytes[i + 2] == UInt8(ascii: "t") || bytes[i + 2] == UInt8(ascii: "p")) {
                spelled |= bit
            }
        }
        return (digits, atSigns, urls, spelled)
    }

    static let alphabet = Array("0189/:;.@?( [{)hat apx".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xFF]

    @Test func agreesWithTheByteByByteReference() {
        var rng = SplitMix64(seed: 20_261_122)
        for round in 0..<2_000 {
            let length = Int.random(in: [0...40, 0...300, 900...1_300].randomElement(using: &rng)!, using: &rng)
            // Sparse text (mostly "x") as well as dense, so that blocks without triggers occur.
            let dense = Bool.random(using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                dense || Int.random(in: 0..<12, using: &rng) == 0 ? Self.alphabet.randomElement(using: &rng)! : UInt8(ascii: "x")
            }
            let triggers = bytes.withUnsafeBufferPointer { DetectorTriggers($0.baseAddress!, $0.count) }
            let expected = Self.reference(bytes)
            #expect(triggers.digits == expected.digits, "round \(round) digits")
            #expect(triggers.atSigns == expected.atSigns, "round \(round) at signs")
            #expect(triggers.urls == expected.urls, "round \(round) urls")
            #expect(triggers.spelled == expected.spelled, "round \(round) spelled")
        }
    }

    @Test func eachFamilyMarksTheBlockOfItsTrigger() {
        // 40 bytes: blocks 0..<16, 16..<32, 32..<40.
        var bytes = Array(repeating: UInt8(ascii: "x"), count: 40)
        bytes[15] = UInt8(ascii: "7")          // last lane of block 0
        bytes[16] = UInt8(ascii: "@")          // first lane of block 1
        bytes[31] = UInt8(ascii: ":")
        bytes[29] = 0x20; bytes[30] = UInt8(ascii: "a")   // " a:" is no " at"
        bytes[36] = 0x20; bytes[37] = UInt8(ascii: "a"); bytes[38] = UInt8(ascii: "p")   // the scalar tail
        let triggers = bytes.withUnsafeBufferPointer { DetectorTriggers($0.baseAddress!, $0.count) }
        #expect(triggers.digits == 0b001)
        #expect(triggers.atSigns == 0b010)
        #expect(triggers.urls == 0b010)
        #expect(triggers.spelled == 0b100)
    }
}
