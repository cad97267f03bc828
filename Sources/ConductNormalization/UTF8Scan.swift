/// UTF-8 decoding for the normalizer's passes: well-formed sequences per Unicode Table 3-7,
/// and for ill-formed input the "maximal subpart" of Unicode §3.9 (the practice the W3C
/// Encoding Standard and Swift's own `String(decoding:as:)` follow): each maximal subpart
/// becomes one U+FFFD.
enum UTF8Scan {
    /// Marks an ill-formed sequence in ``decode(_:at:count:)``'s result.
    static let invalid: UInt32 = 0xFFFF_FFFF

    /// Decodes the scalar at `i` (`i < count`). Returns the scalar and its length, or
    /// ``invalid`` and the length of the maximal subpart (at least 1) to replace.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, at i: Int, count: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard i + k < count else { return nil }
            let b = p[i + k]
            return b >= low && b <= high ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return (invalid, 1) }
            return ((b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = cont(1, low, high) else { return (invalid, 1) }
            guard let c2 = cont(2) else { return (invalid, 2) }
            return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = cont(1, low, high) else { return (invalid, 1) }
            guard let c2 = cont(2) else { return (invalid, 2) }
            guard let c3 = cont(3) else { return (invalid, 3) }
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return (invalid, 1)
        }
    }

    /// Decodes the scalar at `i` of text known to be well-formed UTF-8.
    @inline(__always)
    static func decodeValid(_ p: UnsafePointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// Length of the scalar whose lead byte is `b` in well-formed UTF-8.
    @inline(__always)
    static func length(lead b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Number of UTF-8 bytes `scalar` takes.
    @inline(__always)
    static func encodedLength(_ scalar: UInt32) -> Int {
        scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }

    /// Offset of the first byte at or after `start` that is not ASCII, or `count`.
    static func firstNonASCII(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < count && p[i] < 0x80 { i += 1 }
        return i
    }
}
