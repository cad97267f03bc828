@testable import ConductKit
import Testing

/// A rule's candidate matches and a composite's parts are sorted in O(n log n) beyond a
/// handful (the programs' and components' sorted runs made insertion sort quadratic on posts
/// with many hits), keeping the order of equal items as before.
@Suite("Sorting many matches")
struct SortedMatchesTests {
    /// The definition: a stable sort by start, then end descending; then leftmost first,
    /// longest at each start, never overlapping.
    static func reference(_ matches: [ProgramMatch]) -> [ProgramMatch] {
        let sorted = matches.enumerated().sorted { ($0.element.start, -$0.element.end, $0.offset) < ($1.element.start, -$1.element.end, $1.offset) }
        var kept: [ProgramMatch] = []
        for (_, match) in sorted where kept.last.map({ $0.end <= match.start }) ?? true { kept.append(match) }
        return kept
    }

    @Test("leftmost-longest of sorted runs, small and large, equals the definition")
    func leftmostLongest() {
        var g = SplitMix64(seed: 5)
        for count in [0, 1, 2, 31, 32, 33, 100, 2_000] {
            for _ in 0..<20 {
                // A few programs' matches, each run sorted by start.
                var matches: [ProgramMatch] = []
                for _ in 0..<3 {
                    var start: Int32 = 0
                    for _ in 0..<(count / 3 + 1) {
                        start += Int32(g.next() % 4)
                        let end = start + 1 + Int32(g.next() % 6)
                        matches.append(ProgramMatch(start: start, end: end, firstWord: start / 2, lastWord: end / 2))
                    }
                }
                matches = Array(matches.prefix(count))
                var fast = matches
                CompiledRules.leftmostLongest(&fast)
                #expect(fast == Self.reference(matches))
            }
        }
    }

    @Test("a composite over many parts uses the first part in component order on a tie")
    func compositeTies() throws {
        let rules = try R.compile(R.category("harassment", [
            R.rule("harassment.short", weight: 0, [R.p("idiot")]),
            R.rule("harassment.long", weight: 0, [R.p("idiot now")]),
            R.rule("harassment.short_first", [], composite: Composite(atLeast: 1, of: ["harassment.short", "harassment.long"], within: 2)),
            R.rule("harassment.long_first", weight: 0.3, [], composite: Composite(atLeast: 1, of: ["harassment.long", "harassment.short"], within: 2)),
        ]))
        for count in [1, 40, 5_000] {
            let verdict = rules.classify(String(repeating: "idiot now ", count: count))
            // Both components start at 0; the first window takes the one listed first.
            #expect(R.hits(verdict) == ["harassment.short_first@0..<5'idiot'", "harassment.long_first@0..<9'idiot now'"])
        }
    }
}
