import ConductNormalization

/// Counts, for any byte offset of a normalized post, the *sure* word starts before it: offsets
/// `i` where byte `i - 1` is a space and byte `i` an ASCII letter or digit. UAX #29 always
/// puts a word boundary there, and the word holds a letter or digit, so this never counts more
/// words than ``WordScanner`` finds between two offsets (it may count fewer: words after
/// punctuation or line breaks are not counted). Built on demand, once per post, 64 bytes to a
/// word of bits; the build also groups the post's occurrences by 64-byte block, so that the
/// ones just after an offset are found without a search.
///
///     // "call me at 06 12" → sure starts at 5, 8, 11, 14
///     counter.build(text, found)
///     counter.count(before: 11)          // 2
///     counter.offset(ofStart: 2, from: 0) // 11
struct WordStartCounter {
    /// Bit `i & 63` of `bits[i >> 6]`: a sure word start at `i`.
    private let bits = GrowableList<UInt64>()
    /// `prefix[k]`: sure word starts before byte `64 k`.
    private let prefix = GrowableList<Int32>()
    /// Indices into the post's occurrences, grouped by the 64-byte block they start in: block
    /// `k`'s are `byBlock[blockStarts[k] ..< blockStarts[k + 1]]`.
    let blockStarts = GrowableList<Int32>()
    let byBlock = GrowableList<Int32>()
    private(set) var isBuilt = false

    mutating func reset() { isBuilt = false }

    /// Finds the sure word starts of `text`, and groups `found` (occurrences in `text`) by
    /// block.
    mutating func build(_ text: NormalizedText, _ found: GrowableList<Occurrence>) {
        isBuilt = true
        bits.count = 0
        prefix.count = 0
        let blocks = (text.bytes.count &+ 63) >> 6
        blockStarts.fill(0, count: blocks &+ 2)
        for i in 0..<found.count { blockStarts.base[Int(found.base[i].start) >> 6 &+ 2] &+= 1 }
        for k in 0..<blocks { blockStarts.base[k &+ 2] &+= blockStarts.base[k &+ 1] }
        // blockStarts[k + 1] is now where block k's run begins; advance it while placing.
        byBlock.fill(0, count: found.count)
        for i in 0..<found.count {
            let k = Int(found.base[i].start) >> 6 &+ 1
            byBlock.base[Int(blockStarts.base[k])] = Int32(truncatingIfNeeded: i)
            blockStarts.base[k] &+= 1
        }
        text.bytes.withUnsafeBufferPointer { bytes in
            guard let p = bytes.baseAddress else { return }
            let n = bytes.count
            var total: Int32 = 0
            var block = 0
            while block < n {
                var word: UInt64 = 0
                let end = min(block &+ 64, n)
                var i = max(block, 1)
                // Eight offsets at a time where the bytes from i - 1 to i + 7 are in the text.
                while i &+ 8 <= end {
                    word |= Self.starts(at: i, p) << UInt64(i & 63)
                    i &+= 8
                }
                while i < end {
                    if p[i &- 1] == 0x20 && Self.isAlphanumeric(p[i]) { word |= 1 << UInt64(i & 63) }
                    i &+= 1
                }
                bits.append(word)
                prefix.append(total)
                total &+= Int32(word.nonzeroBitCount)
                block &+= 64
            }
            prefix.append(total)
        }
    }

    @inline(__always)
    private static func isAlphanumeric(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// Bit k set when offset `i + k` (k < 8) is a sure word start; reads `p[i - 1 ..< i + 8]`.
    @inline(__always)
    private static func starts(at i: Int, _ p: UnsafePointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        let before = raw.loadUnaligned(fromByteOffset: i &- 1, as: UInt64.self)
        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte of `before` that is a space (exact per byte).
        let t = before ^ 0x2020_2020_2020_2020
        let spaces = ~(((t & low) &+ low) | t) & high
        // High bit of each byte of `x` that is an ASCII letter or digit.
        let ascii = ~x & high
        let folded = (x & low) | 0x2020_2020_2020_2020
        let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & high
        let y = x & low
        let digits = (y &+ 0x5050_5050_5050_5050) & ~(y &+ 0x4646_4646_4646_4646) & high
        let marks = spaces & (letters | digits) & ascii
        // Gather the eight high bits into the low byte.
        return ((marks >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// Sure word starts at offsets below `offset` (at most the text's length).
    @inline(__always)
    func count(before offset: Int) -> Int {
        let block = offset >> 6, within = offset & 63
        var count = Int(prefix.base[block])
        if within > 0 { count &+= (bits.base[block] & ((1 << UInt64(within)) &- 1)).nonzeroBitCount }
        return count
    }

    /// The offset of sure word start number `k` (from 0), or `Int.max` when there are not
    /// that many; searched from block `from` on, whose prefix must not exceed `k`.
    @inline(__always)
    func offset(ofStart k: Int, from: Int) -> Int {
        var block = from
        let blocks = bits.count
        while block < blocks && Int(prefix.base[block &+ 1]) <= k { block &+= 1 }
        guard block < blocks else { return Int.max }
        var word = bits.base[block]
        for _ in 0..<(k &- Int(prefix.base[block])) { word &= word &- 1 }
        return block << 6 | word.trailingZeroBitCount
    }
}

extension CompiledRules {
    /// Whether the post can hold a match of `program` as far as its ``FollowerCondition``
    /// tells: an occurrence of a first atom that can match alone, or one followed by an
    /// occurrence of one of its followers with at most that follower's gap of sure word starts
    /// between them. True for a program without a condition. Reads `w.found`, so quiet
    /// occurrences must be recorded first.
    ///
    /// The count between occurrences `a` and `b` is the sure starts in `a.end ... b.start`,
    /// less one (`b`'s own word may be among them, when `b` starts it or inside it): never more
    /// than the words the program's gaps would skip, so a post this rejects has no match.
    static func followersHold(_ program: Int32, _ w: inout Workspace, _ tables: EvaluationTables) -> Bool {
        let lo = Int(tables.followerFirstStarts[Int(program)]), hi = Int(tables.followerFirstStarts[Int(program) &+ 1])
        guard lo < hi else { return true }
        if !w.sureWordStarts.isBuilt { w.sureWordStarts.build(w.scan.text, w.found) }
        let starts = w.sureWordStarts, occurrences = w.found.base, count = w.found.count
        let firstAtoms = tables.followerFirstAtoms, followerStarts = tables.followerStarts.base
        let followerAtoms = tables.followerAtoms, gaps = tables.followerGaps.base
        // The follower condition's first atoms are the program's first atoms: one bit test
        // each, while the program has a bit set.
        let words = tables.firstAtomWords, firstBits = tables.firstAtomBits.base + Int(program) &* words
        for i in 0..<count {
            let first = occurrences[i], atom = first.atom
            if words > 0 && firstBits[Int(atom >> 6)] & (1 << UInt64(atom & 63)) == 0 { continue }
            let f = lowerBound(firstAtoms, lo, hi, atom)
            guard f < hi && firstAtoms[f] == atom else { continue }
            if tables.followerFirstAlone[f] { return true }
            // A follower starting at s has count(before: s + 1) - before - 1 sure starts
            // between; within the largest gap exactly when s comes before sure start number
            // before + gap + 1.
            let end = Int(first.end), before = starts.count(before: end)
            let limit = starts.offset(ofStart: before &+ Int(tables.followerMaximumGap[f]) &+ 1, from: end >> 6)
            let followersLo = Int(followerStarts[f]), followersHi = Int(followerStarts[f &+ 1])
            let blockStarts = starts.blockStarts.base, byBlock = starts.byBlock.base
            let lastBlock = min(limit == Int.max ? Int.max : limit >> 6, starts.blockStarts.count &- 2)
            for j in Int(blockStarts[end >> 6])..<Int(blockStarts[lastBlock &+ 1]) {
                let second = occurrences[Int(byBlock[j])], start = Int(second.start)
                guard start >= end && start < limit else { continue }
                let k = lowerBound(followerAtoms, followersLo, followersHi, second.atom)
                guard k < followersHi && followerAtoms[k] == second.atom else { continue }
                if starts.count(before: start &+ 1) &- before &- 1 <= Int(gaps[k]) { return true }
            }
        }
        return false
    }
}
