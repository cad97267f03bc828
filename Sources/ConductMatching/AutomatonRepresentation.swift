/// How an ``Automaton`` stores its transitions. Every representation reports exactly the same
/// matches in the same order; they differ only in memory and speed.
///
///     let dfa = builder.build(representation: .dfa)
///     let nfa = builder.build(representation: .nfa(denseStates: 1))   // only the root is dense
///     dfa.matches(in: text) == nfa.matches(in: text)                  // always true
///
/// Cost: see ``Automaton``.
@_spi(AutomatonInternals)
public enum AutomatonRepresentation: Sendable, Hashable, CustomStringConvertible {
    /// A DFA when its table fits ``Automaton/dfaMemoryLimit``, else an NFA whose dense part
    /// fits ``Automaton/nfaDenseMemoryLimit``.
    case automatic
    /// Every state has a full row of transitions (one per byte class): one table load per
    /// byte, memory `states × (classes + 1) × 4` bytes.
    case dfa
    /// At most `denseStates` states have full rows: the root, then breadth first (shallowest
    /// first) states with two or more trie edges. Every other state keeps only its trie edges
    /// and a failure link: one comparison per byte on the long single-edge chains of the trie.
    /// Values below 1 are treated as 1 (only the root is dense).
    case nfa(denseStates: Int)

    public var description: String {
        switch self {
        case .automatic: "automatic"
        case .dfa: "dfa"
        case .nfa(let dense): "nfa(denseStates: \(dense))"
        }
    }
}
