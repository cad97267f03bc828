import Testing
@testable import ConductIO

/// `UTF8Bytes.firstSpecial` against a byte-by-byte reference, with every kind of byte at every
/// offset of the SIMD, word and byte steps.
@Suite("UTF-8 byte scans")
struct UTF8BytesTests {
    /// The bytes a JSON string cannot take verbatim, and neighbours that it can.
    static let special: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x80, 0xBF, 0xC3, 0xE2, 0xFF]
    static let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x61, 0x7E, 0x7F]

    static func reference(_ bytes: [UInt8], from i: Int) -> Int {
        var j = i
        while j < bytes.count {
            let c = bytes[j]
            if c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80 { return j }
            j += 1
        }
        return bytes.count
    }

    static func scan(_ bytes: [UInt8], from i: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return UTF8Bytes.firstSpecial(base, from: i, to: buffer.count)
        }
    }

    @Test func oneSpecialByteAtEveryOffsetFromEveryStart() {
        var mismatches: [String] = []
        for length in 0...40 {
            for filler in Self.plain {
                let clean = [UInt8](repeating: filler, count: length)
                for start in 0...length where Self.scan(clean, from: start) != length {
                    mismatches.append("clean \(length) of \(filler) from \(start)")
                }
                for position in 0..<length {
                    for byte in Self.special {
                        var bytes = clean
                        bytes[position] = byte
                        for start in 0...length {
                            let found = Self.scan(bytes, from: start)
                            let expected = Self.reference(bytes, from: start)
                            if found != expected {
                                mismatches.append("\(byte) at \(position) of \(length) from \(start): \(found) ≠ \(expected)")
                            }
                        }
                    }
                }
            }
        }
        #expect(mismatches.count == 0, "first: \(mismatches.prefix(5))")
    }

    @Test func theFirstOfTwoSpecialBytesInOneStep() {
        // Two flagged bytes in the same 16-byte step, in either half: the lower one wins.
        var bytes = [UInt8](repeating: 0x61, count: 48)
        bytes[21] = 0x5C
        bytes[27] = 0x22
        #expect(Self.scan(bytes, from: 0) == 21)
        #expect(Self.scan(bytes, from: 22) == 27)
        bytes[3] = 0xC3
        bytes[12] = 0x0A
        #expect(Self.scan(bytes, from: 0) == 3)
        #expect(Self.scan(bytes, from: 4) == 12)
        #expect(Self.scan(bytes, from: 28) == 48)
    }
}
