/// A growable byte buffer with a stable owner (the parser), so decoded strings can be
/// addressed by offset while it grows and by pointer once parsing is done.
struct ScratchBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: source, count: length)
        count += length
    }

    /// Appends the UTF-8 encoding of `scalar` (< 0x110000, not a surrogate).
    @inline(__always)
    mutating func appendScalar(_ scalar: UInt32) {
        reserve(4)
        let p = base + count
        if scalar < 0x80 {
            p[0] = UInt8(scalar); count += 1
        } else if scalar < 0x800 {
            p[0] = UInt8(0xC0 | scalar >> 6); p[1] = UInt8(0x80 | scalar & 0x3F); count += 2
        } else if scalar < 0x10000 {
            p[0] = UInt8(0xE0 | scalar >> 12); p[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            p[2] = UInt8(0x80 | scalar & 0x3F); count += 3
        } else {
            p[0] = UInt8(0xF0 | scalar >> 18); p[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            p[2] = UInt8(0x80 | scalar >> 6 & 0x3F); p[3] = UInt8(0x80 | scalar & 0x3F); count += 4
        }
    }

    /// U+FFFD REPLACEMENT CHARACTER.
    @inline(__always)
    mutating func appendReplacement() {
        reserve(3)
        base[count] = 0xEF; base[count + 1] = 0xBF; base[count + 2] = 0xBD
        count += 3
    }
}
