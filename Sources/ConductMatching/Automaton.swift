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
/// - Bytes are mapped to equivalence classes (every byte that occurs in no literal shares one
///   class), so a row has one entry per class: about 30 for lower-case ASCII words, up to 256.
/// - When `states × (classes + 1) × 4` bytes fit ``dfaMemoryLimit`` (64 MiB), it is a dense DFA
///   with premultiplied state IDs: per byte one class load, one transition load and one
///   comparison (match states have the highest IDs). 10,000 words of 3–20 bytes make
///   50,000–70,000 states: 6–25 MiB depending on the number of classes.
/// - Otherwise it is an NFA: the root and the states with two or more edges (breadth first, as
///   many as fit ``nfaDenseMemoryLimit``) keep dense rows; every other state keeps its edges
///   and a dense exit state whose row serves every other byte, so a step never loops over
///   failure links. About 3× slower per byte than a DFA whose table stays in cache.
/// - Each state's matches are one contiguous run in a flat array of (pattern, length), sorted
///   by pattern ID. Word lists need about one entry per literal; the worst case is total
///   literal bytes × the longest literal (many literals that are suffixes of many others).
/// - A haystack of more than about 50 + the longest literal's length bytes is cut into 2 or 4
///   segments walked in lock step, so that their table loads overlap (see
///   `AutomatonTables+Scan.swift`); the matches and their order are unchanged.
///
/// Cost: scan O(haystack bytes + matches), no allocation. The number of literals matters only
/// through the table size: tables beyond the CPU caches (about 100,000 literals) scan 2–3×
/// slower. Immutable and `Sendable`: share one automaton between threads freely; copies share
/// storage.
public struct Automaton: Sendable {
    /// The largest dense DFA ``AutomatonBuilder/build()`` makes: 64 MiB of transitions.
    ///
    ///     Automaton.dfaMemoryLimit   // 67_108_864
    public static let dfaMemoryLimit = 64 << 20
    /// The most memory the dense rows of an NFA take, when the DFA would exceed
    /// ``dfaMemoryLimit``; states beyond it stay sparse (slower, never wrong).
    ///
    ///     Automaton.nfaDenseMemoryLimit   // 16_777_216
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
        if tables.isDFA {
            tables.scanDFA(text, count: haystack.count, body)
        } else {
            tables.scanNFA(text, count: haystack.count, body)
        }
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
