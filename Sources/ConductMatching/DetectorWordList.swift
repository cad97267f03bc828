/// A fixed set of short ASCII words with an allocation-free, case-insensitive membership
/// test on a byte range.
///
///     let units = DetectorWordList(["km", "min", "uur"])
///     units.contains(p, 4, 6)   // true when bytes 4..<6 spell "km" (or "KM")
///
/// Cost: FNV-1a over the candidate bytes, one probe in an open-addressing table (load ≤ ½),
/// one byte comparison on a hit. Words longer than 32 bytes are never members.
struct DetectorWordList: Sendable {
    /// Power-of-two table; each slot is 0 (empty) or 1 + index of a word.
    private let slots: [Int32]
    /// All words, lower-cased and concatenated; word i is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let minLength: Int
    private let maxLength: Int

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
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
        self.minLength = words.map(\.utf8.count).min() ?? 1
        self.maxLength = words.map(\.utf8.count).max() ?? 0
    }

    @inline(__always) private static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var h: UInt32 = 2_166_136_261
        for i in start..<end { h = (h ^ UInt32(ByteClass.lower(p[i]))) &* 16_777_619 }
        return Int(h)
    }

    /// Whether `p[start..<end]`, ASCII case ignored, is one of the words.
    func contains(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= minLength, length <= maxLength else { return false }
        let mask = slots.count - 1
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
        var k = min(maxLength, end - start - 1)
        while k >= minLength {
            if contains(p, end - k, end) { return k }
            k -= 1
        }
        return 0
    }
}
