/// Collects literals and builds an immutable ``Automaton`` that finds all of them in one pass.
///
///     var builder = AutomatonBuilder()
///     let idiot = builder.add(Array("idiot".utf8))     // PatternID 0
///     let automaton = builder.build()
///
/// A value type: copying a builder copies its literals, and building never changes it, so one
/// builder can be extended and built again. Literals are byte strings; the n-th call of
/// ``add(_:)`` returns `PatternID(n)`. Cost: `add` is amortised O(literal length); `build` is
/// O(total literal bytes × classes) for a DFA and O(total literal bytes) plus a fixed dense part
/// for an NFA (10,000 words: a few ms; 100,000 words: well under a second).
public struct AutomatonBuilder: Sendable {
    /// Every literal's bytes, concatenated in `add` order.
    var bytes: [UInt8] = []
    /// `ends[p]` is the end of literal `p` in `bytes`; it starts at `ends[p - 1]` (or 0).
    var ends: [Int] = []

    /// The largest total of literal bytes an automaton can hold: state numbers are 32-bit.
    public static let maximumTotalBytes = Int(Int32.max) - 1

    /// Creates a builder with no literals.
    public init() {}

    /// Number of literals added so far.
    public var count: Int { ends.count }

    /// Adds a literal and returns its ID: the n-th call returns `PatternID(n)`.
    ///
    ///     var builder = AutomatonBuilder()
    ///     builder.add(Array("he".utf8))    // P0
    ///     builder.add(Array("he".utf8))    // P1: both are reported for every "he"
    ///
    /// - Precondition: `literal` is not empty (an empty literal would match between every two
    ///   bytes; callers drop or reject empty words before they get here), and the literals
    ///   together stay within ``maximumTotalBytes``.
    /// Cost: amortised O(literal length).
    @discardableResult
    public mutating func add(_ literal: some Sequence<UInt8>) -> PatternID {
        let start = bytes.count
        bytes.append(contentsOf: literal)
        precondition(bytes.count > start,
                     "AutomatonBuilder.add: literal \(ends.count) is empty; an automaton literal needs at least 1 byte, so drop empty words before adding them")
        precondition(bytes.count <= Self.maximumTotalBytes,
                     "AutomatonBuilder.add: literals total \(bytes.count) bytes; the limit is \(Self.maximumTotalBytes) bytes; split the literals over several automata")
        ends.append(bytes.count)
        return PatternID(Int32(ends.count - 1))
    }

    /// Builds the automaton, choosing its representation by size: a dense DFA when its table
    /// fits ``Automaton/dfaMemoryLimit``, otherwise an NFA with failure links whose shallowest
    /// states are dense (see ``Automaton``).
    ///
    ///     let automaton = builder.build()
    ///     automaton.matches(in: Array("ushers".utf8))
    ///
    /// Cost: see ``AutomatonBuilder``; the builder is left unchanged.
    public func build() -> Automaton {
        build(representation: .automatic)
    }

    /// Builds the automaton in the given representation; for tests and benchmarks that need
    /// one representation regardless of size.
    @_spi(AutomatonInternals)
    public func build(representation: AutomatonRepresentation) -> Automaton {
        let trie = AutomatonTrie(bytes: bytes, ends: ends)
        return Automaton(tables: AutomatonTables(trie: trie, representation: representation))
    }
}
