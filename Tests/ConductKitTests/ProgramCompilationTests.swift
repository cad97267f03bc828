@testable import ConductKit
import ConductRules
import Testing

/// How patterns compile: groups dispatched on their first atom, and the clauses (necessary
/// conditions) chosen by how rare their atoms are.
@Suite("Pattern program compilation")
struct ProgramCompilationTests {
    /// The compiled rules of one rule with `pattern`, and a way to name atoms by word.
    func compile(_ pattern: Pattern) throws -> (CompiledRules, (String) -> AtomID) {
        let rules = try R.compile(R.category("harassment", [R.rule("harassment.x", [pattern])]))
        let atom = { (word: String) -> AtomID in
            AtomID(rules.atoms.firstIndex(of: .word(Array(word.utf8), .whole))!)
        }
        return (rules, atom)
    }

    @Test("a group whose alternatives begin with atoms is one atomSet that continues each where it leads")
    func groupDispatch() throws {
        // (has been|was|is) a (jerk|fool)
        let pattern = R.p([R.alt([R.w("has"), R.w("been")], [R.w("was")], [R.w("is")]), R.w("a"),
                           R.alt([R.w("jerk")], [R.w("fool")])])
        let (rules, atom) = try compile(pattern)
        let program = rules.programs[0]
        #expect(program.atomSets.count == 2)
        let steps = try #require(program.atomSets.first { set in set.contains { $0.atom == atom("has") } })
        #expect(steps.map(\.atom) == [atom("has"), atom("was"), atom("is")].sorted())
        // "has" continues at the instruction that consumes "been"; "was" and "is" at "a".
        let next = Dictionary(uniqueKeysWithValues: steps.map { ($0.atom, $0.next) })
        #expect(program.instructions[Int(next[atom("has")]!)] == .atom(atom("been"), next: next[atom("was")]!))
        #expect(next[atom("was")] == next[atom("is")])
        #expect(program.firstAtoms == [atom("has"), atom("was"), atom("is")].sorted())
        #expect(R.hits(rules.classify("he has been a jerk")) == ["harassment.x@3..<18'has been a jerk'"])
        #expect(R.hits(rules.classify("she was a fool, is a jerk")) == [
            "harassment.x@4..<14'was a fool'", "harassment.x@16..<25'is a jerk'",
        ])
        #expect(R.hits(rules.classify("has a jerk")) == [])
    }

    @Test("clauses are rarest first, the first atoms among them; the rarest wakes the program")
    func rarestClauseTriggers() throws {
        // (is|are) *2 (idiot|moron): "is"/"are" are among the commonest words.
        let pattern = R.p([R.alt([R.w("is")], [R.w("are")]), R.gap(2), R.alt([R.w("idiot")], [R.w("moron")])])
        let (rules, atom) = try compile(pattern)
        let program = rules.programs[0]
        let insults = [atom("idiot"), atom("moron")].sorted(), verbs = [atom("is"), atom("are")].sorted()
        #expect(program.clauses == [insults, verbs])
        #expect(program.triggerAtoms == insults)
        #expect(R.hits(rules.classify("he is such an idiot")) == ["harassment.x@3..<19'is such an idiot'"])
        #expect(R.hits(rules.classify("an idiot is here")) == [])
    }

    @Test("an alternative contributes its rarest clause to the group's clause")
    func alternativesContributeRarestClause() throws {
        // (pockets the|stole): of "pockets the", "pockets" is the rarer word.
        let pattern = R.p([R.alt([R.w("pockets"), R.w("the")], [R.w("stole")])])
        let (rules, atom) = try compile(pattern)
        #expect(rules.programs[0].clauses.first == [atom("pockets"), atom("stole")].sorted())
        #expect(AtomFrequency.estimate(.word(Array("the".utf8), .whole)) == 0.5)
        #expect(AtomFrequency.estimate(.word(Array("pockets".utf8), .whole)) == 0.002)
        #expect(AtomFrequency.estimate(.word(Array("scam".utf8), .prefix)) == 0.008 * 3)
        #expect(AtomFrequency.estimate(.detector(.number)) == 0.3)
    }
}
