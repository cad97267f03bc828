/// The build-time form of an automaton: a trie over byte classes with Aho-Corasick failure
/// links and, per node, the complete sorted list of literals that end there.
///
///     let trie = AutomatonTrie(bytes: Array("hesshe".utf8), ends: [2, 3, 6])  // he, s, she
///     trie.order          // nodes breadth first: root, h, s, he, sh, she
///     trie.fail[she]      // the node of "he"
///
/// Built once by ``AutomatonBuilder/build()`` and turned into ``AutomatonTables``; never kept.
/// Cost: O(total literal bytes) nodes. Nodes at depth 0–2 (the ones with many children, which
/// failure links lead to most) find a child with one look-up in a dense table; deeper nodes
/// scan their few children. Failure links cost amortised O(total literal bytes) look-ups.
struct AutomatonTrie {
    let classes: AutomatonByteClasses
    let patternCount: Int

    /// Nodes up to this depth get a dense child table, within `denseChildLimit` entries.
    static let denseDepth = 2
    static let denseChildLimit = 1 << 22

    /// Node 0 is the root. For node `n > 0`: `label[n]` is the class of the edge into `n`.
    var label: [UInt8] = [0]
    /// First child, or -1; siblings chain through `nextSibling`.
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    var childCount: [Int32] = [0]
    /// Where a node's dense child table starts in `denseChildren` (one entry per class, -1 for
    /// no child), or -1 when it has none. The root's starts at 0.
    var denseSlot: [Int32] = [0]
    var denseChildren: [Int32]
    /// Literals that end exactly at a node: the first, then `nextSamePlace`, in `add` order.
    var firstPattern: [Int32] = [-1]
    var lastPattern: [Int32] = [-1]
    var nextSamePlace: [Int32]
    var patternLength: [Int32]

    /// All nodes in breadth-first order; `order[0] == 0`. Depth never decreases along it,
    /// so a node's failure target always comes before the node.
    var order: [Int32] = []
    /// Failure link: the node of the longest proper suffix of the node's string that is also
    /// a trie node (the root for depth-1 nodes and the root itself).
    var fail: [Int32] = []
    /// Every literal that ends at the node's string (its own and those of its failure chain),
    /// sorted by pattern ID: `outputs[outputStart[n] ..< outputStart[n] + outputCount[n]]`,
    /// each entry `pattern << 32 | length`.
    var outputs: [UInt64] = []
    var outputStart: [Int32] = []
    var outputCount: [Int32] = []

    var nodeCount: Int { label.count }

    init(bytes: [UInt8], ends: [Int]) {
        classes = AutomatonByteClasses(literalBytes: bytes)
        patternCount = ends.count
        denseChildren = [Int32](repeating: -1, count: classes.count)
        nextSamePlace = [Int32](repeating: -1, count: ends.count)
        patternLength = [Int32](repeating: 0, count: ends.count)
        let expected = min(bytes.count + 1, 1 << 20)
        label.reserveCapacity(expected)
        firstChild.reserveCapacity(expected)
        nextSibling.reserveCapacity(expected)
        childCount.reserveCapacity(expected)
        denseSlot.reserveCapacity(expected)
        firstPattern.reserveCapacity(expected)
        lastPattern.reserveCapacity(expected)
        var start = 0
        for pattern in 0..<ends.count {
            insert(pattern: pattern, bytes: bytes, from: start, to: ends[pattern])
            start = ends[pattern]
        }
        linkFailures()
    }

    private mutating func insert(pattern: Int, bytes: [UInt8], from start: Int, to end: Int) {
        var node = 0
        for index in start..<end {
            let cls = classes.map[Int(bytes[index])]
            var next = child(of: node, cls)
            if next < 0 { next = newNode(parent: node, label: cls, depth: index - start + 1) }
            node = Int(next)
        }
        patternLength[pattern] = Int32(end - start)
        if firstPattern[node] < 0 {
            firstPattern[node] = Int32(pattern)
        } else {
            nextSamePlace[Int(lastPattern[node])] = Int32(pattern)
        }
        lastPattern[node] = Int32(pattern)
    }

    private mutating func newNode(parent: Int, label cls: UInt8, depth: Int) -> Int32 {
        let node = Int32(label.count)
        label.append(cls)
        firstChild.append(-1)
        nextSibling.append(firstChild[parent])
        firstChild[parent] = node
        childCount.append(0)
        childCount[parent] += 1
        let parentSlot = denseSlot[parent]
        if parentSlot >= 0 { denseChildren[Int(parentSlot) + Int(cls)] = node }
        if depth <= Self.denseDepth && denseChildren.count + classes.count <= Self.denseChildLimit {
            denseSlot.append(Int32(denseChildren.count))
            denseChildren.append(contentsOf: repeatElement(-1, count: classes.count))
        } else {
            denseSlot.append(-1)
        }
        firstPattern.append(-1)
        lastPattern.append(-1)
        return node
    }

    /// The child of `node` along class `cls`, or -1.
    @inline(__always)
    func child(of node: Int, _ cls: UInt8) -> Int32 {
        let slot = denseSlot[node]
        if slot >= 0 { return denseChildren[Int(slot) + Int(cls)] }
        var child = firstChild[node]
        while child >= 0 && label[Int(child)] != cls { child = nextSibling[Int(child)] }
        return child
    }

    /// Calls `body` with every child of `node` (any order).
    @inline(__always)
    func forEachChild(of node: Int, _ body: (Int) -> Void) {
        var child = firstChild[node]
        while child >= 0 {
            body(Int(child))
            child = nextSibling[Int(child)]
        }
    }

    private mutating func linkFailures() {
        let count = nodeCount
        order = [0]
        order.reserveCapacity(count)
        fail = [Int32](repeating: 0, count: count)
        outputStart = [Int32](repeating: 0, count: count)
        outputCount = [Int32](repeating: 0, count: count)
        var position = 0
        while position < order.count {
            let node = Int(order[position])
            position += 1
            let failure = Int(fail[node])
            var child = Int(firstChild[node])
            while child >= 0 {
                order.append(Int32(child))
                let target = node == 0 ? 0 : failureTarget(from: failure, label[child])
                fail[child] = Int32(target)
                collectOutputs(of: child, failure: target)
                child = Int(nextSibling[child])
            }
        }
    }

    /// The failure target of a child along `cls` of a node whose failure link is `start`.
    private func failureTarget(from start: Int, _ cls: UInt8) -> Int {
        var node = start
        while true {
            let next = child(of: node, cls)
            if next >= 0 { return Int(next) }
            if node == 0 { return 0 }
            node = Int(fail[node])
        }
    }

    /// Merges the node's own literals (ascending IDs) with its failure target's output list
    /// (already sorted, since the target precedes the node in breadth-first order).
    private mutating func collectOutputs(of node: Int, failure: Int) {
        let start = outputs.count
        if firstPattern[node] < 0 && outputCount[failure] == 0 {
            outputStart[node] = Int32(start)
            return
        }
        var own = firstPattern[node]
        var inherited = Int(outputStart[failure])
        let inheritedEnd = inherited + Int(outputCount[failure])
        while own >= 0 || inherited < inheritedEnd {
            let takeOwn: Bool
            if own < 0 {
                takeOwn = false
            } else if inherited == inheritedEnd {
                takeOwn = true
            } else {
                takeOwn = UInt64(own) < outputs[inherited] >> 32
            }
            if takeOwn {
                outputs.append(UInt64(own) << 32 | UInt64(patternLength[Int(own)]))
                own = nextSamePlace[Int(own)]
            } else {
                outputs.append(outputs[inherited])
                inherited += 1
            }
        }
        precondition(outputs.count < Int(Int32.max),
                     "AutomatonBuilder.build: \(outputs.count) (literal, state) match entries; the limit is \(Int32.max); too many literals are suffixes of other literals")
        outputStart[node] = Int32(start)
        outputCount[node] = Int32(outputs.count - start)
    }
}
