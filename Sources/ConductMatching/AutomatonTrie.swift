/// The build-time form of an automaton: a trie over byte classes with Aho-Corasick failure
/// links and, per node, the complete sorted list of literals that end there.
///
///     let trie = AutomatonTrie(bytes: Array("hesshe".utf8), ends: [2, 3, 6])  // he, s, she
///     trie.order          // nodes breadth first: root, h, s, he, sh, she
///     trie.fail[she]      // the node of "he"
///
/// Built once by ``AutomatonBuilder/build()`` and turned into ``AutomatonTables``; never kept.
/// Cost: O(total literal bytes) nodes; insertion scans a node's children linearly (the root
/// has a dense child table, deeper nodes have few children); failure links cost amortised
/// O(total literal bytes) child look-ups.
struct AutomatonTrie {
    let classes: AutomatonByteClasses
    let patternCount: Int

    /// Node 0 is the root. For node `n > 0`: `label[n]` is the class of the edge into `n`.
    var label: [UInt8] = [0]
    /// First child of a non-root node, or -1; siblings chain through `nextSibling`.
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    /// The root's children, dense by class; -1 where the root has no child.
    var rootChild: [Int32]
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
        rootChild = [Int32](repeating: -1, count: classes.count)
        nextSamePlace = [Int32](repeating: -1, count: ends.count)
        patternLength = [Int32](repeating: 0, count: ends.count)
        let expected = min(bytes.count + 1, 1 << 20)
        label.reserveCapacity(expected)
        firstChild.reserveCapacity(expected)
        nextSibling.reserveCapacity(expected)
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
            if node == 0 {
                var child = rootChild[Int(cls)]
                if child < 0 {
                    child = newNode(label: cls)
                    rootChild[Int(cls)] = child
                }
                node = Int(child)
            } else {
                var child = firstChild[node]
                while child >= 0 && label[Int(child)] != cls { child = nextSibling[Int(child)] }
                if child < 0 {
                    child = newNode(label: cls)
                    nextSibling[Int(child)] = firstChild[node]
                    firstChild[node] = child
                }
                node = Int(child)
            }
        }
        patternLength[pattern] = Int32(end - start)
        if firstPattern[node] < 0 {
            firstPattern[node] = Int32(pattern)
        } else {
            nextSamePlace[Int(lastPattern[node])] = Int32(pattern)
        }
        lastPattern[node] = Int32(pattern)
    }

    private mutating func newNode(label cls: UInt8) -> Int32 {
        let node = Int32(label.count)
        label.append(cls)
        firstChild.append(-1)
        nextSibling.append(-1)
        firstPattern.append(-1)
        lastPattern.append(-1)
        return node
    }

    /// The child of `node` along class `cls`, or -1.
    func child(of node: Int, _ cls: UInt8) -> Int32 {
        if node == 0 { return rootChild[Int(cls)] }
        var child = firstChild[node]
        while child >= 0 && label[Int(child)] != cls { child = nextSibling[Int(child)] }
        return child
    }

    /// Calls `body` with every child of `node` (any order).
    func forEachChild(of node: Int, _ body: (Int) -> Void) {
        if node == 0 {
            for child in rootChild where child >= 0 { body(Int(child)) }
        } else {
            var child = firstChild[node]
            while child >= 0 {
                body(Int(child))
                child = nextSibling[Int(child)]
            }
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
            if node == 0 {
                for child in rootChild where child >= 0 {
                    order.append(child)
                    collectOutputs(of: Int(child), failure: 0)
                }
            } else {
                let failure = Int(fail[node])
                var child = Int(firstChild[node])
                while child >= 0 {
                    order.append(Int32(child))
                    let target = failureTarget(from: failure, label[child])
                    fail[child] = Int32(target)
                    collectOutputs(of: child, failure: target)
                    child = Int(nextSibling[child])
                }
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
