/// An immutable Aho-Corasick automaton: reports every occurrence of every literal, overlapping
/// ones included, in one left-to-right pass over the bytes.
///
///     var builder = AutomatonBuilder(); builder.add(Array("he".utf8)); builder.add(Array("she".utf8))
///     let automaton = builder.build()
///     automaton.matches(in: Array("ushers".utf8))   // [P0@2..<4, P1@1..<4]
///
/// Matches come ordered by end offset, then by pattern ID. A literal added twice has two IDs
/// and both are reported.
///
/// Representation (chosen by ``AutomatonBuilder/build()``):
/// - Bytes are mapped to equivalence classes (all bytes that occur in no literal share one
///   class), so a row has one entry per class, typically 30–80 for word lists.
/// - When `states × (classes + 1) × 4` bytes fit ``dfaMemoryLimit`` (64 MiB; about 10,000
///   words of 3–20 bytes take 2–4 MiB), it is a dense DFA with premultiplied state IDs: per byte
///   one class load, one transition load and one comparison (match states have the highest IDs).
/// - Otherwise it is an NFA with failure links whose shallowest states (breadth first, as many
///   as fit ``nfaDenseMemoryLimit``) are dense DFA rows; deeper states keep their trie edges.
///   Ordinary text spends nearly all its time in the dense part, so the scan stays close to
///   DFA speed for 100,000 literals.
/// - Each state's matches are one contiguous run in a flat array of (pattern, length), sorted by
///   pattern ID; worst case this costs total literal bytes × longest literal entries (when many
///   literals are suffixes of many others), for word lists about one entry per literal.
///
/// Cost: scan O(haystack bytes + matches), independent of the number of literals except for
/// cache effects; no allocation while scanning. Immutable and `Sendable`: share one automaton
/// between threads freely; copies share storage.
public struct Automaton: Sendable {
    /// The largest dense DFA ``AutomatonBuilder/build()`` makes: 64 MiB of transitions.
    public static let dfaMemoryLimit = 64 << 20
    /// The dense part of an NFA that ``AutomatonBuilder/build()`` makes when the DFA would
    /// exceed ``dfaMemoryLimit``.
    public static let nfaDenseMemoryLimit = 16 << 20

    @usableFromInline let tables: AutomatonTables

    init(tables: AutomatonTables) {
        self.tables = tables
    }

    /// Number of literals (the highest pattern ID plus one).
    public var patternCount: Int { tables.patternCount }

    /// Calls `body` for every match, ordered by end offset, then by pattern ID.
    ///
    ///     text.withUnsafeBufferPointer { automaton.forEachMatch(in: $0) { counts[$0.pattern.index] += 1 } }
    ///
    /// Cost: O(`haystack.count` + matches); no allocation. Inlined into the caller so `body` is
    /// specialised.
    @inlinable
    public func forEachMatch(in haystack: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        guard let text = haystack.baseAddress, haystack.count > 0 else { return }
        tables.scan(text, count: haystack.count, body)
    }

    /// All matches in `haystack`, ordered by end offset, then by pattern ID.
    ///
    ///     automaton.matches(in: Array("ushers".utf8))   // [P0@2..<4, P1@1..<4]
    ///
    /// Cost: O(`haystack.count` + matches), plus the result array.
    @inlinable
    public func matches(in haystack: [UInt8]) -> [Match] {
        var result: [Match] = []
        haystack.withUnsafeBufferPointer { buffer in forEachMatch(in: buffer) { result.append($0) } }
        return result
    }

    /// The representation built: `.dfa`, or `.nfa(denseStates:)` with the dense state count.
    @_spi(AutomatonInternals)
    public var representation: AutomatonRepresentation {
        tables.isDFA ? .dfa : .nfa(denseStates: tables.denseStateCount)
    }

    /// Number of states (trie nodes, the root included).
    @_spi(AutomatonInternals)
    public var stateCount: Int { tables.stateCount }

    /// Number of byte equivalence classes.
    @_spi(AutomatonInternals)
    public var byteClassCount: Int { tables.classCount }

    /// Bytes of transition and match tables.
    @_spi(AutomatonInternals)
    public var memoryUsage: Int { tables.memoryUsage }
}
