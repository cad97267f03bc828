@_spi(AutomatonInternals) @testable import ConductMatching

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every random test
/// replays exactly from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every representation the automaton can take; each test table runs against all of them.
/// `.nfa(denseStates: 1)` keeps only the root dense, so every other state is sparse;
/// `.nfa(denseStates: .max)` makes every state with two or more edges dense.
let automatonConfigurations: [AutomatonRepresentation] = [
    .automatic, .dfa, .nfa(denseStates: 1), .nfa(denseStates: 3), .nfa(denseStates: .max),
]

/// The obviously correct matcher: at every end offset, every literal in ID order.
func naiveMatches(_ literals: [[UInt8]], in haystack: [UInt8]) -> [Match] {
    var result: [Match] = []
    guard !haystack.isEmpty else { return result }
    for end in 1...haystack.count {
        for (id, literal) in literals.enumerated() where literal.count <= end {
            if haystack[(end - literal.count)..<end].elementsEqual(literal) {
                result.append(Match(pattern: PatternID(Int32(id)), span: Span(start: end - literal.count, end: end)))
            }
        }
    }
    return result
}

/// A reference for large literal sets: looks every substring up to the longest literal's
/// length up in a dictionary. Same output order as the automaton.
struct DictionaryMatcher {
    var idsByLiteral: [[UInt8]: [Int32]] = [:]
    var longest = 0

    init(_ literals: [[UInt8]]) {
        for (id, literal) in literals.enumerated() {
            idsByLiteral[literal, default: []].append(Int32(id))
            longest = max(longest, literal.count)
        }
    }

    func matches(in haystack: [UInt8]) -> [Match] {
        var result: [Match] = []
        guard !haystack.isEmpty, longest > 0 else { return result }
        for end in 1...haystack.count {
            var here: [Match] = []
            for length in 1...min(longest, end) {
                for id in idsByLiteral[Array(haystack[(end - length)..<end])] ?? [] {
                    here.append(Match(pattern: PatternID(id), span: Span(start: end - length, end: end)))
                }
            }
            result += here.sorted { $0.pattern < $1.pattern }
        }
        return result
    }
}

func buildAutomaton(_ literals: [[UInt8]], _ representation: AutomatonRepresentation) -> Automaton {
    var builder = AutomatonBuilder()
    for literal in literals { builder.add(literal) }
    return builder.build(representation: representation)
}

/// Matches gathered through `forEachMatch`, the primitive every caller uses.
func scannedMatches(_ automaton: Automaton, _ haystack: [UInt8]) -> [Match] {
    var result: [Match] = []
    haystack.withUnsafeBufferPointer { automaton.forEachMatch(in: $0) { result.append($0) } }
    return result
}
