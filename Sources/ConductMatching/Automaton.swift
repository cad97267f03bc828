/// An immutable multi-literal matcher: reports every occurrence of every literal
/// (overlapping included) in one left-to-right pass.
///
///     var builder = AutomatonBuilder(); builder.add(Array("he".utf8)); builder.add(Array("she".utf8))
///     let automaton = builder.build()
///     automaton.matches(in: Array("ushers".utf8))   // [P0@2..<4, P1@1..<4]
///
/// Baseline implementation (naive); the Aho-Corasick build replaces it.
public struct Automaton: Sendable {
    let literals: [[UInt8]]

    init(literals: [[UInt8]]) {
        self.literals = literals
    }

    /// Number of literals.
    public var patternCount: Int { literals.count }

    /// Calls `body` for every match, ordered by end offset, then by pattern ID.
    public func forEachMatch(in haystack: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        guard haystack.count > 0 else { return }
        for end in 1...haystack.count {
            for (id, literal) in literals.enumerated() where literal.count <= end {
                let start = end - literal.count
                var equal = true
                for k in 0..<literal.count where haystack[start + k] != literal[k] { equal = false; break }
                if equal { body(Match(pattern: PatternID(Int32(id)), span: Span(start: start, end: end))) }
            }
        }
    }

    /// All matches in `haystack`, ordered by end offset, then by pattern ID.
    public func matches(in haystack: [UInt8]) -> [Match] {
        var result: [Match] = []
        haystack.withUnsafeBufferPointer { buffer in forEachMatch(in: buffer) { result.append($0) } }
        return result
    }
}
