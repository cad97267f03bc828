import ConductMatching

/// Every literal of a rule set as one dense DFA: Aho-Corasick in which *anchored* literals
/// (whole words and prefixes) may only begin where a word can begin, while *floating*
/// literals (suffixes and infixes) may begin anywhere. A post costs one table step per byte,
/// with no branch but the match test, and an anchored literal is never reported inside
/// another word.
///
///     let dfa = WordStartAutomaton(anchored: [Array("the".utf8)], floating: [Array("app".utf8)],
///                                  memoryLimit: 1 << 20)!
///     // "the happy" → anchored 0 at 0..<3, floating 0 at 5..<8
///
/// "Where a word can begin" is the rule of ``LiteralTrie``: everywhere but between two ASCII
/// letters, digits or `_`. The DFA reports exactly the matches the tries and the
/// Aho-Corasick automaton report (tested); callers still check the real word boundaries.
///
/// Construction: one trie of all literals, each node marked with the kinds (anchored,
/// floating) of the literals it is a prefix of. A state is a trie node with the kinds of the
/// walks that reached it, or a bottom state: *open* (the next byte may begin an anchored
/// literal: the start of the text, or after a byte that is not an ASCII letter, digit or `_`)
/// or *closed* (inside a word). The failure of a node is its longest proper suffix that is a
/// floating prefix, or an anchored prefix beginning where a word can begin; failing that, the
/// bottom its last byte leads to. Bytes that occur in no literal share two classes (word and
/// non-word bytes). States with outputs are numbered first, so the scan tests one comparison
/// per byte (``ByteStep``) and a match state's slot is its number.
///
/// Memory: states × classes × 4 bytes; ``init(anchored:floating:memoryLimit:)`` returns nil
/// beyond the limit (the tries and the automaton serve then).
final class WordStartAutomaton: Sendable {
    /// By byte: its class, and the count limit of the class (see ``ByteStep``).
    private let byteSteps: FixedArray<ByteStep>
    let classCount: Int
    /// Premultiplied: the transition of state `s` (a multiple of `classCount`) on class `c` is
    /// `table[s + c]`, itself premultiplied.
    private let table: FixedArray<Int32>
    /// States below this (premultiplied) have outputs; they are numbered first, so that a
    /// state's slot needs no subtraction and a step needs one comparison to count.
    let matchStateEnd: Int32
    /// Match states at or above this have only outputs whose every target needs a word end
    /// after the literal: a step into one counts only when the next byte is not an ASCII
    /// letter, digit or `_` (or the text ends), as no word can end before such a byte.
    let firstEndCheckedState: Int32
    /// `(x * slotMagic) >> 40 == x / classCount` for every premultiplied offset `x`.
    let slotMagic: UInt64
    /// For match state `m` (slot `m / classCount`): what it ends,
    /// `outputs[outputStarts[slot] ..< outputStarts[slot + 1]]`, each output a literal index
    /// times 2, plus 1 for a floating literal.
    private let outputStarts: FixedArray<Int32>
    private let outputs: FixedArray<Int32>
    /// Length of each anchored, then each floating literal.
    private let anchoredLengths: FixedArray<Int32>
    private let floatingLengths: FixedArray<Int32>
    /// The premultiplied start state (open).
    private let start: Int32
    /// Whether every state steps to `start` on a space (0x20): true when no literal holds a
    /// space, as normalized pattern words never do. A segment that begins right after a space
    /// then needs no lookback.
    private let spaceResets: Bool

    let literalCount: Int
    let stateCount: Int
    /// Bytes before a segment's first byte a lock-step walk starts at, from the open state:
    /// longer than any literal, so the state is exact when the segment begins.
    private let lookback: Int

    /// Bytes of the tables.
    var memoryUsage: Int {
        byteSteps.memoryUsage + table.memoryUsage + outputStarts.memoryUsage + outputs.memoryUsage
            + anchoredLengths.memoryUsage + floatingLengths.memoryUsage
    }

    private static let anchoredKind: UInt8 = 1, floatingKind: UInt8 = 2

    /// The DFA of `anchored` and `floating` literals (each list distinct, literals non-empty),
    /// or nil when its table would exceed `memoryLimit` bytes. `endChecked` lists, anchored
    /// then floating, the literals whose every target needs a word end (none when empty).
    init?(anchored: [[UInt8]], floating: [[UInt8]], endChecked: [Bool] = [], memoryLimit: Int) {
        literalCount = anchored.count + floating.count
        // Classes: one per word byte used in a literal, then the unused word bytes; one per
        // other byte used in a literal, then the unused other bytes. Word classes come first,
        // so a walk tells a word byte with one comparison.
        var used = Array(repeating: false, count: 256)
        for literal in anchored + floating { for byte in literal { used[Int(byte)] = true } }
        let isWordByte = (0..<256).map { WordScanner.isWordClass(WordScanner.classes[$0]) }
        guard used.filter({ $0 }).count <= 254 else { return nil }
        var classOf = Array(repeating: UInt8(0), count: 256)
        var classCount = 0
        for byte in 0..<256 where used[byte] && isWordByte[byte] {
            classOf[byte] = UInt8(classCount)
            classCount += 1
        }
        let unusedWord = classCount
        classCount += 1
        let wordClassCount = classCount
        for byte in 0..<256 where used[byte] && !isWordByte[byte] {
            classOf[byte] = UInt8(classCount)
            classCount += 1
        }
        let unusedOther = classCount
        classCount += 1
        for byte in 0..<256 where !used[byte] { classOf[byte] = UInt8(isWordByte[byte] ? unusedWord : unusedOther) }
        let classIsWord = (0..<classCount).map { $0 < wordClassCount }

        // The trie: node 0 is the root; `children[node * classCount + c]`, -1 for none.
        var children = Array(repeating: Int32(-1), count: classCount)
        var kinds: [UInt8] = [0]
        var ends: [[Int32]] = [[]]  // outputs ending at the node: literal * 2 + floating
        var lastIsWord: [Bool] = [false]
        for (kind, list) in [(Self.anchoredKind, anchored), (Self.floatingKind, floating)] {
            for (index, literal) in list.enumerated() {
                var node = 0
                for byte in literal {
                    let c = Int(classOf[Int(byte)])
                    if children[node * classCount + c] < 0 {
                        children[node * classCount + c] = Int32(kinds.count)
                        children.append(contentsOf: repeatElement(-1, count: classCount))
                        kinds.append(0)
                        ends.append([])
                        lastIsWord.append(classIsWord[c])
                    }
                    node = Int(children[node * classCount + c])
                    kinds[node] |= kind
                }
                ends[node].append(Int32(index) * 2 + (kind == Self.floatingKind ? 1 : 0))
            }
        }

        // States: 0 open, 1 closed, then (node, kinds) pairs as reached. A state's kinds are
        // those of the walks that reached the node (one walk per kind; same start).
        var stateNode: [Int32] = [0, 0]
        var stateKinds: [UInt8] = [0, 0]
        var stateIndex = Array(repeating: Int32(-1), count: kinds.count * 4)  // node * 4 + kinds → state
        var queue: [Int32] = []
        func state(_ node: Int32, _ kinds: UInt8) -> Int32 {
            let key = Int(node) * 4 + Int(kinds)
            if stateIndex[key] >= 0 { return stateIndex[key] }
            let id = Int32(stateNode.count)
            stateIndex[key] = id
            stateNode.append(node)
            stateKinds.append(kinds)
            queue.append(id)
            return id
        }
        // Failure of each trie node (a state), computed breadth first from its parent's.
        var failure = Array(repeating: Int32(-1), count: kinds.count)
        var delta: [Int32] = []  // rows of processed states, by state id
        func row(_ s: Int32) -> Int { Int(s) * classCount }
        func bottomStep(_ open: Bool, _ c: Int) -> Int32 {
            let child = children[c]
            if child >= 0 {
                let allowed = kinds[Int(child)] & (open || !classIsWord[c] ? 3 : Self.floatingKind)
                if allowed != 0 { return state(child, allowed) }
            }
            return classIsWord[c] ? 1 : 0
        }
        // The bottoms' rows first (they only create depth-1 states).
        delta.append(contentsOf: (0..<classCount).map { bottomStep(true, $0) })
        delta.append(contentsOf: (0..<classCount).map { bottomStep(false, $0) })
        for c in 0..<classCount where children[c] >= 0 {
            failure[Int(children[c])] = lastIsWord[Int(children[c])] ? 1 : 0
        }
        var head = 0
        var estimatedStates = 2
        var childClasses: [Int] = []
        childClasses.reserveCapacity(classCount)
        while head < queue.count {
            let s = queue[head]
            head += 1
            let node = Int(stateNode[Int(s)]), walk = stateKinds[Int(s)]
            estimatedStates = stateNode.count
            guard estimatedStates * classCount * 4 <= memoryLimit else { return nil }
            // Rows are appended in state order: states are queued in id order.
            precondition(delta.count == row(s))
            let fail = failure[node]
            // The failure's row (processed before, being shallower), then this node's children.
            let failRow = row(fail), base = delta.count
            delta.append(contentsOf: repeatElement(0, count: classCount))
            delta.withUnsafeMutableBufferPointer { d in
                (d.baseAddress! + base).update(from: d.baseAddress! + failRow, count: classCount)
            }
            // The classes with a child, found without bounds checks (most have none).
            childClasses.removeAll(keepingCapacity: true)
            children.withUnsafeBufferPointer { children in
                let row = children.baseAddress! + node * classCount
                for c in 0..<classCount where row[c] >= 0 { childClasses.append(c) }
            }
            for c in childClasses {
                let child = children[node * classCount + c]
                if failure[Int(child)] < 0 {
                    // The child's longest proper suffix: this node's failure stepped on c.
                    failure[Int(child)] = delta[failRow + c]
                }
                if walk & kinds[Int(child)] != 0 { delta[base + c] = state(child, walk & kinds[Int(child)]) }
            }
        }
        let stateCount = stateNode.count
        self.stateCount = stateCount
        guard stateCount * classCount * 4 <= memoryLimit, stateCount * classCount < Int(Int32.max) else { return nil }

        // Outputs: the node's literals of the state's kinds, then its failure's outputs.
        var outputList = Array(repeating: [Int32](), count: stateCount)
        for s in queue {  // breadth first: a failure is always processed before
            let node = Int(stateNode[Int(s)]), walk = stateKinds[Int(s)]
            var list = ends[node].filter { walk & ($0 & 1 == 1 ? Self.floatingKind : Self.anchoredKind) != 0 }
            list.append(contentsOf: outputList[Int(failure[node])])
            outputList[Int(s)] = list
        }
        // Renumber: states with an output counted at any next byte first, then those whose
        // outputs all wait for a word end, then those without outputs.
        func waitsForWordEnd(_ output: Int32) -> Bool {
            let index = Int(output >> 1) + (output & 1 == 1 ? anchored.count : 0)
            return index < endChecked.count && endChecked[index]
        }
        var order = (0..<stateCount).filter { !outputList[$0].isEmpty && !outputList[$0].allSatisfy(waitsForWordEnd) }
        let firstEndChecked = order.count
        order += (0..<stateCount).filter { !outputList[$0].isEmpty && outputList[$0].allSatisfy(waitsForWordEnd) }
        let matchCount = order.count
        order += (0..<stateCount).filter { outputList[$0].isEmpty }
        var newIndex = Array(repeating: Int32(0), count: stateCount)
        for (position, s) in order.enumerated() { newIndex[s] = Int32(position) }
        // 1.4 M transitions for the bundled rules: without bounds checks.
        let table = [Int32](unsafeUninitializedCapacity: stateCount * classCount) { table, initialized in
            delta.withUnsafeBufferPointer { delta in
                newIndex.withUnsafeBufferPointer { newIndex in
                    let width = Int32(classCount)
                    for (position, s) in order.enumerated() {
                        let to = table.baseAddress! + position * classCount, from = delta.baseAddress! + s * classCount
                        for c in 0..<classCount { (to + c).initialize(to: newIndex[Int(from[c])] &* width) }
                    }
                }
            }
            initialized = stateCount * classCount
        }
        var outputStarts: [Int32] = [0]
        var outputs: [Int32] = []
        for s in order[..<matchCount] {
            outputs.append(contentsOf: outputList[s])
            outputStarts.append(Int32(outputs.count))
        }
        self.classCount = classCount
        self.table = FixedArray(table)
        self.matchStateEnd = Int32(matchCount * classCount)
        self.firstEndCheckedState = Int32(firstEndChecked * classCount)
        self.byteSteps = FixedArray((0..<256).map { byte in
            let c = Int(classOf[byte])
            return ByteStep(limit: UInt32((c >= wordClassCount ? matchCount : firstEndChecked) * classCount),
                            classIndex: UInt32(c))
        })
        self.slotMagic = ((1 << 40) + UInt64(classCount) - 1) / UInt64(classCount)
        self.outputStarts = FixedArray(outputStarts)
        self.outputs = FixedArray(outputs)
        self.anchoredLengths = FixedArray(anchored.map { Int32($0.count) })
        self.floatingLengths = FixedArray(floating.map { Int32($0.count) })
        self.start = newIndex[0] * Int32(classCount)
        self.lookback = ((anchored + floating).map { $0.count }.max() ?? 0) + 1
        let spaceClass = Int(classOf[0x20]), start = self.start
        self.spaceResets = (0..<stateCount).allSatisfy { table[$0 * classCount + spaceClass] == start }
    }

    /// Writes the end offset and state of every step that enters a state with outputs and
    /// counts (see ``ByteStep``) into `list` (grown as needed), in no particular order. Kept out
    /// of line; the only call is the list's growth, once per `chunk` steps at most, so the
    /// states stay in registers.
    ///
    /// Each step waits for the previous one's table load, so a longer text is cut into 2 or 4
    /// segments walked in lock step, whose loads overlap. Where no literal holds a space (the
    /// rule: pattern words are single words) the cuts fall just after spaces, where every walk
    /// is back in the start state; otherwise every segment but the first starts `lookback`
    /// bytes early from the open state and records only the matches that end inside it.
    ///
    /// Cost: one table step per byte (plus `lookback` per extra segment), with no branch but
    /// the loops'; no allocation while the list has room.
    @inline(never)
    func matchSteps(_ text: UnsafeBufferPointer<UInt8>, into list: GrowableList<MatchStep>) {
        list.count = 0
        guard literalCount > 0, let p = text.baseAddress else { return }
        walkSegments(p, text.count, list)
    }

    /// The walks of ``matchSteps(_:into:)``, cut as it explains.
    @inline(__always)
    private func walkSegments(_ p: UnsafePointer<UInt8>, _ n: Int, _ list: GrowableList<MatchStep>) {
        if spaceResets && n >= 96 {
            // Segments that begin right after a space, near the quarters (or the middle).
            if let b1 = Self.afterSpace(p, from: n >> 2, before: n >> 1),
               let b2 = Self.afterSpace(p, from: n >> 1, before: (n >> 1) &+ (n >> 2)),
               let b3 = Self.afterSpace(p, from: (n >> 1) &+ (n >> 2), before: n) {
                walk4(p, n, (b1, b2, b3), back: 0, list)
                return
            }
            if let middle = Self.afterSpace(p, from: n >> 1, before: n) {
                walk2(p, n, middle, back: 0, list)
                return
            }
        }
        if n >= 4 &* lookback &+ 64 {
            let quarter = n / 4
            walk4(p, n, (quarter, 2 &* quarter, 3 &* quarter), back: lookback, list)
        } else if n >= 2 &* lookback &+ 16 {
            walk2(p, n, n / 2, back: lookback, list)
        } else {
            walk(p, n, from: 0, to: n, state: Int(start), recordFrom: 0, list)
        }
    }

    /// The offset just after the first space in `p[from ..< before - 1]`, if any: a segment
    /// can begin there (not empty, as it ends at `before` or later).
    @inline(__always)
    private static func afterSpace(_ p: UnsafePointer<UInt8>, from: Int, before: Int) -> Int? {
        var i = from
        // Eight bytes at a time: a word is mostly shorter, so the first load finds the space
        // and the loop's one branch is predictable. A byte of `x` is 0 where a space is; the
        // lowest flagged byte is the first zero byte (borrows only flag bytes above it).
        let raw = UnsafeRawPointer(p)
        while i &+ 8 < before {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x2020_2020_2020_2020
            let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            if zero != 0 { return i &+ zero.trailingZeroBitCount >> 3 &+ 1 }
            i &+= 8
        }
        while i &+ 1 < before {
            if p[i] == 0x20 { return i &+ 1 }
            i &+= 1
        }
        return nil
    }

    /// Whether a step into `state` that ends at `end` counts: before the byte there, or at
    /// the end of the text when it is a match state.
    @inline(__always)
    private func counts(_ state: Int, _ end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let limit = end == n ? UInt32(matchStateEnd) : byteSteps.base[Int(p[end])].limit
        return UInt32(truncatingIfNeeded: state) < limit
    }

    /// Writes the step into `state` that ends just before `q` (in the text at `p`) after the
    /// `kept` steps of `out`, and keeps it (counts it in `kept`) when it counts before the byte
    /// at `q`, whose entry is `next`: one comparison, no branch.
    @inline(__always)
    private static func note(_ state: Int, _ q: UnsafePointer<UInt8>, _ p: UnsafePointer<UInt8>, _ next: ByteStep,
                             _ out: UnsafeMutablePointer<MatchStep>, _ kept: inout Int) {
        out[kept] = MatchStep(state: Int32(truncatingIfNeeded: state), end: Int32(truncatingIfNeeded: q - p))
        kept &+= UInt32(truncatingIfNeeded: state) < next.limit ? 1 : 0
    }

    /// One walk over `p[from ..< to]` from `state` (a step that ended at `from`, not yet
    /// judged), recording the steps that end after `recordFrom` and count. Branch-free, as
    /// ``walk4(_:_:_:back:_:)`` explains.
    @inline(__always)
    private func walk(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, to: Int, state: Int, recordFrom: Int,
                      _ list: GrowableList<MatchStep>) {
        let bytes = byteSteps.base, table = self.table.base
        var state = state
        // Steps that end at or before `recordFrom` are another walk's.
        var q = p + from
        let quiet = p + min(to, max(from, recordFrom &+ 1))
        while q < quiet {
            state = Int(table[state &+ Int(bytes[Int(q.pointee)].classIndex)])
            q += 1
        }
        var out = list.base, kept = list.count
        var i = q - p
        while i < to {
            let stop = min(to, i &+ Self.chunk)
            out = list.room(after: kept, for: stop &- i)
            q = p + i
            let last = p + stop
            while q < last {
                let e = bytes[Int(q.pointee)]
                Self.note(state, q, p, e, out, &kept)
                state = Int(table[state &+ Int(e.classIndex)])
                q += 1
            }
            i = stop
        }
        list.count = kept
        if to > recordFrom && counts(state, to, p, n) {
            list.append(MatchStep(state: Int32(truncatingIfNeeded: state), end: Int32(truncatingIfNeeded: to)))
        }
    }

    /// Steps between two checks that the match list has room for every segment's.
    private static let chunk = 512

    /// Two segments, `[0, mid)` and `[mid, n)`, in lock step, as ``walk4(_:_:_:back:_:)``
    /// walks four.
    @inline(__always)
    private func walk2(_ p: UnsafePointer<UInt8>, _ n: Int, _ mid: Int, back: Int, _ list: GrowableList<MatchStep>) {
        let bytes = byteSteps.base, table = self.table.base
        var a = Int(start), b = Int(start)
        let j = mid &- back
        let count = min(mid, n &- j) &- 1
        var out = list.base, kept = list.count
        var k = 0
        let alone = min(back &+ 1, count)
        while k < alone {
            let stop = min(alone, k &+ Self.chunk)
            out = list.room(after: kept, for: stop &- k)
            var qa = p + k, qb = p + (j &+ k)
            let last = p + stop
            while qa < last {
                let ea = bytes[Int(qa.pointee)], eb = bytes[Int(qb.pointee)]
                Self.note(a, qa, p, ea, out, &kept)
                a = Int(table[a &+ Int(ea.classIndex)])
                b = Int(table[b &+ Int(eb.classIndex)])
                qa += 1
                qb += 1
            }
            k = stop
        }
        while k < count {
            let stop = min(count, k &+ Self.chunk)
            out = list.room(after: kept, for: 2 &* (stop &- k))
            var qa = p + k, qb = p + (j &+ k)
            let last = p + stop
            while qa < last {
                let ea = bytes[Int(qa.pointee)], eb = bytes[Int(qb.pointee)]
                Self.note(a, qa, p, ea, out, &kept)
                Self.note(b, qb, p, eb, out, &kept)
                a = Int(table[a &+ Int(ea.classIndex)])
                b = Int(table[b &+ Int(eb.classIndex)])
                qa += 1
                qb += 1
            }
            k = stop
        }
        list.count = kept
        walk(p, n, from: k, to: mid, state: a, recordFrom: 0, list)
        walk(p, n, from: j &+ k, to: n, state: b, recordFrom: mid, list)
    }

    /// Four segments, cut at `bounds` (increasing, inside the text), in lock step. Every
    /// segment but the first starts `back` bytes before its cut in the start state and records
    /// only the matches that end after the cut (`back` is 0 for cuts just after spaces): the
    /// first `back` steps record only the first segment's.
    ///
    /// A lock step has no branch but the loop's: it writes each segment's state as a match
    /// step and keeps it (moves the list's end past it) when it counts, judged with the entry
    /// of the byte the step is about to read. A third of the steps enter a match state, mostly
    /// inside words where the word-end test fails, and a branch per segment on that
    /// mispredicted often. Each segment is a state and a pointer into the text.
    ///
    /// The lock step stops a byte before the end of the shortest segment, so that a byte
    /// follows every step of it (the tails walk the rest).
    @inline(__always)
    private func walk4(_ p: UnsafePointer<UInt8>, _ n: Int, _ bounds: (Int, Int, Int), back: Int,
                       _ list: GrowableList<MatchStep>) {
        let bytes = byteSteps.base, table = self.table.base
        var s0 = Int(start), s1 = Int(start), s2 = Int(start), s3 = Int(start)
        let i1 = bounds.0 &- back, i2 = bounds.1 &- back, i3 = bounds.2 &- back
        let count = min(bounds.0, bounds.1 &- i1, bounds.2 &- i2, n &- i3) &- 1
        var out = list.base, kept = list.count
        var k = 0
        // Through step `back` only the first segment's steps can count.
        let alone = min(back &+ 1, count)
        while k < alone {
            let stop = min(alone, k &+ Self.chunk)
            out = list.room(after: kept, for: stop &- k)
            var q0 = p + k, q1 = p + (i1 &+ k), q2 = p + (i2 &+ k), q3 = p + (i3 &+ k)
            let last = p + stop
            while q0 < last {
                let e0 = bytes[Int(q0.pointee)]
                Self.note(s0, q0, p, e0, out, &kept)
                s0 = Int(table[s0 &+ Int(e0.classIndex)])
                s1 = Int(table[s1 &+ Int(bytes[Int(q1.pointee)].classIndex)])
                s2 = Int(table[s2 &+ Int(bytes[Int(q2.pointee)].classIndex)])
                s3 = Int(table[s3 &+ Int(bytes[Int(q3.pointee)].classIndex)])
                q0 += 1
                q1 += 1
                q2 += 1
                q3 += 1
            }
            k = stop
        }
        while k < count {
            let stop = min(count, k &+ Self.chunk)
            out = list.room(after: kept, for: 4 &* (stop &- k))
            var q0 = p + k, q1 = p + (i1 &+ k), q2 = p + (i2 &+ k), q3 = p + (i3 &+ k)
            let last = p + stop
            while q0 < last {
                let e0 = bytes[Int(q0.pointee)]
                Self.note(s0, q0, p, e0, out, &kept)
                s0 = Int(table[s0 &+ Int(e0.classIndex)])
                let e1 = bytes[Int(q1.pointee)]
                Self.note(s1, q1, p, e1, out, &kept)
                s1 = Int(table[s1 &+ Int(e1.classIndex)])
                let e2 = bytes[Int(q2.pointee)]
                Self.note(s2, q2, p, e2, out, &kept)
                s2 = Int(table[s2 &+ Int(e2.classIndex)])
                let e3 = bytes[Int(q3.pointee)]
                Self.note(s3, q3, p, e3, out, &kept)
                s3 = Int(table[s3 &+ Int(e3.classIndex)])
                q0 += 1
                q1 += 1
                q2 += 1
                q3 += 1
            }
            k = stop
        }
        list.count = kept
        // The tails, from the last lock step's states (not yet judged).
        walk(p, n, from: k, to: bounds.0, state: s0, recordFrom: 0, list)
        walk(p, n, from: i1 &+ k, to: bounds.1, state: s1, recordFrom: bounds.0, list)
        walk(p, n, from: i2 &+ k, to: bounds.2, state: s2, recordFrom: bounds.1, list)
        walk(p, n, from: i3 &+ k, to: n, state: s3, recordFrom: bounds.2, list)
    }

    /// Match states, numbered 0 ..< `matchSlotCount` (``slot(of:)``).
    var matchSlotCount: Int { outputStarts.count - 1 }

    /// The number of the match state a recorded step entered.
    @inline(__always)
    func slot(of step: MatchStep) -> Int {
        Self.slot(of: step, magic: slotMagic)
    }

    /// ``slot(of:)`` with the automaton's ``slotMagic`` at hand (in a register, for loops).
    @inline(__always)
    static func slot(of step: MatchStep, magic: UInt64) -> Int {
        Int((UInt64(UInt32(bitPattern: step.state)) &* magic) >> 40)
    }

    /// What match state `slot` ends: each literal (anchored or floating) and its length, in
    /// the order of the automaton's outputs.
    func outputs(ofSlot slot: Int) -> [(floating: Bool, literal: Int32, length: Int32)] {
        (Int(outputStarts[slot])..<Int(outputStarts[slot + 1])).map { o in
            let output = outputs[o], literal = output >> 1
            return output & 1 == 1 ? (true, literal, floatingLengths[Int(literal)]) : (false, literal, anchoredLengths[Int(literal)])
        }
    }

    // MARK: Image

    /// Tables that ``write(to:)`` wrote (see ``ImageCodable``).
    init(from reader: inout ImageReader) throws(ImageError) {
        byteSteps = try FixedArray(from: &reader)
        classCount = try reader.read() as Int
        table = try FixedArray(from: &reader)
        matchStateEnd = try reader.read() as Int32
        firstEndCheckedState = try reader.read() as Int32
        slotMagic = try reader.read() as UInt64
        outputStarts = try FixedArray(from: &reader)
        outputs = try FixedArray(from: &reader)
        anchoredLengths = try FixedArray(from: &reader)
        floatingLengths = try FixedArray(from: &reader)
        start = try reader.read() as Int32
        spaceResets = try reader.read() as Bool
        literalCount = try reader.read() as Int
        stateCount = try reader.read() as Int
        lookback = try reader.read() as Int
        guard byteSteps.count == 256, classCount > 0, table.count == stateCount &* classCount,
              (0..<256).allSatisfy({ Int(byteSteps[$0].classIndex) < classCount }),
              start >= 0, Int(start) < table.count else {
            throw ImageError("the literal DFA's byte classes or table are malformed")
        }
    }

    /// Appends the tables, for ``init(from:)``.
    func write(to writer: inout ImageWriter) {
        byteSteps.write(to: &writer)
        writer.write(classCount)
        table.write(to: &writer)
        writer.write(matchStateEnd)
        writer.write(firstEndCheckedState)
        writer.write(slotMagic)
        outputStarts.write(to: &writer)
        outputs.write(to: &writer)
        anchoredLengths.write(to: &writer)
        floatingLengths.write(to: &writer)
        writer.write(start)
        writer.write(spaceResets)
        writer.write(literalCount)
        writer.write(stateCount)
        writer.write(lookback)
    }
}

/// The class of a byte, and the count limit of the class: a step into state `s` counts before
/// the byte when `UInt32(s) < limit` (every match state before a byte that is not a word byte,
/// those before `firstEndCheckedState` before a word byte; states without outputs are above
/// both). One entry per byte, so a walk reads both with one base register.
struct ByteStep: BitwiseCopyable {
    var limit: UInt32
    var classIndex: UInt32
}

/// A step of ``WordStartAutomaton/matchSteps(_:into:)`` into a state with outputs.
struct MatchStep: BitwiseCopyable {
    var state: Int32
    var end: Int32
}
