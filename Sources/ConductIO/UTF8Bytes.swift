/// Byte-level helpers shared by the JSON parser and writer.
enum UTF8Bytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Flags (high bit of the byte) every byte of `word` that a JSON string cannot take
    /// verbatim in the fast path: `"`, `\`, control characters (< 0x20) and non-ASCII bytes.
    /// The lowest flagged byte is always exact; flags above it may be spurious (borrows).
    @inline(__always)
    static func specialMask(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & highs
    }

    /// Little-endian 8-byte load at `p + i` (no alignment needed).
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
    }

    /// Index of the first byte at or after `i` (before `n`) flagged by ``specialMask(_:)``,
    /// or `n`. Sixteen bytes a step as SIMD (SSE2 on x86-64: three compares), then eight as
    /// a word, then one at a time.
    @inline(__always)
    static func firstSpecial(_ p: UnsafePointer<UInt8>, from i: Int, to n: Int) -> Int {
        // Signed lanes: bytes from 0x80 up are negative, so one `< 0x20` finds them and the
        // control characters together.
        typealias Lanes = SIMD16<Int8>
        let raw = UnsafeRawPointer(p)
        var j = i
        while j + 16 <= n {
            let x = raw.loadUnaligned(fromByteOffset: j, as: Lanes.self)
            let flagged = unsafeBitCast(x .< Lanes(repeating: 0x20), to: SIMD2<UInt64>.self)
                | unsafeBitCast(x .== Lanes(repeating: 0x22), to: SIMD2<UInt64>.self)
                | unsafeBitCast(x .== Lanes(repeating: 0x5C), to: SIMD2<UInt64>.self)
            if flagged[0] != 0 { return j + flagged[0].trailingZeroBitCount >> 3 }
            if flagged[1] != 0 { return j + 8 + flagged[1].trailingZeroBitCount >> 3 }
            j += 16
        }
        while j + 8 <= n {
            let mask = specialMask(load(p, j))
            if mask != 0 { return j + mask.trailingZeroBitCount >> 3 }
            j += 8
        }
        while j < n {
            let c = p[j]
            if c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80 { return j }
            j += 1
        }
        return n
    }

    /// The UTF-8 sequence starting at `p[i]` (a non-ASCII byte, `i < n`): its length (2...4)
    /// when well formed, else minus the length of its maximal subpart (1...3), the bytes one
    /// U+FFFD replaces (Unicode §3.9, "U+FFFD Substitution of Maximal Subparts").
    @inline(__always)
    static func sequence(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        if b0 < 0xC2 { return -1 }
        guard i + 1 < n else { return -1 }
        let b1 = p[i + 1]
        if b0 < 0xE0 { return b1 & 0xC0 == 0x80 ? 2 : -1 }
        if b0 < 0xF0 {
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= low && b1 <= high else { return -1 }
            guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return -2 }
            return 3
        }
        if b0 < 0xF5 {
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= low && b1 <= high else { return -1 }
            guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return -2 }
            guard i + 3 < n, p[i + 3] & 0xC0 == 0x80 else { return -3 }
            return 4
        }
        return -1
    }

    /// The value of an ASCII hex digit, or -1.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> Int {
        switch c {
        case 0x30...0x39: Int(c &- 0x30)
        case 0x41...0x46: Int(c &- 0x37)
        case 0x61...0x66: Int(c &- 0x57)
        default: -1
        }
    }
}
