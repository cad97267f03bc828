import Testing
@testable import ConductKit
import ConductRules

/// Compiling with a second thread (the literal DFA built beside the other tables) gives the
/// tables, verdicts and errors of compiling on one.
@Suite("Compiling on two threads")
struct ThreadedCompileTests {
    @Test("the bundled rules: the same literal DFA, slot by slot, and the same verdicts")
    func bundledRules() throws {
        let bundled = try Classifier.bundled().rules
        let serial = try CompiledRules(bundled.ruleSet, normalizer: bundled.normalizer, threads: 1)
        let threaded = try CompiledRules(bundled.ruleSet, normalizer: bundled.normalizer, threads: 2)
        let one = try #require(serial.tables.literalDFA)
        let two = try #require(threaded.tables.literalDFA)
        #expect(two.stateCount == one.stateCount)
        #expect(two.matchSlotCount == one.matchSlotCount)
        #expect(one.matchSlotCount > 100)
        var differing = 0
        for slot in 0..<one.matchSlotCount {
            let a = one.outputs(ofSlot: slot), b = two.outputs(ofSlot: slot)
            if a.map(\.floating) != b.map(\.floating) || a.map(\.literal) != b.map(\.literal)
                || a.map(\.length) != b.map(\.length) {
                differing += 1
            }
        }
        #expect(differing == 0)
        let headers = (serial.tables.slotHeaders, threaded.tables.slotHeaders)
        #expect(headers.1.count == headers.0.count)
        #expect((0..<headers.0.count).filter { headers.0[$0] != headers.1[$0] } == [])
        #expect(threaded.literalCount == serial.literalCount)

        let posts = ConcurrencyTests.posts
        let expected = posts.map { serial.classify(utf8: $0.bytes, language: $0.language) }
        #expect(expected.filter { !$0.labels.isEmpty }.count > 100)
        #expect(posts.map { threaded.classify(utf8: $0.bytes, language: $0.language) } == expected)
    }

    @Test("a rule set the compiler rejects throws the same diagnostics on two threads")
    func compileErrors() throws {
        let first = SourceLocation(file: "harassment.yaml", line: 4, column: 9)
        let second = SourceLocation(file: "harassment.yaml", line: 7, column: 9)
        let ruleSet = RuleSet(categories: [R.category("harassment", [
            R.rule("harassment.a", [Pattern(source: "you ice cream", elements: [R.w("you"), R.w("ice\u{00A0}cream")],
                                            location: first)]),
            R.rule("harassment.b", [R.p("idiot"), Pattern(source: "\u{200B}", elements: [R.w("\u{200B}")], location: second)]),
        ])])
        let serial = try #require(throws: RuleLoadError.self) { try CompiledRules(ruleSet, threads: 1) }
        #expect(serial.diagnostics.map(\.description) == [
            "harassment.yaml:4:9: error: pattern word 'ice\u{00A0}cream' normalizes to several words ('ice cream'); write them as separate words",
            "harassment.yaml:7:9: error: pattern word '\u{200B}' is empty after normalization; write a word with letters or digits",
        ])
        let threaded = try #require(throws: RuleLoadError.self) { try CompiledRules(ruleSet, threads: 2) }
        #expect(threaded.diagnostics == serial.diagnostics)
    }
}
