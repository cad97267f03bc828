import ConductMatching
import ConductNormalization
import ConductRules

/// Turns a ``RuleSet`` into the tables of ``CompiledRules``. Collects every problem.
struct RuleCompiler {
    let normalizer: Normalizer
    /// The largest literal DFA to build (see ``literalDFAMemoryLimit``).
    let dfaMemoryLimit: Int
    /// Above 1, the literal DFA is built on a thread of its own while the rest is compiled.
    let threads: Int
    private(set) var diagnostics: [Diagnostic] = []

    private var literalIDs: [LiteralKey: Int32] = [:]
    private var literals: [[UInt8]] = []
    private var literalTargets: [[(target: LiteralTarget, squeezed: [Int32])]] = []
    private var atomIDs: [AtomKind: AtomID] = [:]
    /// Pattern words already normalized (lists repeat the same words in many patterns).
    private var normalizedWords: [String: [UInt8]] = [:]
    /// The atom of each pattern word already seen (as written, with its anchoring) that
    /// normalizes to one word: one lookup instead of normalizing and looking up its kind again
    /// (a list used by many patterns repeats its words).
    private var wordAtoms: [WordAtomKey: AtomID] = [:]
    private var atoms: [AtomKind] = []
    /// `AtomFrequency.estimate` of each atom, by ID; shared with the pattern builders.
    private let atomEstimates = AtomEstimates()
    private let groupAtoms = GroupAtomCache()
    private var programs: [PatternProgram] = []

    /// The largest table of the literal DFA (32 MiB: about 10,000 words of 7 letters); beyond
    /// it the tries and the Aho-Corasick automaton find the literals.
    static let literalDFAMemoryLimit = 32 << 20

    /// Most double letters of one word that get squeezed variants (2^n − 1 variants).
    static let maxSqueezedDoubles = 3

    struct Result {
        /// Literals with a whole-word or word-prefix target.
        var trie: LiteralTrie
        /// Every literal in one DFA, when it fits ``RuleCompiler/literalDFAMemoryLimit``: it
        /// finds what the tries and the automaton find, in one pass. Possibly still being
        /// built on another thread.
        var literalDFA: Eventual<WordStartAutomaton?>
        /// For the DFA's floating literal `l` (suffixes, then infixes): its targets.
        var floatingTargetStarts: [Int32]
        /// For trie literal `l`: `targets[trieTargetStarts[l] ..< trieTargetStarts[l + 1]]`.
        var trieTargetStarts: [Int32]
        /// Suffixes ending with a word character, each reversed.
        var suffixTrie: LiteralTrie
        var suffixTargetStarts: [Int32]
        /// Literals with a target that can be anywhere.
        var automaton: Automaton
        /// For automaton pattern `p`: `targets[targetStarts[p] ..< targetStarts[p + 1]]`.
        var targetStarts: [Int32]
        var targets: [LiteralTarget]
        /// Distinct literals.
        var literalCount: Int
        /// For each target: the offsets its `squeezedCount` counts.
        var squeezed: [[Int32]]
        var atoms: [AtomKind]
        var detectorAtoms: [DetectorKind: AtomID]
        var programs: [PatternProgram]
        var programsByFirstAtom: [[Int32]]
        var rules: [CompiledRule]
        var matchOwners: [[Int32]]
        var composites: [Int32]
        var categories: [CompiledCategory]
    }

    init(normalizer: Normalizer, literalDFAMemoryLimit: Int = Self.literalDFAMemoryLimit, threads: Int = 1) {
        self.normalizer = normalizer
        self.dfaMemoryLimit = literalDFAMemoryLimit
        self.threads = threads
    }

    mutating func compile(_ ruleSet: RuleSet) -> Result {
        // Sized up front instead of growing (and hashing every key again) a dozen times. For
        // half the bound: patterns repeat words, so the bound overshoots (the bundled rules
        // name 18,900 words and detectors, 7,400 distinct), and a table sized for all of them
        // would double the compiler's peak memory for these tables; past half they grow.
        let expected = Self.atomBound(ruleSet) / 2
        wordAtoms.reserveCapacity(expected)
        atomIDs.reserveCapacity(expected)
        normalizedWords.reserveCapacity(expected)
        literalIDs.reserveCapacity(expected)
        var categories: [CompiledCategory] = []
        var compiled: [CompiledRule] = []
        for (categoryIndex, category) in ruleSet.categories.enumerated() {
            categories.append(CompiledCategory(name: category.name, thresholds: category.thresholds))
            for rule in category.rules {
                compiled.append(compileRule(rule, category: Int32(categoryIndex)))
            }
        }
        let ordered = dependencyOrder(compiled)
        var rules: [CompiledRule] = []
        var position: [RuleID: Int32] = [:]
        for index in ordered {
            position[compiled[index].id] = Int32(rules.count)
            rules.append(compiled[index])
        }
        var composites: [Int32] = []
        for index in rules.indices {
            guard let composite = rules[index].rule.composite else { continue }
            rules[index].components = composite.of.compactMap { position[$0] }
            composites.append(Int32(index))
        }
        var matchOwners = Array(repeating: [Int32](), count: programs.count)
        for (index, rule) in rules.enumerated() {
            for program in rule.match { matchOwners[Int(program)].append(Int32(index)) }
        }
        var programsByFirstAtom = Array(repeating: [Int32](), count: atoms.count)
        for (index, program) in programs.enumerated() {
            for atom in program.firstAtoms { programsByFirstAtom[Int(atom)].append(Int32(index)) }
        }
        // Each literal goes to the structures that find its targets (see LiteralPlacement).
        var targets: [LiteralTarget] = []
        var squeezed: [[Int32]] = []
        var trieLiterals: [[UInt8]] = [], suffixLiterals: [[UInt8]] = [], anywhereLiterals: [[UInt8]] = []
        var trieTargetStarts: [Int32] = [], suffixTargetStarts: [Int32] = [], targetStarts: [Int32] = []
        var builder = AutomatonBuilder()
        for placement in LiteralPlacement.allCases {
            switch placement {
            case .wordStart: trieTargetStarts.append(Int32(targets.count))
            case .wordEnd: suffixTargetStarts.append(Int32(targets.count))
            case .anywhere: targetStarts.append(Int32(targets.count))
            }
            for (literal, list) in zip(literals, literalTargets) {
                let chosen = list.filter { $0.target.placement == placement }
                guard !chosen.isEmpty else { continue }
                targets.append(contentsOf: chosen.map { $0.target })
                squeezed.append(contentsOf: chosen.map { $0.squeezed })
                switch placement {
                case .wordStart:
                    trieLiterals.append(literal)
                    trieTargetStarts.append(Int32(targets.count))
                case .wordEnd:
                    suffixLiterals.append(literal.reversed())
                    suffixTargetStarts.append(Int32(targets.count))
                case .anywhere:
                    _ = builder.add(literal)
                    anywhereLiterals.append(literal)
                    targetStarts.append(Int32(targets.count))
                }
            }
        }
        var detectorAtoms: [DetectorKind: AtomID] = [:]
        for (atom, kind) in atoms.enumerated() {
            if case .detector(let detector) = kind { detectorAtoms[detector] = AtomID(atom) }
        }
        // The DFA numbers floating literals suffixes first, then infixes: their targets follow
        // each other in the same order.
        // A literal whose every target needs a word end counts only before a non-word byte.
        let endChecked = (trieTargetStarts.indices.dropLast().map { (trieTargetStarts[$0], trieTargetStarts[$0 + 1]) }
            + (suffixTargetStarts + targetStarts.dropFirst()).indices.dropLast().map {
                let starts = suffixTargetStarts + targetStarts.dropFirst()
                return (starts[$0], starts[$0 + 1])
            })
            .map { range in (Int(range.0)..<Int(range.1)).allSatisfy { targets[$0].needsWordEnd } }
        let floating = suffixLiterals.map { Array($0.reversed()) } + anywhereLiterals
        let dfa = Eventual(onThread: threads > 1) { [trieLiterals, dfaMemoryLimit] in
            WordStartAutomaton(anchored: trieLiterals, floating: floating, endChecked: endChecked,
                               memoryLimit: dfaMemoryLimit)
        }
        return Result(trie: LiteralTrie(trieLiterals), literalDFA: dfa,
                      floatingTargetStarts: suffixTargetStarts + targetStarts.dropFirst(),
                      trieTargetStarts: trieTargetStarts,
                      suffixTrie: LiteralTrie(suffixLiterals), suffixTargetStarts: suffixTargetStarts,
                      automaton: builder.build(), targetStarts: targetStarts, targets: targets,
                      literalCount: literals.count, squeezed: squeezed, atoms: atoms,
                      detectorAtoms: detectorAtoms, programs: programs, programsByFirstAtom: programsByFirstAtom,
                      rules: rules, matchOwners: matchOwners, composites: composites, categories: categories)
    }

    /// Rules in an order where every composite comes after its components (the loader has
    /// already rejected cycles and unknown ids; anything left over keeps its place).
    private func dependencyOrder(_ rules: [CompiledRule]) -> [Int] {
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var state = Array(repeating: 0, count: rules.count)  // 0 new, 1 in progress, 2 done
        var order: [Int] = []
        for root in rules.indices where state[root] == 0 {
            var stack: [(Int, Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = stack.popLast() {
                let deps = (rules[node].rule.composite?.of ?? []).compactMap { index[$0] }
                if next < deps.count {
                    stack.append((node, next + 1))
                    let dep = deps[next]
                    if state[dep] == 0 {
                        state[dep] = 1
                        stack.append((dep, 0))
                    }
                } else {
                    state[node] = 2
                    order.append(node)
                }
            }
        }
        return order
    }

    private mutating func compileRule(_ rule: Rule, category: Int32) -> CompiledRule {
        let match = rule.patterns.map { compilePattern($0) }
        let near = rule.near.map { compileContext($0) }
        let unless = rule.unless.map { compilePattern($0) }
        let unlessNear = rule.unlessNear.map { compileContext($0) }
        var exactWords: [[UInt8]] = []
        if rule.diacritics == .exact {
            var options = normalizer.options
            options.remove(.foldDiacritics)
            let unfolded = Normalizer(options: options)
            for pattern in rule.patterns {
                for word in Self.words(in: pattern.elements) {
                    let bytes = unfolded.normalize(word).bytes
                    if bytes != normalizer.normalize(word).bytes { exactWords.append(bytes) }
                }
            }
        }
        return CompiledRule(id: rule.id, category: category, weight: rule.weight, languages: rule.languages,
                            match: match, near: near, unless: unless, unlessNear: unlessNear, components: [],
                            atLeast: rule.composite?.atLeast ?? 0, within: rule.composite?.within,
                            exactWords: exactWords, rule: rule)
    }

    private mutating func compileContext(_ context: Context) -> CompiledContext {
        CompiledContext(programs: context.any.map { compilePattern($0) }, within: context.within, side: context.side)
    }

    private mutating func compilePattern(_ pattern: Pattern) -> Int32 {
        var problems: [String] = []
        let program = PatternProgramBuilder.compile(pattern, estimates: atomEstimates, groups: groupAtoms) { element in
            atom(for: element, problems: &problems)
        }
        if problems.isEmpty { groupAtoms.commit() } else { groupAtoms.discard() }
        for problem in problems { diagnostics.append(Diagnostic(at: pattern.location, problem)) }
        programs.append(program)
        return Int32(programs.count - 1)
    }

    private mutating func atom(for element: PatternElement, problems: inout [String]) -> AtomID {
        let kind: AtomKind
        switch element {
        case .detector(let detector):
            kind = .detector(detector)
        case .word(let word, let anchoring):
            if let known = wordAtoms[WordAtomKey(word: word, anchoring: anchoring)] { return known }
            let bytes: [UInt8]
            if let known = normalizedWords[word] {
                bytes = known
            } else {
                bytes = normalizer.normalize(word).bytes
                normalizedWords[word] = bytes
            }
            if bytes.isEmpty || bytes.contains(0x20) {
                problems.append(bytes.isEmpty
                    ? "pattern word '\(word)' is empty after normalization; write a word with letters or digits"
                    : "pattern word '\(word)' normalizes to several words ('\(String(decoding: bytes, as: UTF8.self))'); write them as separate words")
            }
            kind = .word(bytes, anchoring)
        case .gap, .group:
            preconditionFailure("only words and detectors are atoms")
        }
        let id: AtomID
        if let existing = atomIDs[kind] {
            id = existing
        } else {
            id = AtomID(atoms.count)
            atoms.append(kind)
            atomEstimates.values.append(AtomFrequency.estimate(kind))
            atomIDs[kind] = id
            addLiterals(of: kind, id)
        }
        if case .word(let word, let anchoring) = element, case .word(let bytes, _) = kind,
           !bytes.isEmpty && !bytes.contains(0x20) {
            wordAtoms[WordAtomKey(word: word, anchoring: anchoring)] = id
        }
        return id
    }

    /// The literals of a new atom: its word's bytes and their squeezed variants.
    private mutating func addLiterals(of kind: AtomKind, _ id: AtomID) {
        if case .word(let bytes, let anchoring) = kind, !bytes.isEmpty {
            for (variant, squeezed) in Self.squeezedVariants(of: bytes) {
                addLiteral(variant, LiteralTarget(atom: id, anchoring: anchoring,
                                                  startsWithWordCharacter: Self.isWordByte(variant, at: 0),
                                                  endsWithWordCharacter: Self.isWordByte(variant, at: Self.lastScalarStart(variant)),
                                                  squeezedCount: Int32(squeezed.count)), squeezed)
            }
        }
    }

    private mutating func addLiteral(_ bytes: [UInt8], _ target: LiteralTarget, _ squeezed: [Int32]) {
        if let id = literalIDs[LiteralKey(bytes: bytes)] {
            literalTargets[Int(id)].append((target, squeezed))
        } else {
            literalIDs[LiteralKey(bytes: bytes)] = Int32(literals.count)
            literals.append(bytes)
            literalTargets.append([(target, squeezed)])
        }
    }

    /// The word itself, plus each variant with a non-empty subset of its (first few) double
    /// ASCII letters reduced to one, with the offsets of the reduced letters in the variant.
    /// Posts squeeze runs of three or more identical letters to one, so "goooood" becomes
    /// "god"; the variant "god" of "good" matches it only where the post really had a run.
    static func squeezedVariants(of word: [UInt8]) -> [([UInt8], [Int32])] {
        var doubles: [Int] = []
        var i = 0
        while i + 1 < word.count && doubles.count < maxSqueezedDoubles {
            let b = word[i]
            if b >= 0x61 && b <= 0x7A && word[i + 1] == b && (i + 2 >= word.count || word[i + 2] != b) {
                doubles.append(i)
                i += 2
            } else {
                i += 1
            }
        }
        var variants: [([UInt8], [Int32])] = [(word, [])]
        guard !doubles.isEmpty else { return variants }
        for mask in 1..<(1 << doubles.count) {
            var variant: [UInt8] = []
            var squeezed: [Int32] = []
            var skip = Set<Int>()
            for (bit, offset) in doubles.enumerated() where mask & (1 << bit) != 0 { skip.insert(offset + 1) }
            for (offset, byte) in word.enumerated() {
                if skip.contains(offset) {
                    squeezed.append(Int32(variant.count - 1))
                    continue
                }
                variant.append(byte)
            }
            variants.append((variant, squeezed))
        }
        return variants
    }

    static func lastScalarStart(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Whether the scalar starting at `offset` is a word character (letter, digit, mark, `_`),
    /// as the normalizer's word boundaries see it. Compile time only.
    static func isWordByte(_ bytes: [UInt8], at offset: Int) -> Bool {
        if offset < bytes.count && bytes[offset] < 0x80 {
            let b = bytes[offset]
            return (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F
        }
        guard offset < bytes.count,
              let scalar = String(decoding: bytes[offset...], as: UTF8.self).unicodeScalars.first else { return false }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || scalar == "_"
    }

    /// The number of words and detectors in `ruleSet`'s patterns, each list's items counted
    /// once however many patterns name the list (they share one array): at least the number
    /// of distinct atoms.
    static func atomBound(_ ruleSet: RuleSet) -> Int {
        var lists = Set<UnsafeRawPointer>()
        var count = 0
        var stack: [[PatternElement]] = []
        for category in ruleSet.categories {
            for rule in category.rules {
                for pattern in rule.patterns + rule.unless + (rule.near?.any ?? []) + (rule.unlessNear?.any ?? []) {
                    stack.append(pattern.elements)
                }
            }
        }
        while let elements = stack.popLast() {
            for element in elements {
                switch element {
                case .word, .detector:
                    count += 1
                case .gap:
                    break
                case .group(let alternatives, _):
                    let storage = alternatives.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
                    if let storage, lists.insert(storage).inserted { stack.append(contentsOf: alternatives) }
                }
            }
        }
        return count
    }

    /// The literal words of a pattern, in order, groups flattened.
    static func words(in elements: [PatternElement]) -> [String] {
        var result: [String] = []
        var stack = Array(elements.reversed())
        while let element = stack.popLast() {
            switch element {
            case .word(let word, _): result.append(word)
            case .group(let alternatives, _): stack.append(contentsOf: alternatives.flatMap { $0 }.reversed())
            case .gap, .detector: break
            }
        }
        return result
    }
}

/// A pattern word as written and its anchoring (the key of ``RuleCompiler``'s word cache).
private struct WordAtomKey: Hashable {
    var word: String
    var anchoring: WordAnchoring
}

/// A literal's bytes as a dictionary key, hashed as one buffer rather than byte by byte.
private struct LiteralKey: Hashable {
    var bytes: [UInt8]

    func hash(into hasher: inout Hasher) { hasher.combine(contentsOf: bytes) }
}

extension Hasher {
    /// `bytes` with their count, fed as one buffer: `[UInt8]`'s own conformance combines them
    /// one call per byte.
    mutating func combine(contentsOf bytes: [UInt8]) {
        combine(bytes.count)
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }
}
