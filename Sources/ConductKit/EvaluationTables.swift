import ConductMatching
import ConductRules

/// The compiled rule set flattened into ``FixedArray``s of plain values for the per-post path:
/// reading an element costs one load, with no reference counting.
///
/// Invariants: a pair `xStarts`/`xs` lists, for element `e`, `xs[xStarts[e] ..< xStarts[e + 1]]`;
/// program `p`'s instructions are `instructions[programEntry[p] ..< programEntry[p + 1]]`, with
/// every target absolute (an index into `instructions`) and its entry at `programEntry[p]`.
final class EvaluationTables: Sendable {
    // Literals and detectors.
    /// Every literal as one DFA, when it fits (the scan prefers it), with the targets of its
    /// floating literals.
    let literalDFA: WordStartAutomaton?
    let floatingTargetStarts: FixedArray<Int32>
    /// Per match state of the DFA (``WordStartAutomaton/slot(of:)``), one header
    /// (``SlotHeader``) that places the targets of every literal it ends, each with the
    /// literal's length and a copy of its ``LiteralTarget``, so that a match step leads
    /// straight to what it needs to read: `slotTargets[targets ..< targetsEnd]`. The targets of
    /// atoms that wake a branch come first, in the order of the state's outputs; from
    /// `quietTargets` on, those of *quiet* atoms, in the same order.
    ///
    /// A quiet atom wakes no branch (`triggerStarts`): it only ever completes a clause that
    /// another atom woke, or feeds a program that runs. The commonest words of a post ("the",
    /// "is", "de") are quiet, so the scan only sets their bits, from
    /// `slotQuietWords/slotQuietMasks[quietWords ..< quietWordsEnd]` (the state's quiet atoms
    /// as 64-atom words of the atom bit set), and records their occurrences only when a program
    /// may run (``CompiledRules/collectQuietOccurrences(_:_:)``).
    let slotHeaders: FixedArray<SlotHeader>
    let slotTargets: FixedArray<SlotTarget>
    let slotQuietWords: FixedArray<Int32>
    let slotQuietMasks: FixedArray<UInt64>
    /// Literals that begin where a word begins (whole words, prefixes).
    let trie: LiteralTrie
    /// For trie literal `l`: its targets.
    let trieTargetStarts: FixedArray<Int32>
    /// Suffixes that end with a word character, reversed.
    let suffixTrie: LiteralTrie
    let suffixTargetStarts: FixedArray<Int32>
    /// For automaton pattern `p` (infixes): its targets.
    let automatonTargetStarts: FixedArray<Int32>
    let targets: FixedArray<LiteralTarget>
    /// For target `t`: the offsets its `squeezedCount` counts.
    let squeezedStarts: FixedArray<Int32>
    let squeezedOffsets: FixedArray<Int32>
    /// Per detector kind (by ``slot(_:)``): its atom, or -1.
    let detectorAtom: FixedArray<AtomID>

    // Programs.
    let instructions: FixedArray<Instruction>
    let programEntry: FixedArray<Int32>
    /// Every program's atom step sets, numbered across programs (`atomSet` operands are
    /// global): set `s` is `atomSetAtoms/atomSetNext[atomSetStarts[s] ..< atomSetStarts[s + 1]]`,
    /// sorted by atom; `atomSetNext` holds absolute instruction indices.
    let atomSetStarts: FixedArray<Int32>
    let atomSetAtoms: FixedArray<AtomID>
    let atomSetNext: FixedArray<Int32>
    /// Per program: the atoms a match can start with, sorted.
    let firstAtomStarts: FixedArray<Int32>
    let firstAtoms: FixedArray<AtomID>
    /// Per program, while programs × atoms stays within ``firstAtomBitsLimit`` words: its
    /// first atoms as a bit set of `firstAtomWords` words (program `p`'s at `p × words`), so
    /// that testing an occurrence is one load; `firstAtomWords` is 0 beyond the limit, and
    /// the sorted `firstAtoms` are searched instead.
    let firstAtomWords: Int
    let firstAtomBits: FixedArray<UInt64>
    /// 2 Mi words (16 MiB).
    static let firstAtomBitsLimit = 1 << 21
    /// Per program: its branches (``PatternProgram/branches``), numbered across programs;
    /// per branch: its clauses. Clause `c` is a run of
    /// `clauseWords`/`clauseMasks` from `clauseWordStarts[c]`: the 64-atom words of the atom
    /// bit set it touches and its bits in each (list atoms get neighbouring IDs, so a clause
    /// of 50 atoms is usually 1 to 3 words).
    let branchStarts: FixedArray<Int32>
    let clauseStarts: FixedArray<Int32>
    let clauseWordStarts: FixedArray<Int32>
    let clauseWords: FixedArray<Int32>
    let clauseMasks: FixedArray<UInt64>
    /// Per program: the rules the verdict needs whose `match` patterns include it.
    let ownerStarts: FixedArray<Int32>
    let owners: FixedArray<Int32>
    /// Per atom: the branches of `match` programs of rules the verdict needs whose rarest
    /// clause holds it (a branch without clauses: whose program can start with it), each with
    /// a quick test of one more of its clauses (``Trigger``).
    let triggerStarts: FixedArray<Int32>
    let triggers: FixedArray<Trigger>
    /// Per branch: its program.
    let branchProgram: FixedArray<Int32>
    /// Per program: its ``FollowerCondition``, flattened. Program `p`'s first atoms are
    /// `followerFirstAtoms[followerFirstStarts[p] ..< followerFirstStarts[p + 1]]` (sorted;
    /// an empty range when it has no condition); first entry `f` can match alone when
    /// `followerFirstAlone[f]`, else needs one of `followerAtoms/followerGaps[followerStarts[f]
    /// ..< followerStarts[f + 1]]` (sorted by atom) within that many words; `followerMaximumGap[f]`
    /// is the largest of those gaps.
    let followerFirstStarts: FixedArray<Int32>
    let followerFirstAtoms: FixedArray<AtomID>
    let followerFirstAlone: FixedArray<Bool>
    let followerMaximumGap: FixedArray<Int32>
    let followerStarts: FixedArray<Int32>
    let followerAtoms: FixedArray<AtomID>
    let followerGaps: FixedArray<Int32>
    /// Per atom: every program that can start with it (for explanations).
    let startStarts: FixedArray<Int32>
    let startPrograms: FixedArray<Int32>

    // Rules.
    /// Per rule: the composites the verdict needs that list it as a component.
    let compositeStarts: FixedArray<Int32>
    let compositesOf: FixedArray<Int32>
    /// Per rule: its components (none unless a composite), and how many must match.
    let componentStarts: FixedArray<Int32>
    let components: FixedArray<Int32>
    let atLeast: FixedArray<Int32>
    /// Per rule: whether it scores (weight > 0); whether it is a composite; whether its
    /// matches can change a verdict (it scores, or a composite the verdict needs uses it).
    let scores: FixedArray<Bool>
    let isComposite: FixedArray<Bool>
    let neededForVerdict: FixedArray<Bool>
    /// Per rule: its languages as bits of `languageCodes` (0: every language).
    let languageBits: FixedArray<UInt64>
    /// Every language code some rule names, in first-seen order (at most 64 get bits).
    let languageCodes: [String]
    /// True when some rule has `diacritics: exact` (and so re-reads the original).
    let hasExactRules: Bool

    let atomCount: Int
    let programCount: Int
    /// Branches of every program (``PatternProgram/branches``).
    let branchCount: Int
    let ruleCount: Int

    init(_ result: RuleCompiler.Result) {
        let programs = result.programs, rules = result.rules
        atomCount = result.atoms.count
        programCount = programs.count
        ruleCount = rules.count

        trie = result.trie
        floatingTargetStarts = FixedArray(result.floatingTargetStarts)
        trieTargetStarts = FixedArray(result.trieTargetStarts)
        suffixTrie = result.suffixTrie
        suffixTargetStarts = FixedArray(result.suffixTargetStarts)
        automatonTargetStarts = FixedArray(result.targetStarts)
        targets = FixedArray(result.targets)
        squeezedStarts = FixedArray(Self.starts(result.squeezed.map { $0.count }))
        var squeezedOffsets: [Int32] = []
        for offsets in result.squeezed where !offsets.isEmpty { squeezedOffsets.append(contentsOf: offsets) }
        self.squeezedOffsets = FixedArray(squeezedOffsets)
        var detectorAtom = Array(repeating: AtomID(-1), count: DetectorKind.allCases.count)
        for (kind, atom) in result.detectorAtoms { detectorAtom[Self.slot(kind)] = atom }
        self.detectorAtom = FixedArray(detectorAtom)

        var instructions: [Instruction] = []
        var programEntry: [Int32] = [0]
        var atomSetStarts: [Int32] = [0], atomSetAtoms: [AtomID] = [], atomSetNext: [Int32] = []
        instructions.reserveCapacity(programs.reduce(0) { $0 + $1.instructions.count })
        let stepCount = programs.reduce(0) { total, program in program.atomSets.reduce(total) { $0 + $1.count } }
        atomSetAtoms.reserveCapacity(stepCount)
        atomSetNext.reserveCapacity(stepCount)
        for program in programs {
            let base = Int32(instructions.count)
            let setBase = Int32(atomSetStarts.count - 1)
            for set in program.atomSets {
                for step in set {
                    atomSetAtoms.append(step.atom)
                    atomSetNext.append(step.next + base)
                }
                atomSetStarts.append(Int32(atomSetAtoms.count))
            }
            for instruction in program.instructions {
                switch instruction {
                case .atom(let atom, let next): instructions.append(.atom(atom, next: next + base))
                case .atomSet(let set): instructions.append(.atomSet(set + setBase))
                case .split(let a, let b): instructions.append(.split(a + base, b + base))
                case .gap(let max, let next): instructions.append(.gap(max: max, next: next + base))
                case .accept: instructions.append(.accept)
                }
            }
            programEntry.append(Int32(instructions.count))
        }
        self.instructions = FixedArray(instructions)
        self.atomSetStarts = FixedArray(atomSetStarts)
        self.atomSetAtoms = FixedArray(atomSetAtoms)
        self.atomSetNext = FixedArray(atomSetNext)
        self.programEntry = FixedArray(programEntry)
        firstAtomStarts = FixedArray(Self.starts(programs.map { $0.firstAtoms.count }))
        firstAtoms = FixedArray(programs.flatMap { $0.firstAtoms })
        let words = (atomCount + 63) / 64
        if programs.count * words <= Self.firstAtomBitsLimit {
            var bits = Array(repeating: UInt64(0), count: max(1, programs.count * words))
            for (index, program) in programs.enumerated() {
                for atom in program.firstAtoms { bits[index * words + Int(atom >> 6)] |= 1 << UInt64(atom & 63) }
            }
            firstAtomWords = words
            firstAtomBits = FixedArray(bits)
        } else {
            firstAtomWords = 0
            firstAtomBits = FixedArray([0])
        }
        let branches = programs.map { $0.branches }
        branchStarts = FixedArray(Self.starts(branches.map { $0.count }))
        branchCount = branches.reduce(0) { $0 + $1.count }
        branchProgram = FixedArray(branches.enumerated().flatMap { repeatElement(Int32($0.offset), count: $0.element.count) })
        let clauseStartList = Self.starts(branches.joined().map { $0.count })
        clauseStarts = FixedArray(clauseStartList)
        var clauseWordCounts: [Int] = [], clauseWords: [Int32] = [], clauseMasks: [UInt64] = []
        for clause in branches.joined().joined() {
            // Clauses are sorted.
            let before = clauseWords.count
            Self.appendBitWords(of: clause, words: &clauseWords, masks: &clauseMasks)
            clauseWordCounts.append(clauseWords.count - before)
        }
        let clauseWordStartList = Self.starts(clauseWordCounts)
        clauseWordStarts = FixedArray(clauseWordStartList)
        self.clauseWords = FixedArray(clauseWords)
        self.clauseMasks = FixedArray(clauseMasks)

        // Rules the verdict needs: scored ones, and the components of needed composites
        // (composites come after their components, so walk backwards).
        var needed = rules.map { $0.weight > 0 }
        for index in rules.indices.reversed() where needed[index] {
            for component in rules[index].components { needed[Int(component)] = true }
        }
        neededForVerdict = FixedArray(needed)
        let owners = result.matchOwners.map { $0.filter { needed[Int($0)] } }
        ownerStarts = FixedArray(Self.starts(owners.map { $0.count }))
        self.owners = FixedArray(owners.flatMap { $0 })

        var triggerAtoms: [AtomID] = [], triggerBranches: [Int32] = []
        var startAtoms: [AtomID] = [], startProgramList: [Int32] = []
        for (index, program) in programs.enumerated() {
            for atom in program.firstAtoms {
                startAtoms.append(atom)
                startProgramList.append(Int32(index))
            }
            if !owners[index].isEmpty {
                for (offset, branch) in program.branches.enumerated() {
                    let id = Int32(branchStarts[index]) + Int32(offset)
                    for atom in branch.first ?? program.firstAtoms {
                        triggerAtoms.append(atom)
                        triggerBranches.append(id)
                    }
                }
            }
        }
        let triggers = Self.grouped(triggerBranches, by: triggerAtoms, keyCount: atomCount)
        triggerStarts = FixedArray(triggers.starts)
        // Each branch's quick test: its rarest clause after the first that fits one word of
        // the atom bit set.
        let quickTests = (0..<branchCount).map { branch -> (word: Int32, mask: UInt64) in
            for c in Int(clauseStartList[branch]) + 1..<Int(clauseStartList[branch + 1])
            where clauseWordStartList[c + 1] - clauseWordStartList[c] == 1 {
                let entry = Int(clauseWordStartList[c])
                return (clauseWords[entry], clauseMasks[entry])
            }
            return (-1, 0)
        }
        self.triggers = FixedArray(triggers.values.map { branch in
            Trigger(branch: branch, word: quickTests[Int(branch)].word, mask: quickTests[Int(branch)].mask)
        })
        var followerFirstStarts: [Int32] = [0], followerFirstAtoms: [AtomID] = [], followerFirstAlone: [Bool] = []
        var followerMaximumGap: [Int32] = [], followerStarts: [Int32] = [0], followerAtoms: [AtomID] = []
        var followerGaps: [Int32] = []
        for program in programs {
            for first in program.followerCondition()?.firsts ?? [] {
                followerFirstAtoms.append(first.atom)
                followerFirstAlone.append(first.alone)
                var maximumGap: Int32 = 0
                for follower in first.followers {
                    followerAtoms.append(follower.atom)
                    followerGaps.append(follower.maximumGap)
                    maximumGap = max(maximumGap, follower.maximumGap)
                }
                followerMaximumGap.append(maximumGap)
                followerStarts.append(Int32(followerAtoms.count))
            }
            followerFirstStarts.append(Int32(followerFirstAtoms.count))
        }
        self.followerFirstStarts = FixedArray(followerFirstStarts)
        self.followerFirstAtoms = FixedArray(followerFirstAtoms)
        self.followerFirstAlone = FixedArray(followerFirstAlone)
        self.followerMaximumGap = FixedArray(followerMaximumGap)
        self.followerStarts = FixedArray(followerStarts)
        self.followerAtoms = FixedArray(followerAtoms)
        self.followerGaps = FixedArray(followerGaps)

        var slotHeaders: [SlotHeader] = [], slotTargets: [SlotTarget] = []
        var slotQuietWords: [Int32] = [], slotQuietMasks: [UInt64] = []
        // Last, as the DFA may still be being built on another thread.
        literalDFA = result.literalDFA.value
        if let dfa = literalDFA {
            let targets = result.targets, floatingStarts = result.floatingTargetStarts, trieStarts = result.trieTargetStarts
            let wakes = (0..<atomCount).map { triggers.starts[$0 + 1] > triggers.starts[$0] }
            var quiet: [SlotTarget] = [], quietAtoms: [AtomID] = []
            for slot in 0..<dfa.matchSlotCount {
                quiet.removeAll(keepingCapacity: true)
                var header = SlotHeader(targets: Int32(slotTargets.count), quietTargets: 0, targetsEnd: 0,
                                        quietWords: Int32(slotQuietWords.count), quietWordsEnd: 0)
                for (floating, literal, length) in dfa.outputs(ofSlot: slot) {
                    let starts = floating ? floatingStarts : trieStarts
                    for t in starts[Int(literal)]..<starts[Int(literal) + 1] {
                        let target = SlotTarget(target: t, length: length, literal: targets[Int(t)])
                        if wakes[Int(targets[Int(t)].atom)] {
                            slotTargets.append(target)
                        } else {
                            quiet.append(target)
                        }
                    }
                }
                header.quietTargets = Int32(slotTargets.count)
                slotTargets.append(contentsOf: quiet)
                header.targetsEnd = Int32(slotTargets.count)
                quietAtoms.removeAll(keepingCapacity: true)
                for entry in quiet { quietAtoms.append(entry.literal.atom) }
                quietAtoms.sort()
                Self.appendBitWords(of: quietAtoms, words: &slotQuietWords, masks: &slotQuietMasks)
                header.quietWordsEnd = Int32(slotQuietWords.count)
                let quietWordCount = Int(header.quietWordsEnd - header.quietWords)
                if quietWordCount > 0 {
                    header.quietWord0 = slotQuietWords[Int(header.quietWords)]
                    header.quietMask0 = slotQuietMasks[Int(header.quietWords)]
                }
                if quietWordCount > 1 {
                    header.quietWord1 = slotQuietWords[Int(header.quietWords) + 1]
                    header.quietMask1 = slotQuietMasks[Int(header.quietWords) + 1]
                }
                slotHeaders.append(header)
            }
        }
        self.slotHeaders = FixedArray(slotHeaders)
        self.slotTargets = FixedArray(slotTargets)
        self.slotQuietWords = FixedArray(slotQuietWords)
        self.slotQuietMasks = FixedArray(slotQuietMasks)
        let starts = Self.grouped(startProgramList, by: startAtoms, keyCount: atomCount)
        startStarts = FixedArray(starts.starts)
        startPrograms = FixedArray(starts.values)

        var compositeLists = Array(repeating: [Int32](), count: rules.count)
        for (index, rule) in rules.enumerated() where rule.rule.composite != nil && needed[index] {
            for component in Set(rule.components).sorted() { compositeLists[Int(component)].append(Int32(index)) }
        }
        compositeStarts = FixedArray(Self.starts(compositeLists.map { $0.count }))
        compositesOf = FixedArray(compositeLists.flatMap { $0 })
        componentStarts = FixedArray(Self.starts(rules.map { $0.components.count }))
        components = FixedArray(rules.flatMap { $0.components })
        atLeast = FixedArray(rules.map { Int32($0.atLeast) })
        scores = FixedArray(rules.map { $0.weight > 0 })
        isComposite = FixedArray(rules.map { $0.rule.composite != nil })

        var languageCodes: [String] = []
        var languageBits: [UInt64] = []
        for rule in rules {
            var bits: UInt64 = 0
            for code in rule.languages {
                let bit: Int
                if let known = languageCodes.firstIndex(of: code) {
                    bit = known
                } else {
                    bit = languageCodes.count
                    languageCodes.append(code)
                }
                // Past 64 codes a rule keeps no bits and its languages are compared as strings.
                if bit < 64 { bits |= 1 << UInt64(bit) }
            }
            languageBits.append(bits)
        }
        self.languageCodes = languageCodes
        self.languageBits = FixedArray(languageBits)
        hasExactRules = rules.contains { !$0.exactWords.isEmpty }
    }

    /// Appends sorted `atoms` as words of the atom bit set (`atom >> 6`) and their masks, one
    /// pair per word: the atoms of a word are consecutive when sorted.
    private static func appendBitWords(of atoms: [AtomID], words: inout [Int32], masks: inout [UInt64]) {
        let before = words.count
        for atom in atoms {
            if words.count == before || words[words.count - 1] != atom >> 6 {
                words.append(atom >> 6)
                masks.append(0)
            }
            masks[masks.count - 1] |= 1 << UInt64(atom & 63)
        }
    }

    /// `values` grouped by their `keys` (each below `keyCount`), in their order within a key:
    /// the offsets of each key's run (as ``starts(_:)``) and the values, the lists of a list
    /// of lists flattened without building them.
    private static func grouped(_ values: [Int32], by keys: [Int32], keyCount: Int) -> (starts: [Int32], values: [Int32]) {
        var starts = Array(repeating: Int32(0), count: keyCount + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for k in 0..<keyCount { starts[k + 1] += starts[k] }
        var next = starts
        var grouped = Array(repeating: Int32(0), count: values.count)
        for (key, value) in zip(keys, values) {
            grouped[Int(next[Int(key)])] = value
            next[Int(key)] += 1
        }
        return (starts, grouped)
    }

    /// Offsets `[0, c0, c0 + c1, …]` of consecutive runs of the given lengths.
    private static func starts(_ counts: [Int]) -> [Int32] {
        var result: [Int32] = [0]
        result.reserveCapacity(counts.count + 1)
        for count in counts { result.append(result.last! + Int32(count)) }
        return result
    }

    /// The index of `kind` in `detectorAtom`.
    @inline(__always)
    static func slot(_ kind: DetectorKind) -> Int {
        switch kind {
        case .email: 0
        case .phone: 1
        case .url: 2
        case .handle: 3
        case .iban: 4
        case .bsn: 5
        case .postcode: 6
        case .address: 7
        case .number: 8
        case .money: 9
        case .card: 10
        case .ssn: 11
        }
    }

    /// Whether languages are compared as bits (at most 64 codes in the rule set).
    var languagesAsBits: Bool { languageCodes.count <= 64 }

    /// The bit of `language` (0 when no rule names it), for rules with a language list.
    func languageBit(_ language: String) -> UInt64 {
        guard let index = languageCodes.firstIndex(of: language), index < 64 else { return 0 }
        return 1 << UInt64(index)
    }

    // MARK: Image

    /// Tables that ``write(to:)`` wrote (see ``ImageCodable``).
    init(from reader: inout ImageReader) throws(ImageError) {
        literalDFA = try reader.read(WordStartAutomaton?.self)
        floatingTargetStarts = try FixedArray(from: &reader)
        slotHeaders = try FixedArray(from: &reader)
        slotTargets = try FixedArray(from: &reader)
        slotQuietWords = try FixedArray(from: &reader)
        slotQuietMasks = try FixedArray(from: &reader)
        trie = try LiteralTrie(from: &reader)
        trieTargetStarts = try FixedArray(from: &reader)
        suffixTrie = try LiteralTrie(from: &reader)
        suffixTargetStarts = try FixedArray(from: &reader)
        automatonTargetStarts = try FixedArray(from: &reader)
        targets = try FixedArray(from: &reader)
        squeezedStarts = try FixedArray(from: &reader)
        squeezedOffsets = try FixedArray(from: &reader)
        detectorAtom = try FixedArray(from: &reader)
        instructions = try FixedArray(from: &reader)
        programEntry = try FixedArray(from: &reader)
        atomSetStarts = try FixedArray(from: &reader)
        atomSetAtoms = try FixedArray(from: &reader)
        atomSetNext = try FixedArray(from: &reader)
        firstAtomStarts = try FixedArray(from: &reader)
        firstAtoms = try FixedArray(from: &reader)
        firstAtomWords = try reader.read() as Int
        firstAtomBits = try FixedArray(from: &reader)
        branchStarts = try FixedArray(from: &reader)
        clauseStarts = try FixedArray(from: &reader)
        clauseWordStarts = try FixedArray(from: &reader)
        clauseWords = try FixedArray(from: &reader)
        clauseMasks = try FixedArray(from: &reader)
        ownerStarts = try FixedArray(from: &reader)
        owners = try FixedArray(from: &reader)
        triggerStarts = try FixedArray(from: &reader)
        triggers = try FixedArray(from: &reader)
        branchProgram = try FixedArray(from: &reader)
        followerFirstStarts = try FixedArray(from: &reader)
        followerFirstAtoms = try FixedArray(from: &reader)
        followerFirstAlone = try FixedArray(from: &reader)
        followerMaximumGap = try FixedArray(from: &reader)
        followerStarts = try FixedArray(from: &reader)
        followerAtoms = try FixedArray(from: &reader)
        followerGaps = try FixedArray(from: &reader)
        startStarts = try FixedArray(from: &reader)
        startPrograms = try FixedArray(from: &reader)
        compositeStarts = try FixedArray(from: &reader)
        compositesOf = try FixedArray(from: &reader)
        componentStarts = try FixedArray(from: &reader)
        components = try FixedArray(from: &reader)
        atLeast = try FixedArray(from: &reader)
        scores = try FixedArray(from: &reader)
        isComposite = try FixedArray(from: &reader)
        neededForVerdict = try FixedArray(from: &reader)
        languageBits = try FixedArray(from: &reader)
        languageCodes = try reader.read() as [String]
        hasExactRules = try reader.read() as Bool
        atomCount = try reader.read() as Int
        programCount = try reader.read() as Int
        branchCount = try reader.read() as Int
        ruleCount = try reader.read() as Int
    }

    /// Appends the tables, for ``init(from:)``.
    func write(to writer: inout ImageWriter) {
        writer.write(literalDFA)
        floatingTargetStarts.write(to: &writer)
        slotHeaders.write(to: &writer)
        slotTargets.write(to: &writer)
        slotQuietWords.write(to: &writer)
        slotQuietMasks.write(to: &writer)
        trie.write(to: &writer)
        trieTargetStarts.write(to: &writer)
        suffixTrie.write(to: &writer)
        suffixTargetStarts.write(to: &writer)
        automatonTargetStarts.write(to: &writer)
        targets.write(to: &writer)
        squeezedStarts.write(to: &writer)
        squeezedOffsets.write(to: &writer)
        detectorAtom.write(to: &writer)
        instructions.write(to: &writer)
        programEntry.write(to: &writer)
        atomSetStarts.write(to: &writer)
        atomSetAtoms.write(to: &writer)
        atomSetNext.write(to: &writer)
        firstAtomStarts.write(to: &writer)
        firstAtoms.write(to: &writer)
        writer.write(firstAtomWords)
        firstAtomBits.write(to: &writer)
        branchStarts.write(to: &writer)
        clauseStarts.write(to: &writer)
        clauseWordStarts.write(to: &writer)
        clauseWords.write(to: &writer)
        clauseMasks.write(to: &writer)
        ownerStarts.write(to: &writer)
        owners.write(to: &writer)
        triggerStarts.write(to: &writer)
        triggers.write(to: &writer)
        branchProgram.write(to: &writer)
        followerFirstStarts.write(to: &writer)
        followerFirstAtoms.write(to: &writer)
        followerFirstAlone.write(to: &writer)
        followerMaximumGap.write(to: &writer)
        followerStarts.write(to: &writer)
        followerAtoms.write(to: &writer)
        followerGaps.write(to: &writer)
        startStarts.write(to: &writer)
        startPrograms.write(to: &writer)
        compositeStarts.write(to: &writer)
        compositesOf.write(to: &writer)
        componentStarts.write(to: &writer)
        components.write(to: &writer)
        atLeast.write(to: &writer)
        scores.write(to: &writer)
        isComposite.write(to: &writer)
        neededForVerdict.write(to: &writer)
        languageBits.write(to: &writer)
        writer.write(languageCodes)
        writer.write(hasExactRules)
        writer.write(atomCount)
        writer.write(programCount)
        writer.write(branchCount)
        writer.write(ruleCount)
    }
}

/// A branch an atom wakes (``EvaluationTables/triggers``), with a test of one more of the
/// branch's clauses that reads no table but the atom bit set: the clause holds only if
/// `atomBits[word] & mask != 0`. `word` is -1 when no other clause fits one word. Woken
/// branches mostly fail, and this way most fail without reading their clause lists.
struct Trigger: Sendable, BitwiseCopyable {
    var branch: Int32
    var word: Int32
    var mask: UInt64
}

/// A target of a DFA match state (``EvaluationTables/slotTargets``): the literal ends where
/// the step ends and is `length` bytes long; `literal` is `targets[target]`.
struct SlotTarget: Sendable, BitwiseCopyable {
    var target: Int32
    var length: Int32
    var literal: LiteralTarget
}

/// Where a DFA match state's targets and quiet atom bits are (``EvaluationTables/slotHeaders``),
/// in one place, so that a match step reads one header. The first two words of the quiet bits
/// are copied in: `quietWord0/quietMask0` and `quietWord1/quietMask1` are
/// `slotQuietWords/slotQuietMasks[quietWords]` and `[quietWords + 1]`, or word 0 and mask 0
/// when the state has fewer, so that a scan sets them without a branch (few states have more).
struct SlotHeader: Sendable, BitwiseCopyable, Equatable {
    var targets: Int32
    var quietTargets: Int32
    var targetsEnd: Int32
    var quietWords: Int32
    var quietWordsEnd: Int32
    var quietWord0: Int32 = 0
    var quietWord1: Int32 = 0
    var quietMask0: UInt64 = 0
    var quietMask1: UInt64 = 0
}
