@testable import ConductKit
import ConductNormalization
import ConductRules
import Testing

/// The sweep that relates a rule's candidates to its `unless`, `near` and `unless_near`
/// matches, checked against the scan it replaces: for every candidate, the first context
/// match (in list order) that overlaps it or is near it, on seeded random matches; and whole
/// evaluations, sweeping and scanning, on random posts.
@Suite("Context sweep agrees with the scan")
struct ContextSweepTests {
    static let relations: [ContextSweep.Relation] = [.overlap]
        + [Context.Side.before, .after, .either].flatMap { side in [0, 1, 3, 50].map { ContextSweep.Relation.near(within: $0, side: side) } }

    /// The scan: the first context related to each candidate.
    static func scan(_ relation: ContextSweep.Relation, _ candidates: [ProgramMatch], _ contexts: [ProgramMatch]) -> [Int32] {
        candidates.map { candidate in
            Int32(contexts.firstIndex { CompiledRules.related(relation, $0, candidate) } ?? -1)
        }
    }

    static func random(_ generator: inout SplitMix64, _ bound: Int) -> Int {
        Int(generator.next() % UInt64(bound))
    }

    /// Matches laid out on words of 1 to 6 letters with 1 or 2 separator bytes, starting
    /// anywhere in their first word (or in the separator before it) and ending anywhere after
    /// that in their last word or the separator after it, as the program runner makes them.
    static func wordMatches(_ g: inout SplitMix64, count: Int, words: Int, starts: [Int32], ends: [Int32],
                            strictlyIncreasing: Bool) -> [ProgramMatch] {
        var result: [ProgramMatch] = []
        var word = 0
        for _ in 0..<count {
            word += strictlyIncreasing ? 1 + random(&g, 3) : random(&g, 3)
            guard word < words else { break }
            let last = min(words - 1, word + (random(&g, 8) == 0 ? random(&g, 60) : random(&g, 4)))
            let lowest = word == 0 ? 0 : Int(ends[word - 1])
            let start = lowest + random(&g, Int(ends[word]) - lowest)
            let highest = last + 1 < words ? Int(starts[last + 1]) : Int(ends[last]) + 1
            let end = max(start + 1, Int(starts[last]) + 1 + random(&g, highest - Int(starts[last])))
            result.append(ProgramMatch(start: Int32(start), end: Int32(end), firstWord: Int32(word), lastWord: Int32(last)))
        }
        return result
    }

    @Test("the sweep finds the scan's first context match for every candidate: words laid out like posts")
    func sweepEqualsScanOnWords() {
        var g = SplitMix64(seed: 7)
        var sweep = ContextSweep()
        var first: [Int32] = []
        var swept = 0, related = 0
        for round in 0..<1_500 {
            let words = 1 + Self.random(&g, 120)
            var starts: [Int32] = [], ends: [Int32] = []
            var offset = 0
            for _ in 0..<words {
                offset += 1 + Self.random(&g, 2)
                starts.append(Int32(offset))
                offset += 1 + Self.random(&g, 6)
                ends.append(Int32(offset))
            }
            // Candidates: leftmost-longest of program matches, as a rule's are.
            var candidates = Self.wordMatches(&g, count: 1 + Self.random(&g, 40), words: words, starts: starts, ends: ends,
                                              strictlyIncreasing: true)
            CompiledRules.leftmostLongest(&candidates)
            // Contexts: several programs' matches one after the other (not sorted as a whole).
            var contexts: [ProgramMatch] = []
            for _ in 0..<(1 + Self.random(&g, 4)) {
                contexts += Self.wordMatches(&g, count: Self.random(&g, 50), words: words, starts: starts, ends: ends,
                                             strictlyIncreasing: round % 2 == 0)
            }
            for relation in Self.relations {
                let expected = Self.scan(relation, candidates, contexts)
                #expect(sweep.first(relation, candidates: candidates, contexts: contexts, into: &first))
                #expect(first == expected, "\(relation) candidates \(candidates) contexts \(contexts)")
                swept += 1
                related += expected.filter { $0 >= 0 }.count
            }
        }
        #expect(swept == 1_500 * Self.relations.count)
        #expect(related > 25_000)  // the relations hold often enough to test the answer, not only -1
    }

    @Test("the sweep finds the scan's first context match for every candidate: arbitrary fields")
    func sweepEqualsScanOnArbitraryFields() {
        // Contexts with any fields (word ranges that disagree with their bytes, last word
        // before first word); candidates with every field non-decreasing.
        var g = SplitMix64(seed: 11)
        var sweep = ContextSweep()
        var first: [Int32] = []
        for _ in 0..<1_500 {
            var candidates: [ProgramMatch] = []
            var previous = ProgramMatch(start: 0, end: 0, firstWord: 0, lastWord: 0)
            for _ in 0..<(1 + Self.random(&g, 30)) {
                let start = previous.start + Int32(Self.random(&g, 4))
                let next = ProgramMatch(start: start, end: max(previous.end, start) + Int32(Self.random(&g, 4)),
                                        firstWord: previous.firstWord + Int32(Self.random(&g, 3)),
                                        lastWord: previous.lastWord + Int32(Self.random(&g, 3)))
                candidates.append(next)
                previous = next
            }
            let contexts = (0..<Self.random(&g, 40)).map { _ in
                let start = Int32(Self.random(&g, 60))
                return ProgramMatch(start: start, end: start + 1 + Int32(Self.random(&g, 8)),
                                    firstWord: Int32(Self.random(&g, 40)), lastWord: Int32(Self.random(&g, 40)))
            }
            for relation in Self.relations {
                #expect(sweep.first(relation, candidates: candidates, contexts: contexts, into: &first))
                #expect(first == Self.scan(relation, candidates, contexts), "\(relation) \(candidates) \(contexts)")
            }
        }
    }

    @Test("the sweep declines candidates out of order and, for near, empty context matches")
    func declines() {
        var sweep = ContextSweep()
        var first: [Int32] = [42]
        let a = ProgramMatch(start: 0, end: 5, firstWord: 0, lastWord: 0)
        let b = ProgramMatch(start: 6, end: 9, firstWord: 1, lastWord: 1)
        #expect(!sweep.first(.overlap, candidates: [b, a], contexts: [a], into: &first))
        #expect(!sweep.first(.overlap, candidates: [ProgramMatch(start: 5, end: 4, firstWord: 0, lastWord: 0)],
                             contexts: [a], into: &first))
        let empty = ProgramMatch(start: 5, end: 5, firstWord: 1, lastWord: 0)
        #expect(!sweep.first(.near(within: 3, side: .either), candidates: [a, b], contexts: [empty], into: &first))
        #expect(first == [42])
        #expect(sweep.first(.overlap, candidates: [a, b], contexts: [empty, b], into: &first))
        #expect(first == [-1, 1])
        #expect(sweep.first(.near(within: 0, side: .before), candidates: [a, b], contexts: [b, a], into: &first))
        #expect(first == [-1, 1])
    }

    // MARK: Whole evaluations

    static let vocabulary = ["you", "are", "not", "an", "idiot", "buy", "now", "here", "how", "why", "no", "sale",
                             "one", "two", ".", ",", "!"]

    /// Rules using every kind of context, with several programs each and overlapping vocabularies.
    static func rules() throws -> CompiledRules {
        let p = R.p
        return try R.compile(
            R.category("harassment", [
                R.rule("harassment.idiot", [p("idiot"), p("an idiot")], unless: [p("not an idiot"), p("not"), p("no idiot")]),
                R.rule("harassment.you", weight: 0.3, [p("you are")], unlessNear: Context(any: [p("how"), p("why"), p("not")], within: 2, side: .before)),
                R.rule("harassment.idiot_after", weight: 0.2, [p("idiot")],
                       near: Context(any: [p("you"), p("you are")], within: 3, side: .before)),
            ]),
            R.category("selling", [
                R.rule("selling.buy", [p("buy"), p("buy now")], near: Context(any: [p("here"), p("sale"), p("now here")], within: 4)),
                R.rule("selling.sale", weight: 0.4, [p("sale")], unless: [p("no sale")],
                       unlessNear: Context(any: [p("why"), p("one two")], within: 1, side: .after)),
                R.rule("selling.now", weight: 0.3, [R.p([R.w("now"), R.gap(2), R.w("here")], source: "now *2 here")],
                       near: Context(any: [p("buy"), p("sale")], within: 0, side: .either)),
            ]))
    }

    /// Every rule's matches and every suppression, with the exception it names.
    static func evaluation(_ rules: CompiledRules, _ post: [UInt8], sweepAbove: Int) -> [String] {
        var w = Workspace()
        w.sweepAbove = sweepAbove
        post.withUnsafeBytes { rules.normalizer.normalize(utf8: $0, into: &w.scan.text) }
        _ = post.withUnsafeBytes { rules.evaluate(&w, original: $0, language: nil, trace: true) }
        var lines: [String] = []
        for rule in w.evaluated {
            lines.append("\(rules.rules[Int(rule)].id): \(w.matches(forRule: rule).map { "\($0.start)..<\($0.end)" })")
        }
        for (rule, match, reason) in w.suppressed {
            lines.append("\(rules.rules[Int(rule)].id) \(match.start)..<\(match.end) suppressed: \(reason)")
        }
        return lines
    }

    @Test("evaluations sweeping and scanning are the same on random posts, exceptions named included")
    func evaluationsAgree() throws {
        let rules = try Self.rules()
        var g = SplitMix64(seed: 3)
        var suppressions = 0
        for _ in 0..<200 {
            let words = (0..<(1 + Self.random(&g, 300))).map { _ in Self.vocabulary[Self.random(&g, Self.vocabulary.count)] }
            let post = Array(words.joined(separator: " ").utf8)
            let swept = Self.evaluation(rules, post, sweepAbove: 0)
            #expect(swept == Self.evaluation(rules, post, sweepAbove: Int.max), "\(String(decoding: post, as: UTF8.self))")
            suppressions += swept.filter { $0.contains("suppressed") }.count
        }
        #expect(suppressions > 2_000)
    }

    @Test("a post of two thousand cancelled hits names the first exception for each, swept")
    func manyCancelledHits() throws {
        let rules = try Self.rules()
        let post = Array(String(repeating: "you are not an idiot. ", count: 2_000).utf8)
        let swept = Self.evaluation(rules, post, sweepAbove: 0)
        #expect(swept == Self.evaluation(rules, post, sweepAbove: Int.max))
        // "an idiot" at 12..<20 of the first sentence: "not an idiot" (the first unless
        // program) overlaps it first.
        #expect(swept.contains("harassment.idiot 12..<20 suppressed: exception(program: \(rules.rules[0].unless[0]), at: "
                                + "ConductKit.ProgramMatch(start: 8, end: 20, firstWord: 2, lastWord: 4))"))
        #expect(swept.filter { $0.hasPrefix("harassment.idiot ") }.count == 2_000)
    }
}
