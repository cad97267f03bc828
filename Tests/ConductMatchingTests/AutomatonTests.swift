import Testing
@_spi(AutomatonInternals) @testable import ConductMatching

@Suite struct AutomatonTests {
    @Test func addReturnsTheCallNumberEvenForRepeatedBytes() {
        var builder = AutomatonBuilder()
        #expect(builder.add(Array("he".utf8)) == PatternID(0))
        #expect(builder.add("she".utf8) == PatternID(1))
        #expect(builder.add(Array("he".utf8)) == PatternID(2))
        #expect(builder.count == 3)
        #expect(builder.build().patternCount == 3)
    }

    @Test func overlappingMatchesAreAllReported() {
        var builder = AutomatonBuilder()
        builder.add(Array("he".utf8))
        builder.add(Array("she".utf8))
        let found = builder.build().matches(in: Array("ushers".utf8))
        #expect(found == [Match(pattern: PatternID(0), span: Span(start: 2, end: 4)),
                          Match(pattern: PatternID(1), span: Span(start: 1, end: 4))])
        #expect(found.map(\.description) == ["P0@2..<4", "P1@1..<4"])
    }

    @Test func builderIsAValueAndBuildingLeavesItUnchanged() {
        var builder = AutomatonBuilder()
        builder.add(Array("ab".utf8))
        let first = builder.build()
        var extended = builder
        extended.add(Array("b".utf8))
        let second = extended.build()
        let text = Array("abab".utf8)
        #expect(first.patternCount == 1)
        #expect(first.matches(in: text) == [Match(pattern: PatternID(0), span: Span(start: 0, end: 2)),
                                            Match(pattern: PatternID(0), span: Span(start: 2, end: 4))])
        #expect(second.matches(in: text).count == 4)
        #expect(builder.count == 1)
        #expect(builder.build().matches(in: text) == first.matches(in: text))
    }

    @Test func anEmptyBufferWithoutStorageIsScannedWithoutCalls() {
        var builder = AutomatonBuilder()
        builder.add([0x00])
        var calls = 0
        builder.build().forEachMatch(in: UnsafeBufferPointer(start: nil, count: 0)) { _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test func byteClassesSeparateOnlyBytesThatOccur() {
        let classes = AutomatonByteClasses(literalBytes: Array("abba".utf8))
        #expect(classes.count == 3)
        #expect(classes.map[Int(UInt8(ascii: "a"))] == 1)
        #expect(classes.map[Int(UInt8(ascii: "b"))] == 2)
        #expect(classes.map.enumerated().filter { $0.element == 0 }.count == 254)

        let every = AutomatonByteClasses(literalBytes: (0...255).map { UInt8($0) })
        #expect(every.count == 256)
        #expect(every.map == (0...255).map { UInt8($0) })

        let none = AutomatonByteClasses(literalBytes: [])
        #expect(none.count == 1)
        #expect(none.map == [UInt8](repeating: 0, count: 256))
    }

    @Test func statesAreTheTrieNodes() {
        let automaton = buildAutomaton(["he", "she", "his", "hers"].map { Array($0.utf8) }, .automatic)
        // root, h, he, her, hers, hi, his, s, sh, she
        #expect(automaton.stateCount == 10)
        // e, h, i, r, s and the class of every other byte
        #expect(automaton.byteClassCount == 6)
        // 10 rows of 6 classes + 1 match column, 256 class bytes, 5 match entries (she → she, he)
        #expect(automaton.memoryUsage == 10 * 7 * 4 + 256 + 5 * 8)
    }

    @Test func representationFollowsTheRequest() {
        let literals = ["he", "she", "his", "hers"].map { Array($0.utf8) }
        #expect(buildAutomaton(literals, .automatic).representation == .dfa)
        #expect(buildAutomaton(literals, .dfa).representation == .dfa)
        #expect(buildAutomaton(literals, .nfa(denseStates: 1)).representation == .nfa(denseStates: 1))
        #expect(buildAutomaton(literals, .nfa(denseStates: 0)).representation == .nfa(denseStates: 1))
        // Only the root (edges h, s) and "h" (edges e, i) have two edges or more.
        #expect(buildAutomaton(literals, .nfa(denseStates: 4)).representation == .nfa(denseStates: 2))
        #expect(buildAutomaton(literals, .nfa(denseStates: 1_000)).representation == .nfa(denseStates: 2))
        #expect(AutomatonRepresentation.nfa(denseStates: 4).description == "nfa(denseStates: 4)")
    }

    @Test func longHaystacksAreWalkedInSegments() {
        #expect(AutomatonTables.walkCount(count: 55, lookback: 8) == 1)
        #expect(AutomatonTables.walkCount(count: 56, lookback: 8) == 2)
        #expect(AutomatonTables.walkCount(count: 215, lookback: 8) == 2)
        #expect(AutomatonTables.walkCount(count: 216, lookback: 8) == 4)
        #expect(AutomatonTables.walkCount(count: 300, lookback: 100) == 2)
    }

    /// Matches on both sides of every segment boundary, and more than a buffer holds, in order.
    @Test(arguments: automatonConfigurations)
    func denseMatchesAcrossSegmentsKeepTheirOrder(_ representation: AutomatonRepresentation) {
        let literals = ["a", "aa", "aaa", "ab", "ba", "b"].map { Array($0.utf8) }
        let automaton = buildAutomaton(literals, representation)
        for length in [60, 217, 300, 1_000, 9_000] {
            let text = (0..<length).map { $0 % 7 == 6 ? UInt8(ascii: "b") : UInt8(ascii: "a") }
            let found = scannedMatches(automaton, text)
            #expect(found == naiveMatches(literals, in: text), "length \(length)")
        }
    }

    @Test func oneAutomatonServesManyTasksAtOnce() async {
        let automaton = buildAutomaton(["ab", "b", "bab"].map { Array($0.utf8) }, .automatic)
        let text = Array("abababab".utf8)
        let expected = naiveMatches(["ab", "b", "bab"].map { Array($0.utf8) }, in: text)
        let results = await withTaskGroup(of: [Match].self) { group in
            for _ in 0..<8 { group.addTask { automaton.matches(in: text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == [[Match]](repeating: expected, count: 8))
    }

    @Test func anEmptyLiteralIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var builder = AutomatonBuilder()
            builder.add(Array("ok".utf8))
            builder.add([UInt8]())
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains(
            "AutomatonBuilder.add: literal 1 is empty; an automaton literal needs at least 1 byte, so drop empty words before adding them"))
    }
}
