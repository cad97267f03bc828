/// A fixed set of short ASCII words with an allocation-free, case-insensitive membership
/// test on a byte range.
///
///     let units = DetectorWordList(["km", "min", "uur"])
///     units.contains(p, 4, 6)   // true when bytes 4..<6 spell "km" (or "KM")
///
/// Cost: FNV-1a over the candidate bytes, one probe in an open-addressing table (load ≤ ½),
/// one byte comparison on a hit. Words longer than 32 bytes are never members.
///
/// Lists are program-lifetime constants (`static let`): their tables live in one buffer that
/// is allocated once and never freed, so a lookup touches no reference count. Do not create
/// lists per call.
struct DetectorWordList: @unchecked Sendable {
    /// Power-of-two table of `mask + 1` slots; each is 0 (empty) or 1 + index of a word.
    private let slots: UnsafePointer<Int32>
    private let mask: Int
    /// Word i starts at `starts[i]` and ends at `starts[i + 1]` in `bytes`: lower-cased,
    /// concatenated.
    private let starts: UnsafePointer<Int32>
    private let bytes: UnsafePointer<UInt8>
    private let minLength: Int
    private let maxLength: Int
    /// Bit b set when some word ends with ASCII byte b (a cheap first rejection).
    private let lastBytes: (UInt64, UInt64)

    init(_ words: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var unique = Set<[UInt8]>()
        for word in words {
            let w = word.utf8.map(ByteClass.lower)
            precondition(!w.isEmpty && w.count <= 32, "detector word '\(word)' must have 1 to 32 bytes")
            guard unique.insert(w).inserted else { continue }
            bytes += w
            starts.append(Int32(bytes.count))
        }
        let count = starts.count - 1
        var size = 8
        while size < count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for i in 0..<count {
            let word = Array(bytes[Int(starts[i])..<Int(starts[i + 1])])
            var h = word.withUnsafeBufferPointer { Self.hash($0.baseAddress!, 0, word.count) } & (size - 1)
            while slots[h] != 0 { h = (h + 1) & (size - 1) }
            slots[h] = Int32(i + 1)
        }
        self.slots = Self.permanent(slots)
        self.mask = size - 1
        self.bytes = Self.permanent(bytes)
        self.starts = Self.permanent(starts)
        var lastBytes: (UInt64, UInt64) = (0, 0)
        for i in 0..<count {
            let last = bytes[Int(starts[i + 1]) - 1]
            if last < 64 { lastBytes.0 |= 1 << UInt64(last) } else if last < 128 { lastBytes.1 |= 1 << UInt64(last - 64) }
        }
        self.lastBytes = lastBytes
        self.minLength = words.map(\.utf8.count).min() ?? 1
        self.maxLength = words.map(\.utf8.count).max() ?? 0
    }

    /// A copy of `values` that lives as long as the program.
    private static func permanent<T>(_ values: [T]) -> UnsafePointer<T> {
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        buffer.initialize(from: values, count: values.count)
        return UnsafePointer(buffer)
    }

    @inline(__always) private static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var h: UInt32 = 2_166_136_261
        for i in start..<end { h = (h ^ UInt32(ByteClass.lower(p[i]))) &* 16_777_619 }
        return Int(h)
    }

    @inline(__always) private func mayEndWith(_ b: UInt8) -> Bool {
        b < 64 ? lastBytes.0 & (1 << UInt64(b)) != 0 : b < 128 && lastBytes.1 & (1 << UInt64(b - 64)) != 0
    }

    /// Whether `p[start..<end]`, ASCII case ignored, is one of the words.
    func contains(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= minLength, length <= maxLength, mayEndWith(ByteClass.lower(p[end - 1])) else { return false }
        var h = Self.hash(p, start, end) & mask
        while true {
            let slot = Int(slots[h])
            if slot == 0 { return false }
            let ws = Int(starts[slot - 1]), we = Int(starts[slot])
            if we - ws == length {
                var same = true
                for k in 0..<length where bytes[ws + k] != ByteClass.lower(p[start + k]) {
                    same = false
                    break
                }
                if same { return true }
            }
            h = (h + 1) & mask
        }
    }

    /// Whether `p[start..<end]` ends with one of the words and is longer than it; returns
    /// the length of the longest such word, or 0.
    func longestProperSuffix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard end > start, mayEndWith(ByteClass.lower(p[end - 1])) else { return 0 }
        var k = min(maxLength, end - start - 1)
        while k >= minLength {
            if contains(p, end - k, end) { return k }
            k -= 1
        }
        return 0
    }
}
