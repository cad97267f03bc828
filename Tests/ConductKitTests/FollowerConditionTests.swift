@testable import ConductKit
import ConductNormalization
import ConductRules
import Testing

/// The follower condition of a program (what must come after its first atom, and within how
/// many words) and the sure word starts that check it without splitting the post into words.
@Suite("Follower conditions")
struct FollowerConditionTests {
    func compile(_ pattern: Pattern) throws -> (CompiledRules, (String) -> AtomID) {
        try ProgramCompilationTests.compile(pattern, category: "doxxing")
    }

    /// `first: follower/gap follower/gap`, or `first: alone`, per first atom, sorted by atom.
    func describe(_ condition: FollowerCondition?, _ names: [AtomID: String]) -> [String] {
        guard let condition else { return [] }
        return condition.firsts.map { first in
            let name = names[first.atom] ?? "?"
            if first.alone { return "\(name): alone" }
            let followers = first.followers.map { "\(names[$0.atom] ?? "?")/\($0.maximumGap)" }.sorted()
            return "\(name): " + followers.joined(separator: " ")
        }.sorted()
    }

    @Test("each first atom lists what can follow it and across how many words, through optional groups and gaps")
    func conditions() throws {
        // (lives|living) (at|on) *3 {number} | (apt|suite) {number}
        let address = R.p([R.alt([R.alt([R.w("lives")], [R.w("living")]), R.alt([R.w("at")], [R.w("on")]), R.gap(3),
                                  R.d(.number)],
                                 [R.alt([R.w("apt")], [R.w("suite")]), R.d(.number)])])
        let (rules, atom) = try compile(address)
        let number = AtomID(rules.atoms.firstIndex(of: .detector(.number))!)
        var names = Dictionary(uniqueKeysWithValues: ["lives", "living", "at", "on", "apt", "suite"].map { (atom($0), $0) })
        names[number] = "{number}"
        #expect(describe(rules.programs[0].followerCondition(), names) == [
            "apt: {number}/0", "lives: at/0 on/0", "living: at/0 on/0", "suite: {number}/0",
        ])

        // x (y)? *2 z: the optional word may come next, or the gap's two words before z.
        let (optionalRules, optionalAtom) = try compile(R.p([R.w("x"), R.alt([R.w("y")], optional: true), R.gap(2),
                                                             R.w("z")]))
        let optionalNames = Dictionary(uniqueKeysWithValues: ["x", "y", "z"].map { (optionalAtom($0), $0) })
        #expect(describe(optionalRules.programs[0].followerCondition(), optionalNames) == ["x: y/0 z/2"])

        // (x|y z): x can match alone, y needs z next.
        let (aloneRules, aloneAtom) = try compile(R.p([R.alt([R.w("x")], [R.w("y"), R.w("z")])]))
        let aloneNames = Dictionary(uniqueKeysWithValues: ["x", "y", "z"].map { (aloneAtom($0), $0) })
        #expect(describe(aloneRules.programs[0].followerCondition(), aloneNames) == ["x: alone", "y: z/0"])

        // One word, or only words that match alone: no condition.
        let (single, _) = try compile(R.p("lives"))
        #expect(single.programs[0].followerCondition() == nil)
        let (either, _) = try compile(R.p([R.alt([R.w("lives")], [R.w("living")])]))
        #expect(either.programs[0].followerCondition() == nil)
    }

    @Test("beyond the cap on pairs a program has no condition")
    func cap() throws {
        // (a1|…|a5) (b1|…|b5): 25 pairs.
        let pattern = R.p([.group((1...5).map { [R.w("a\($0)x")] }, optional: false),
                           .group((1...5).map { [R.w("b\($0)x")] }, optional: false)])
        let (rules, _) = try compile(pattern)
        #expect(rules.programs[0].followerCondition(limit: 25)?.firsts.count == 5)
        #expect(rules.programs[0].followerCondition(limit: 24) == nil)
    }

    func located(_ rules: CompiledRules, _ post: String) -> Bool { ProgramCompilationTests.located(rules, post) }

    @Test("a post whose atoms are all there but not in reach is never split into words")
    func farApartIsNotLocated() throws {
        // {number} *2 street
        let (rules, _) = try compile(R.p([R.d(.number), R.gap(2), R.w("street")]))
        // Both atoms, in the wrong order or too far apart: the clauses hold, the followers not.
        #expect(!located(rules, "street parking costs 12 euro"))
        #expect(!located(rules, "12 of us walked down one street"))
        #expect(R.hits(rules.classify("12 of us walked down one street")) == [])
        // Within two words.
        #expect(located(rules, "12 main street"))
        #expect(R.hits(rules.classify("meet at 12 main street")) == ["doxxing.x@8..<22'12 main street'"])
        #expect(R.hits(rules.classify("12 old main street")) == ["doxxing.x@0..<18'12 old main street'"])
        // Words after punctuation are not sure starts: the check lets the post through, and the
        // program decides (three words between, so no match).
        #expect(located(rules, "12 (old) (main) (big) street"))
        #expect(R.hits(rules.classify("12 (old) (main) (big) street")) == [])
    }

    /// Sure word starts of `bytes` by their definition: a space, then an ASCII letter or digit.
    func sureStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { i in
            i > 0 && bytes[i - 1] == 0x20
                && ((0x61...0x7A).contains(bytes[i]) || (0x41...0x5A).contains(bytes[i]) || (0x30...0x39).contains(bytes[i]))
        }
    }

    @Test("the counter of sure word starts agrees with their definition at every offset")
    func counter() {
        var rng = SplitMix64(seed: 20_261_122)
        let alphabet = Array("ab Z09 .,'_-".utf8) + [0x80, 0xC3, 0xA9, 0x7F, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A]
        let none = GrowableList<Occurrence>()
        for round in 0..<600 {
            let length = Int.random(in: [0...20, 0...200, 60...700].randomElement(using: &rng)!, using: &rng)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
            let offsets = bytes.indices.map { Int32($0) }
            let text = NormalizedText(bytes: bytes, originStarts: offsets, originEnds: offsets.map { $0 + 1 },
                                      originalCount: length, applied: [])
            var counter = WordStartCounter()
            counter.build(text, none)
            let starts = sureStarts(bytes)
            let counts = (0...length).map { counter.count(before: $0) }
            #expect(counts == (0...length).map { offset in starts.count { $0 < offset } }, "round \(round)")
            let found = (0...starts.count).map { counter.offset(ofStart: $0, from: 0) }
            #expect(found == starts + [Int.max], "round \(round)")
        }
    }
}
