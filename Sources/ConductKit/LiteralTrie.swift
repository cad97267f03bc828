import ConductMatching

/// Literals as a trie walked only from positions where a word can start (whole words and
/// word prefixes) or, built from reversed literals, backwards from positions where a word can
/// end (word suffixes): a literal is found only where it can begin or end, never inside
/// another word, so a post costs one pass over its bytes plus one step per byte of the
/// literals that really begin (or end) there.
///
///     let trie = LiteralTrie([Array("the".utf8), Array("then".utf8)])
///     LiteralTrie.scan(text, classes, forward: trie, backward: none) { _, literal, start, end in }
///     // "then": (0, 0, 3), (1, 0, 4)
///
/// Positions tried: everywhere but between two ASCII letters, digits or `_` (no word starts or
/// ends there; a literal that starts with another character is tried wherever that character
/// is). A match still needs its word boundaries checked by the caller.
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

    /// A trie without literals.
    static let empty = LiteralTrie([])

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

    /// The tables as pointers, valid while this trie lives.
    var view: View {
        View(literalAt: literalAt.base, denseRow: denseRow.base, dense: dense.base, childStart: childStart.base,
             childBytes: childBytes.base, childStates: childStates.base)
    }

    /// The trie's tables as pointers: stepping costs a few loads and no reference counting.
    struct View {
        let literalAt: UnsafeMutablePointer<Int32>
        let denseRow: UnsafeMutablePointer<Int32>
        let dense: UnsafeMutablePointer<Int32>
        let childStart: UnsafeMutablePointer<Int32>
        let childBytes: UnsafeMutablePointer<UInt8>
        let childStates: UnsafeMutablePointer<Int32>

        /// The state after the root on `byte`, 0 for none.
        @inline(__always)
        func start(_ byte: UInt8) -> Int32 { dense[Int(byte)] }

        /// The literal ending at `state`, or -1.
        @inline(__always)
        func literal(at state: Int32) -> Int32 { literalAt[Int(state)] }

        /// The state after `state` on `byte`, 0 for none.
        @inline(__always)
        func step(_ state: Int32, _ byte: UInt8) -> Int32 {
            let row = denseRow[Int(state)]
            if row >= 0 { return dense[Int(row) &* 256 &+ Int(byte)] }
            var k = Int(childStart[Int(state)])
            let end = Int(childStart[Int(state) &+ 1])
            while k < end {
                let c = childBytes[k]
                if c >= byte { return c == byte ? childStates[k] : 0 }
                k &+= 1
            }
            return 0
        }
    }

    /// Calls `found(literal, start, end)` for every literal of `forward` that starts, and every
    /// reversed literal of `backward` that ends, at a position where a word can start or end:
    /// everywhere but between two ASCII letters, digits or `_` (there no word starts or ends).
    /// One pass over the bytes; the tries are walked from those positions only.
    ///
    ///     LiteralTrie.scan(text, classes, forward: prefixes, backward: suffixes) { trie, literal, start, end in … }
    ///
    /// `found`'s first argument says which trie found the literal (false: forward).
    /// Cost: O(bytes + trie steps taken); no allocation.
    @inline(__always)
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ classes: UnsafePointer<UInt8>, forward: LiteralTrie,
                     backward: LiteralTrie, _ found: (Bool, Int32, Int, Int) -> Void) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        let f = forward.view, b = backward.view
        let hasForward = forward.literalCount > 0, hasBackward = backward.literalCount > 0
        guard hasForward || hasBackward else { return }
        var i = 0
        while i < n {
            let byte = p[i]
            if hasForward {
                var state = f.start(byte)
                var j = i &+ 1
                while state != 0 {
                    let literal = f.literal(at: state)
                    if literal >= 0 { found(false, literal, i, j) }
                    if j == n { break }
                    state = f.step(state, p[j])
                    j &+= 1
                }
            }
            // The next position where a word can start or end: past a run of ASCII letters,
            // digits and '_', or the next byte.
            var end = i &+ 1
            if WordScanner.isWordClass(classes[Int(byte)]) {
                while end < n && WordScanner.isWordClass(classes[Int(p[end])]) { end &+= 1 }
            }
            if hasBackward {
                var state = b.start(p[end &- 1])
                var start = end &- 1
                while state != 0 {
                    let literal = b.literal(at: state)
                    if literal >= 0 { found(true, literal, start, end) }
                    if start == 0 { break }
                    start &-= 1
                    state = b.step(state, p[start])
                }
            }
            i = end
        }
    }

    // MARK: Image

    /// Tables that ``write(to:)`` wrote (see ``ImageCodable``).
    init(from reader: inout ImageReader) throws(ImageError) {
        literalAt = try FixedArray(from: &reader)
        denseRow = try FixedArray(from: &reader)
        dense = try FixedArray(from: &reader)
        childStart = try FixedArray(from: &reader)
        childBytes = try FixedArray(from: &reader)
        childStates = try FixedArray(from: &reader)
        literalCount = try reader.read() as Int
        guard literalAt.count == denseRow.count, childBytes.count == childStates.count else {
            throw ImageError("a literal trie's arrays disagree in length")
        }
    }

    /// Appends the tables, for ``init(from:)``.
    func write(to writer: inout ImageWriter) {
        literalAt.write(to: &writer)
        denseRow.write(to: &writer)
        dense.write(to: &writer)
        childStart.write(to: &writer)
        childBytes.write(to: &writer)
        childStates.write(to: &writer)
        writer.write(literalCount)
    }
}
