/// The literals that must start where a word starts (whole words and word prefixes), as a
/// trie walked from each position where a word can start: a literal is found only where it
/// begins, never inside another word, so a post costs a pass over its bytes plus one step per
/// byte of the literal prefixes that really start there.
///
///     let trie = LiteralTrie([Array("the".utf8), Array("then".utf8)])
///     trie.forEachMatch(in: Array("then".utf8)) { literal, start, end in }   // (0, 0, 3), (1, 0, 4)
///
/// Positions tried: the first byte, and every byte that is not an ASCII letter, digit or `_`
/// following one (between two such bytes no word starts; a literal that starts with another
/// character is tried wherever that character is). A match still needs its word boundaries
/// checked by the caller.
///
/// Representation: states are numbered depth-first, in the byte order of the sorted
/// literals; the root and the states with many children have a dense row of 256 entries,
/// every other state a sorted run of (byte, child) pairs. 0 means no transition (the root is
/// never a child). Memory: about 9 bytes per trie state plus 1 KiB per dense row.
final class LiteralTrie: Sendable {
    /// For state `s`: the literal that ends there, or -1.
    private let literalAt: FixedArray<Int32>
    /// For state `s`: its dense row's index in `dense`, or -1.
    private let denseRow: FixedArray<Int32>
    private let dense: FixedArray<Int32>
    /// For a sparse state `s`: children `childBytes/childStates[childStart[s] ..< childStart[s + 1]]`.
    private let childStart: FixedArray<Int32>
    private let childBytes: FixedArray<UInt8>
    private let childStates: FixedArray<Int32>

    /// States with more children than this get a dense row.
    static let denseChildren = 6

    /// Number of literals.
    let literalCount: Int

    /// A trie of `literals` (distinct, non-empty); literal `i` is reported as `i`.
    init(_ literals: [[UInt8]]) {
        literalCount = literals.count
        let order = literals.indices.sorted { literals[$0].lexicographicallyPrecedes(literals[$1]) }
        // Depth-first construction over the sorted literals: `path[d]` is the state reached by
        // the first `d` bytes of the previous literal.
        var parent: [Int32] = [-1]
        var byte: [UInt8] = [0]
        var literalAt: [Int32] = [-1]
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for index in order {
            let literal = literals[index]
            var shared = 0
            while shared < min(previous.count, literal.count) && previous[shared] == literal[shared] { shared += 1 }
            path.removeLast(path.count - 1 - shared)
            for d in shared..<literal.count {
                parent.append(path[d])
                byte.append(literal[d])
                literalAt.append(-1)
                path.append(Int32(parent.count - 1))
            }
            literalAt[Int(path[literal.count])] = Int32(index)
            previous = literal
        }
        // Children of each state, in byte order (states were created in sorted order).
        let count = parent.count
        var childCount = Array(repeating: Int32(0), count: count)
        for s in 1..<count { childCount[Int(parent[s])] += 1 }
        var start = Array(repeating: Int32(0), count: count + 1)
        for s in 0..<count { start[s + 1] = start[s] + childCount[s] }
        var fill = start
        var childBytes = Array(repeating: UInt8(0), count: count - 1)
        var childStates = Array(repeating: Int32(0), count: count - 1)
        for s in 1..<count {
            let p = Int(parent[s])
            childBytes[Int(fill[p])] = byte[s]
            childStates[Int(fill[p])] = Int32(s)
            fill[p] += 1
        }
        var denseRow = Array(repeating: Int32(-1), count: count)
        var dense: [Int32] = []
        for s in 0..<count where s == 0 || Int(childCount[s]) > Self.denseChildren {
            denseRow[s] = Int32(dense.count / 256)
            var row = Array(repeating: Int32(0), count: 256)
            for k in Int(start[s])..<Int(start[s + 1]) { row[Int(childBytes[k])] = childStates[k] }
            dense.append(contentsOf: row)
        }
        self.literalAt = FixedArray(literalAt)
        self.denseRow = FixedArray(denseRow)
        self.dense = FixedArray(dense)
        self.childStart = FixedArray(start)
        self.childBytes = FixedArray(childBytes)
        self.childStates = FixedArray(childStates)
    }

    /// Bytes of the tables.
    var memoryUsage: Int {
        literalAt.memoryUsage + denseRow.memoryUsage + dense.memoryUsage + childStart.memoryUsage
            + childBytes.memoryUsage + childStates.memoryUsage
    }

    /// Calls `body(literal, start, end)` for every literal that starts at a tried position
    /// (see the type's documentation), ordered by start, then end.
    ///
    /// Cost: O(bytes + trie steps taken); no allocation.
    @inline(__always)
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>,
                      _ body: (Int32, Int, Int) -> Void) {
        guard literalCount > 0, let p = text.baseAddress else { return }
        let n = text.count
        let literalAt = self.literalAt.base, denseRow = self.denseRow.base, dense = self.dense.base
        let childStart = self.childStart.base, childBytes = self.childBytes.base, childStates = self.childStates.base
        var i = 0
        while i < n {
            let b = p[i]
            var state = dense[Int(b)]
            if state != 0 {
                var j = i + 1
                while true {
                    let literal = literalAt[Int(state)]
                    if literal >= 0 { body(literal, i, j) }
                    if j == n { break }
                    let next = p[j]
                    let row = denseRow[Int(state)]
                    if row >= 0 {
                        state = dense[Int(row) &* 256 &+ Int(next)]
                    } else {
                        var k = Int(childStart[Int(state)])
                        let end = Int(childStart[Int(state) &+ 1])
                        state = 0
                        while k < end {
                            let c = childBytes[k]
                            if c >= next {
                                if c == next { state = childStates[k] }
                                break
                            }
                            k &+= 1
                        }
                    }
                    if state == 0 { break }
                    j &+= 1
                }
            }
            // Inside a run of ASCII letters, digits and '_' no word starts: skip to its end.
            i &+= 1
            if WordScanner.isWordClass(classes[Int(b)]) {
                while i < n && WordScanner.isWordClass(classes[Int(p[i])]) { i &+= 1 }
            }
        }
    }

    /// Calls `body(literal, start, end)` for every literal of a trie built from reversed
    /// literals that ends at a position where a word can end (the end of the text, and every
    /// position that is not between two ASCII letters, digits or `_`), walking backwards.
    ///
    /// Cost: O(bytes + trie steps taken); no allocation.
    @inline(__always)
    func forEachReversedMatch(in text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>,
                              _ body: (Int32, Int, Int) -> Void) {
        guard literalCount > 0, let p = text.baseAddress else { return }
        let n = text.count
        let literalAt = self.literalAt.base, denseRow = self.denseRow.base, dense = self.dense.base
        let childStart = self.childStart.base, childBytes = self.childBytes.base, childStates = self.childStates.base
        var end = 1
        while end <= n {
            // Inside a run of ASCII letters, digits and '_' no word ends: skip to its last byte.
            if WordScanner.isWordClass(classes[Int(p[end &- 1])]) {
                while end < n && WordScanner.isWordClass(classes[Int(p[end])]) { end &+= 1 }
            }
            var state = dense[Int(p[end &- 1])]
            var start = end &- 1
            while state != 0 {
                let literal = literalAt[Int(state)]
                if literal >= 0 { body(literal, start, end) }
                if start == 0 { break }
                let previous = p[start &- 1]
                let row = denseRow[Int(state)]
                if row >= 0 {
                    state = dense[Int(row) &* 256 &+ Int(previous)]
                } else {
                    var k = Int(childStart[Int(state)])
                    let last = Int(childStart[Int(state) &+ 1])
                    state = 0
                    while k < last {
                        let c = childBytes[k]
                        if c >= previous {
                            if c == previous { state = childStates[k] }
                            break
                        }
                        k &+= 1
                    }
                }
                start &-= 1
            }
            end &+= 1
        }
    }
}
