/// The search-time form of an automaton: flat tables of 32-bit state IDs, shared by every copy
/// of an ``Automaton`` and never changed after `init`.
///
///     let tables = AutomatonTables(trie: AutomatonTrie(bytes: bytes, ends: ends), representation: .dfa)
///     tables.isDFA                                   // true: every state is dense
///     tables.scan(text, count: count) { print($0) }
///
/// Invariants (what the scan loops rely on):
/// - A dense state's ID is `index × stride` (premultiplied), `stride = classCount + 1`; its row is
///   `dense[id ..< id + classCount]`, the full transition for every class (failure links already
///   resolved), and `dense[id + classCount]` is its match-list offset when it is a match state.
/// - The start state (the trie root) has ID 0 and is dense; dense states are numbered with
///   every non-match state before every match state, so "is a match state" is `id >= matchStart`.
/// - An ID `>= sparseStart` is a sparse (NFA) state at offset `id - sparseStart` of `sparse`:
///   `[exit, match offset or noMatch, edge count k, k edge classes, k edge targets]`, where
///   `exit` is a dense state: the transition along a class with no edge is `exit`'s. (The edges
///   are the state's own and those of the sparse states on its failure chain before the first
///   dense one.) `sparseStart >= matchStart`, so one comparison sends every match state and
///   every sparse state to the slow path.
/// - A match list is `matchEntries[offset...]` up to and including the first entry with bit 63
///   set; entries are `last << 63 | pattern << 32 | length`, sorted by pattern ID, and list
///   every literal that ends at the state, including those of its failure chain.
@usableFromInline
final class AutomatonTables: Sendable {
    @usableFromInline static let noMatch = UInt32.max

    /// Byte → class; 256 entries.
    @usableFromInline let classMap: [UInt8]
    @usableFromInline let classCount: Int
    @usableFromInline let dense: [UInt32]
    @usableFromInline let matchStart: UInt32
    @usableFromInline let sparseStart: UInt32
    @usableFromInline let sparse: [UInt32]
    @usableFromInline let matchEntries: [UInt64]
    /// True when there are no sparse states.
    @usableFromInline let isDFA: Bool
    /// The longest literal's length (the trie's depth), 0 without literals.
    @usableFromInline let longestLiteral: Int

    let patternCount: Int
    let stateCount: Int
    let denseStateCount: Int

    init(trie: AutomatonTrie, representation: AutomatonRepresentation) {
        let nodes = trie.nodeCount
        let classCount = trie.classes.count
        let stride = classCount + 1
        let rowBytes = stride * MemoryLayout<UInt32>.size
        let childCount = trie.childCount

        // Choose the dense states: all of them for a DFA; for an NFA the root and then, breadth
        // first, states with two or more children (a state with one child is as fast sparse).
        var denseLimit: Int? = nil
        switch representation {
        case .dfa:
            break
        case .nfa(let requested):
            denseLimit = max(requested, 1)
        case .automatic:
            if nodes * rowBytes > Automaton.dfaMemoryLimit {
                denseLimit = max(Automaton.nfaDenseMemoryLimit / rowBytes, 1)
            }
        }
        var isDense: [Bool]
        var denseCount: Int
        if let denseLimit {
            isDense = [Bool](repeating: false, count: nodes)
            isDense[0] = true
            denseCount = 1
            for position in 1..<nodes where denseCount < denseLimit {
                let node = Int(trie.order[position])
                if childCount[node] >= 2 {
                    isDense[node] = true
                    denseCount += 1
                }
            }
        } else {
            isDense = [Bool](repeating: true, count: nodes)
            denseCount = nodes
        }
        let sparseCount = nodes - denseCount

        // Resolve each sparse state's failure chain up to its first dense state (its exit): its
        // edges are its own, then those of the sparse states on the chain, nearer first, each
        // class once. δ(state, c) is then its edge along c, else the exit's row entry for c, so
        // a scan never follows more than one link. Breadth first, a state's failure target is
        // resolved before the state.
        var exit = [Int32](repeating: 0, count: nodes)
        var edgeStart = [Int32](repeating: 0, count: nodes)
        var edgeCount = [Int32](repeating: 0, count: nodes)
        var edgeClass: [UInt8] = []
        var edgeNode: [Int32] = []
        var sparseWords = 0
        for position in 0..<nodes {
            let node = Int(trie.order[position])
            guard !isDense[node] else { continue }
            let start = edgeClass.count
            trie.forEachChild(of: node) { child in
                edgeClass.append(trie.label[child])
                edgeNode.append(Int32(child))
            }
            let own = edgeClass.count
            let failure = Int(trie.fail[node])
            if isDense[failure] {
                exit[node] = Int32(failure)
            } else {
                exit[node] = exit[failure]
                let inherited = Int(edgeStart[failure])
                for edge in inherited..<(inherited + Int(edgeCount[failure])) {
                    let cls = edgeClass[edge]
                    if !edgeClass[start..<own].contains(cls) {
                        edgeClass.append(cls)
                        edgeNode.append(edgeNode[edge])
                    }
                }
            }
            edgeStart[node] = Int32(start)
            edgeCount[node] = Int32(edgeClass.count - start)
            sparseWords += 3 + 2 * (edgeClass.count - start)
        }
        let idLimit = denseCount * stride + sparseWords
        precondition(idLimit < Int(UInt32.max),
                     "AutomatonBuilder.build: \(representation) needs \(idLimit) table entries; the limit is \(UInt32.max - 1); use an NFA with fewer dense states or fewer literals")

        // Number the states: dense non-match, dense match (both in breadth-first order), then
        // sparse states at their offsets in `sparse`, breadth first.
        var id = [UInt32](repeating: 0, count: nodes)
        var nonMatchDense = 0
        for node in 0..<nodes where isDense[node] && trie.outputCount[node] == 0 { nonMatchDense += 1 }
        var nextNonMatch = 0
        var nextMatch = nonMatchDense
        let sparseStart = UInt32(denseCount * stride)
        var offset = 0
        for position in 0..<nodes {
            let node = Int(trie.order[position])
            if !isDense[node] {
                id[node] = sparseStart + UInt32(offset)
                offset += 3 + 2 * Int(edgeCount[node])
            } else if trie.outputCount[node] == 0 {
                id[node] = UInt32(nextNonMatch * stride)
                nextNonMatch += 1
            } else {
                id[node] = UInt32(nextMatch * stride)
                nextMatch += 1
            }
        }

        var entries = trie.outputs
        for node in 0..<nodes where trie.outputCount[node] > 0 {
            entries[Int(trie.outputStart[node] + trie.outputCount[node] - 1)] |= 1 << 63
        }

        var dense = [UInt32](repeating: 0, count: denseCount * stride)
        dense.withUnsafeMutableBufferPointer { table in
            var chain: [Int] = []
            for position in 0..<nodes {
                let node = Int(trie.order[position])
                guard isDense[node] else { continue }
                let row = Int(id[node])
                if node == 0 {
                    for cls in 0..<classCount {
                        let child = trie.child(of: 0, UInt8(cls))
                        table[row + cls] = child >= 0 ? id[Int(child)] : 0
                    }
                } else {
                    // δ(node, c) is the first edge along c of the node, then of each state on its
                    // failure chain; the chain's first dense state has every δ in its row, which
                    // is complete because that state precedes the node breadth first.
                    chain.removeAll(keepingCapacity: true)
                    var failure = Int(trie.fail[node])
                    while !isDense[failure] {
                        chain.append(failure)
                        failure = Int(trie.fail[failure])
                    }
                    let failRow = Int(id[failure])
                    for cls in 0..<classCount { table[row + cls] = table[failRow + cls] }
                    for step in Swift.stride(from: chain.count, through: 0, by: -1) {
                        trie.forEachChild(of: step == 0 ? node : chain[step - 1]) { child in
                            table[row + Int(trie.label[child])] = id[child]
                        }
                    }
                }
                if trie.outputCount[node] > 0 {
                    table[row + classCount] = UInt32(trie.outputStart[node])
                }
            }
        }

        var sparse = [UInt32]()
        sparse.reserveCapacity(sparseWords)
        for position in 0..<nodes {
            let node = Int(trie.order[position])
            guard !isDense[node] else { continue }
            sparse.append(id[Int(exit[node])])
            sparse.append(trie.outputCount[node] > 0 ? UInt32(trie.outputStart[node]) : Self.noMatch)
            let edges = Int(edgeStart[node])..<Int(edgeStart[node] + edgeCount[node])
            sparse.append(UInt32(edges.count))
            for edge in edges { sparse.append(UInt32(edgeClass[edge])) }
            for edge in edges { sparse.append(id[Int(edgeNode[edge])]) }
        }

        self.classMap = trie.classes.map
        self.classCount = classCount
        self.dense = dense
        self.matchStart = UInt32(nonMatchDense * stride)
        self.sparseStart = sparseStart
        self.sparse = sparse
        self.matchEntries = entries
        self.isDFA = sparseCount == 0
        self.longestLiteral = Int(trie.patternLength.max() ?? 0)
        self.patternCount = trie.patternCount
        self.stateCount = nodes
        self.denseStateCount = denseCount
    }

    /// Tables that ``write(to:)`` wrote (see ``ImageCodable``).
    init(from reader: inout ImageReader) throws(ImageError) {
        classMap = try reader.read(plain: UInt8.self)
        classCount = try reader.read()
        dense = try reader.read(plain: UInt32.self)
        matchStart = try reader.read()
        sparseStart = try reader.read()
        sparse = try reader.read(plain: UInt32.self)
        matchEntries = try reader.read(plain: UInt64.self)
        isDFA = try reader.read()
        longestLiteral = try reader.read()
        patternCount = try reader.read()
        stateCount = try reader.read()
        denseStateCount = try reader.read()
        guard classMap.count == 256, (1...256).contains(classCount), classMap.allSatisfy({ Int($0) < classCount }),
              dense.count >= classCount + 1 || patternCount == 0 else {
            throw ImageError("the automaton's byte classes or dense rows are malformed")
        }
    }

    func write(to writer: inout ImageWriter) {
        writer.write(plain: classMap)
        writer.write(classCount)
        writer.write(plain: dense)
        writer.write(matchStart)
        writer.write(sparseStart)
        writer.write(plain: sparse)
        writer.write(plain: matchEntries)
        writer.write(isDFA)
        writer.write(longestLiteral)
        writer.write(patternCount)
        writer.write(stateCount)
        writer.write(denseStateCount)
    }

    /// Bytes held by the tables (not counting object headers).
    var memoryUsage: Int {
        classMap.count + dense.count * 4 + sparse.count * 4 + matchEntries.count * 8
    }
}
