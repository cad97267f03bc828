/// Three parallel output buffers — normalized bytes and, per byte, the original range it came
/// from — written through raw pointers.
///
/// Invariant: `count <= capacity`; callers check room before writing (``room``).
struct ByteSink {
    let bytes: UnsafeMutablePointer<UInt8>
    let starts: UnsafeMutablePointer<Int32>
    let ends: UnsafeMutablePointer<Int32>
    let capacity: Int
    var count: Int

    var room: Int { capacity - count }

    @inline(__always)
    mutating func append(_ byte: UInt8, _ start: Int32, _ end: Int32) {
        bytes[count] = byte
        starts[count] = start
        ends[count] = end
        count += 1
    }

    /// Appends the ASCII bytes `p[from ..< to]`, each mapped to its own offset, lower-cased
    /// when `casefold` is on (what NFKC_Casefold does to ASCII). The sink has room for them.
    /// Returns whether a byte changed case.
    @inline(__always)
    mutating func appendASCII(_ p: UnsafePointer<UInt8>, from: Int, to: Int, casefold: Bool) -> Bool {
        let out = bytes + count, starts = self.starts + count, ends = self.ends + count
        let length = to - from
        var upper: UInt8 = 0
        if casefold {
            for k in 0..<length {
                let b = p[from &+ k]
                let isUpper: UInt8 = b &- 0x41 < 26 ? 1 : 0
                upper |= isUpper
                out[k] = b | (isUpper << 5)
            }
        } else {
            out.update(from: p + from, count: length)
        }
        for k in 0..<length { starts[k] = Int32(truncatingIfNeeded: from &+ k) }
        for k in 0..<length { ends[k] = Int32(truncatingIfNeeded: from &+ k &+ 1) }
        count += length
        return upper != 0
    }

    /// Appends the UTF-8 of `scalar`, every byte mapped to `start..<end`.
    @inline(__always)
    mutating func append(scalar: UInt32, _ start: Int32, _ end: Int32) {
        if scalar < 0x80 {
            append(UInt8(truncatingIfNeeded: scalar), start, end)
        } else if scalar < 0x800 {
            append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F), start, end)
        } else if scalar < 0x10000 {
            append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F), start, end)
        } else {
            append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F), start, end)
            append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F), start, end)
        }
    }
}
