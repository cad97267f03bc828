@testable import ConductKit
import ConductRules
import Testing

/// How patterns compile: groups dispatched on their first atom, and the clauses (necessary
/// conditions) chosen by how rare their atoms are.
@Suite("Pattern program compilation")
struct ProgramCompilationTests {
    /// The compiled rules of one rule with `pattern`, and a way to name atoms by word.
    func compile(_ pattern: Pattern) throws -> (CompiledRules, (String) -> AtomID) {
        try Self.compile(pattern, category: "harassment")
    }

    /// The compiled rules of one rule `<category>.x` with `pattern`, and a way to name atoms by
    /// word.
    static func compile(_ pattern: Pattern, category: String) throws -> (CompiledRules, (String) -> AtomID) {
        let rules = try R.compile(R.category(category, [R.rule("\(category).x", [pattern])]))
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
        #expect(program.branches == [[insults, verbs]])
        #expect(program.triggerAtoms == insults)
        #expect(R.hits(rules.classify("he is such an idiot")) == ["harassment.x@3..<19'is such an idiot'"])
        #expect(R.hits(rules.classify("an idiot is here")) == [])
    }

    @Test("each alternative of a group is a branch; the program wakes on every branch's rarest clause")
    func alternativesAreBranches() throws {
        // (pockets the|stole): of "pockets the", "pockets" is the rarer word.
        let pattern = R.p([R.alt([R.w("pockets"), R.w("the")], [R.w("stole")])])
        let (rules, atom) = try compile(pattern)
        let program = rules.programs[0]
        // The first atoms' clause (pockets|stole) is implied by each branch's own, so dropped.
        #expect(program.branches == [[[atom("pockets")], [atom("the")]], [[atom("stole")]]])
        #expect(program.triggerAtoms == [atom("pockets"), atom("stole")].sorted())
        #expect(AtomFrequency.estimate(.word(Array("the".utf8), .whole)) == 0.5)
        #expect(AtomFrequency.estimate(.word(Array("pockets".utf8), .whole)) == 0.002)
        #expect(AtomFrequency.estimate(.word(Array("scam".utf8), .prefix)) == 0.008 * 3)
        #expect(AtomFrequency.estimate(.detector(.number)) == 0.3)
    }

    /// Whether evaluating `post` split it into words (some program was run).
    static func located(_ rules: CompiledRules, _ post: String) -> Bool {
        var w = Workspace()
        Array(post.utf8).withUnsafeBytes { rules.normalizer.normalize(utf8: $0, into: &w.scan.text) }
        _ = Array(post.utf8).withUnsafeBytes { rules.evaluate(&w, original: $0, language: nil, trace: false) }
        return w.scan.located
    }

    @Test("a post where no branch holds is never split into words, though an atom of each alternative occurs")
    func noBranchHoldsNoWords() throws {
        // (lives|living) (at|on) *3 {number} | (apt|suite) {number}
        let pattern = R.p([R.alt([R.alt([R.w("lives")], [R.w("living")]), R.alt([R.w("at")], [R.w("on")]), R.gap(3),
                                  R.d(.number)],
                                 [R.alt([R.w("apt")], [R.w("suite")]), R.d(.number)])])
        let (rules, atom) = try compile(pattern)
        let number = AtomID(rules.atoms.firstIndex(of: .detector(.number))!)
        let program = rules.programs[0]
        #expect(program.branches == [
            // Rarest first: "at" and "on" are among the commonest words, numbers are common.
            [[atom("lives"), atom("living")].sorted(), [number], [atom("at"), atom("on")].sorted()],
            [[atom("apt"), atom("suite")].sorted(), [number]],
        ])
        #expect(program.triggerAtoms == [atom("lives"), atom("living"), atom("apt"), atom("suite")].sorted())
        // One clause per element would be (lives|living|apt|suite), (at|on)... : all hold here.
        #expect(!Self.located(rules, "she lives on a boat, suite dreams"))
        #expect(!Self.located(rules, "he lives in flat 12"))
        #expect(Self.located(rules, "the suite 4 guests"))
        #expect(R.hits(rules.classify("she lives at number 12")) == ["harassment.x@4..<22'lives at number 12'"])
        #expect(R.hits(rules.classify("she lives on a boat, suite dreams")) == [])
        #expect(R.hits(rules.classify("book suite 4 now")) == ["harassment.x@5..<12'suite 4'"])
    }

    @Test("branches multiply along a sequence, and beyond the cap a group is one clause of its alternatives' rarest")
    func branchesMultiplyUpToTheCap() throws {
        // (ab cd|ef gh) (ij kl|mn op): four branches.
        let small = R.p([R.alt([R.w("abx"), R.w("cdxx")], [R.w("efx"), R.w("ghxx")]),
                         R.alt([R.w("ijx"), R.w("klxx")], [R.w("mnx"), R.w("opxx")])])
        let (rules, atom) = try compile(small)
        let branches = rules.programs[0].branches
        #expect(branches.count == 4)
        #expect(Set(branches.map { Set($0) }) == Set([
            ["abx", "cdxx", "ijx", "klxx"], ["abx", "cdxx", "mnx", "opxx"],
            ["efx", "ghxx", "ijx", "klxx"], ["efx", "ghxx", "mnx", "opxx"],
        ].map { Set($0.map { [atom($0)] }) }))
        #expect(R.hits(rules.classify("efx ghxx mnx opxx")) == ["harassment.x@0..<17'efx ghxx mnx opxx'"])
        #expect(R.hits(rules.classify("efx ghxx ijx opxx")) == [])

        // Seventeen two-word alternatives, "xa longaword" … "xq longqword": more branches than
        // the cap, so one clause of each alternative's rarest word (the longer one), and the
        // first atoms.
        let count = PatternProgram.maximumBranches + 1
        let letters = (0..<count).map { String(UnicodeScalar(UInt8(0x61 + $0))) }
        let wide = R.p([.group(letters.map { [R.w("x\($0)"), R.w("long\($0)word")] }, optional: false)])
        let (wideRules, wideAtom) = try compile(wide)
        #expect(wideRules.programs[0].branches == [[letters.map { wideAtom("long\($0)word") }.sorted(),
                                                     letters.map { wideAtom("x\($0)") }.sorted()]])
        #expect(R.hits(wideRules.classify("xq longqword")) == ["harassment.x@0..<12'xq longqword'"])
        #expect(R.hits(wideRules.classify("xp longqword")) == [])
    }

    @Test("a list's items shared by several patterns compile to the same atoms in each, from one resolution")
    func sharedListItems() throws {
        // One array of alternatives in three patterns, as the loader hands a list to every
        // pattern that names it.
        let items: [[PatternElement]] = [[R.w("idiot")], [R.w("moron")], [R.w("utter"), R.w("fool")], [R.w("clown")]]
        let list = PatternElement.group(items, optional: false)
        let rules = try R.compile(R.category("harassment", [
            R.rule("harassment.a", [R.p([R.w("you"), list])]),
            R.rule("harassment.b", [R.p([list, R.w("alert")]), R.p([R.w("such"), R.w("a"), list])]),
        ]))
        let atom = { (word: String) in AtomID(rules.atoms.firstIndex(of: .word(Array(word.utf8), .whole))!) }
        let singles = [atom("idiot"), atom("moron"), atom("clown")].sorted()
        #expect(rules.programs.count == 3)
        for program in rules.programs {
            let set = try #require(program.atomSets.first { set in set.contains { $0.atom == atom("idiot") } })
            #expect(set.map(\.atom) == (singles + [atom("utter")]).sorted())
        }
        #expect(R.hits(rules.classify("you clown")) == ["harassment.a@0..<9'you clown'"])
        #expect(R.hits(rules.classify("moron alert")) == ["harassment.b@0..<11'moron alert'"])
        #expect(R.hits(rules.classify("such a utter fool")) == ["harassment.b@0..<17'such a utter fool'"])
    }

    @Test("a shared list of one-word items compiles, from its cached sorted atoms, to what each pattern's own copy compiles to")
    func sharedOneWordList() throws {
        // Unsorted, with a duplicate ("Moron" normalizes to "moron"), as lists are written.
        func items() -> [[PatternElement]] { [[R.w("moron")], [R.w("idiot")], [R.w("Moron")], [R.w("clown")]] }
        let shared = items()
        let one: [[PatternElement]] = [[R.w("idiot")]]
        // The list required, optional, twice in a pattern, and a one-item list.
        func patterns(_ list: () -> [[PatternElement]], _ single: () -> [[PatternElement]]) -> [Pattern] {
            [R.p([R.w("you"), .group(list(), optional: false)]),
             R.p([R.w("such"), .group(list(), optional: true), R.w("alert")]),
             R.p([.group(list(), optional: false), R.w("and"), .group(list(), optional: false)]),
             R.p([R.w("hey"), .group(single(), optional: false)]),
             R.p([R.w("oh"), .group(single(), optional: true), R.w("no")])]
        }
        let cached = try R.compile(R.category("harassment", [R.rule("harassment.a", patterns({ shared }, { one }))]))
        let copied = try R.compile(R.category("harassment", [R.rule("harassment.a", patterns(items, { [[R.w("idiot")]] }))]))
        #expect(cached.atoms == copied.atoms)
        #expect(cached.programs.count == 5)
        for (a, b) in zip(cached.programs, copied.programs) {
            #expect(a.instructions == b.instructions)
            #expect(a.atomSets == b.atomSets)
            #expect(a.branches == b.branches)
            #expect(a.firstAtoms == b.firstAtoms)
            #expect(a.triggerAtoms == b.triggerAtoms)
        }
        let atom = { (word: String) in AtomID(cached.atoms.firstIndex(of: .word(Array(word.utf8), .whole))!) }
        let list = [atom("moron"), atom("idiot"), atom("clown")].sorted()
        #expect(cached.programs[0].atomSets == [list.map { AtomStep(atom: $0, next: 1) }])
        #expect(cached.programs[2].branches == [[list, [atom("and")]]])
        #expect(R.hits(cached.classify("such alert")) == ["harassment.a@0..<10'such alert'"])
        #expect(R.hits(cached.classify("clown and idiot")) == ["harassment.a@0..<15'clown and idiot'"])
        #expect(R.hits(cached.classify("oh no")) == ["harassment.a@0..<5'oh no'"])
    }

    @Test("a literal's first and last characters are word characters exactly when Unicode says letter, digit, mark or '_'")
    func wordCharacters() {
        for byte in UInt8(0)..<0x80 {
            let p = Unicode.Scalar(byte).properties
            let expected = p.isAlphabetic || p.numericType != nil || byte == UInt8(ascii: "_")
            #expect(RuleCompiler.isWordByte([0x20, byte], at: 1) == expected, "byte \(byte)")
        }
        #expect(RuleCompiler.isWordByte(Array("é".utf8), at: 0))
        #expect(RuleCompiler.isWordByte(Array("\u{0301}".utf8), at: 0))
        #expect(!RuleCompiler.isWordByte(Array("€".utf8), at: 0))
        #expect(!RuleCompiler.isWordByte([0x61], at: 1))
    }

    @Test("a word of a shared list that normalizes to several words is reported in every pattern that names the list")
    func sharedListProblemsInEachPattern() throws {
        let items: [[PatternElement]] = [[R.w("idiot")], [R.w("ice\u{00A0}cream")]]
        let list = PatternElement.group(items, optional: false)
        let first = SourceLocation(file: "harassment.yaml", line: 4, column: 9)
        let second = SourceLocation(file: "harassment.yaml", line: 9, column: 9)
        let ruleSet = RuleSet(categories: [R.category("harassment", [
            R.rule("harassment.a", [Pattern(source: "you <insults>", elements: [R.w("you"), list], location: first)]),
            R.rule("harassment.b", [Pattern(source: "<insults> alert", elements: [list, R.w("alert")], location: second)]),
        ])])
        let error = try #require(throws: RuleLoadError.self) { try CompiledRules(ruleSet) }
        let message = "pattern word 'ice\u{00A0}cream' normalizes to several words ('ice cream'); write them as separate words"
        #expect(error.diagnostics == [Diagnostic(at: first, message), Diagnostic(at: second, message)])
    }
}
