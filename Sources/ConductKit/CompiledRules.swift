import ConductMatching
import ConductNormalization
import ConductRules

/// A rule set compiled for matching: every literal word of every rule in ONE automaton, the
/// detectors the rules use, and a small word-level program per pattern.
///
///     let rules = try RuleSetLoader.load(directory: "Rules")
///     let compiled = try CompiledRules(rules)
///     let verdict = compiled.classify("Use code SAVE20 for 20% off")
///
/// Immutable and `Sendable`: build once, classify from any number of threads without locks.
/// Compiling is linear in the total size of the rules; classifying a post costs one
/// normalization pass, one automaton pass, the detectors the rules use, and then work
/// proportional to the words that matched some literal.
public struct CompiledRules: Sendable {
    /// The rule set this was compiled from.
    public let ruleSet: RuleSet
    /// The normalizer applied to posts and, at compile time, to every pattern word.
    public let normalizer: Normalizer

    /// Literals that may begin anywhere (suffixes, infixes); the others are in `tables.trie`.
    let automaton: Automaton
    let atoms: [AtomKind]
    /// Detector kinds used by some rule, and the atom of each (nil when the kind is unused).
    let detectors: Detectors?
    let detectorAtoms: [DetectorKind: AtomID]
    let programs: [PatternProgram]
    /// For atom `a`: the programs that can start with it.
    let programsByFirstAtom: [[Int32]]
    /// In evaluation order: every rule after the rules it depends on.
    let rules: [CompiledRule]
    /// For program `p`: the rules (indices into `rules`) whose `match` patterns include it.
    let matchOwners: [[Int32]]
    /// Composite rules (indices into `rules`), in dependency order.
    let composites: [Int32]
    let categories: [CompiledCategory]
    let ruleIndex: [RuleID: Int32]
    /// The same rule set as flat arrays of plain values, for the per-post path.
    let tables: EvaluationTables
    /// A score of 0 for every category, shared by clean verdicts.
    let zeroScores: [CategoryScore]

    /// Compiles `ruleSet`. Throws when a pattern word normalizes to nothing, or when the rule
    /// set exceeds a compile limit; every problem is reported with its location.
    /// With `threads` above 1 the literal DFA is built on a second thread while the rest of
    /// the tables are; the compiled rules are the same either way.
    public init(_ ruleSet: RuleSet, normalizer: Normalizer = Normalizer(), threads: Int = 1) throws {
        try self.init(ruleSet, normalizer: normalizer, literalDFAMemoryLimit: RuleCompiler.literalDFAMemoryLimit,
                      threads: threads)
    }

    /// Compiles with a given limit for the literal DFA (0: the tries and the automaton alone).
    init(_ ruleSet: RuleSet, normalizer: Normalizer, literalDFAMemoryLimit: Int, threads: Int = 1) throws {
        var compiler = RuleCompiler(normalizer: normalizer, literalDFAMemoryLimit: literalDFAMemoryLimit,
                                    threads: threads)
        let result = compiler.compile(ruleSet)
        let diagnostics = compiler.diagnostics
        if !diagnostics.isEmpty { throw RuleLoadError(diagnostics) }
        self.init(ruleSet: ruleSet, normalizer: normalizer, result: result)
    }

    private init(ruleSet: RuleSet, normalizer: Normalizer, result: RuleCompiler.Result) {
        self.ruleSet = ruleSet
        self.normalizer = normalizer
        self.literalCount = result.literalCount
        self.automaton = result.automaton
        self.atoms = result.atoms
        self.detectorAtoms = result.detectorAtoms
        self.detectors = result.detectorAtoms.isEmpty ? nil : Detectors(kinds: Set(result.detectorAtoms.keys))
        self.programs = result.programs
        self.programsByFirstAtom = result.programsByFirstAtom
        self.rules = result.rules
        self.matchOwners = result.matchOwners
        self.composites = result.composites
        self.categories = result.categories
        self.ruleIndex = Dictionary(uniqueKeysWithValues: result.rules.enumerated().map { ($1.id, Int32($0)) })
        self.tables = EvaluationTables(result)
        self.zeroScores = result.categories.map { CategoryScore(category: $0.name, score: 0) }
    }

    /// The category names, in rule-set order (the order of `Verdict.scores`).
    public var categoryNames: [String] { categories.map(\.name) }

    /// Number of distinct literals (words as the patterns write them, after normalization,
    /// with their squeezed variants).
    public let literalCount: Int
}

/// What a literal found by the automaton stands for.
struct LiteralTarget: Sendable, BitwiseCopyable {
    var atom: AtomID
    /// A word must start where the literal starts (whole words and prefixes, unless the
    /// literal starts with a non-word character).
    var needsWordStart: Bool
    /// A word must end where the literal ends (whole words and suffixes, unless the literal
    /// ends with a non-word character).
    var needsWordEnd: Bool
    /// Where the literal can be found: see ``LiteralPlacement``.
    var placement: LiteralPlacement
    /// How many offsets into the literal had a double letter in the pattern that this variant
    /// reduced to one (listed in `EvaluationTables.squeezedOffsets`): the post's byte there
    /// must come from 2+ original bytes (a squeezed run).
    var squeezedCount: Int32
    /// A wildcard word (`scam*`, `*hole`, `*kanker*`): its occurrences cover the whole words
    /// they touch ("scammers", "asshole"), which is what a reader needs to see.
    var widens: Bool

    init(atom: AtomID, anchoring: WordAnchoring, startsWithWordCharacter: Bool, endsWithWordCharacter: Bool,
         squeezedCount: Int32) {
        self.atom = atom
        switch anchoring {
        case .whole:
            needsWordStart = startsWithWordCharacter
            needsWordEnd = endsWithWordCharacter
            placement = .wordStart
        case .prefix:
            needsWordStart = startsWithWordCharacter
            needsWordEnd = false
            placement = .wordStart
        case .suffix:
            needsWordStart = false
            needsWordEnd = endsWithWordCharacter
            placement = endsWithWordCharacter ? .wordEnd : .anywhere
        case .infix:
            needsWordStart = false
            needsWordEnd = false
            placement = .anywhere
        }
        self.squeezedCount = squeezedCount
        self.widens = anchoring != .whole
    }
}

/// Which structure finds a literal.
enum LiteralPlacement: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    /// Whole words and prefixes begin where a word can begin: the forward ``LiteralTrie``,
    /// walked from each such position.
    case wordStart
    /// Suffixes that end with a word character end where a word ends: the reversed trie,
    /// walked backwards from each such position.
    case wordEnd
    /// Infixes (and suffixes ending with punctuation) can be anywhere: the Aho-Corasick
    /// automaton.
    case anywhere
}

/// An atom: one word with its anchoring, or one detector kind.
enum AtomKind: Hashable, Sendable {
    case word([UInt8], WordAnchoring)
    case detector(DetectorKind)

    /// A word's bytes hashed as one buffer, not byte by byte as `[UInt8]` hashes them.
    func hash(into hasher: inout Hasher) {
        switch self {
        case .word(let bytes, let anchoring):
            hasher.combine(anchoring)
            hasher.combine(contentsOf: bytes)
        case .detector(let kind):
            hasher.combine(UInt8.max)
            hasher.combine(kind.rawValue)
        }
    }
}

/// A category with its thresholds.
struct CompiledCategory: Sendable {
    var name: String
    var thresholds: Thresholds
}

/// A word-position context (`near`, `unless_near`) compiled.
struct CompiledContext: Sendable {
    var programs: [Int32]
    var within: Int
    var side: Context.Side
}

/// A rule ready for evaluation.
struct CompiledRule: Sendable {
    var id: RuleID
    var category: Int32
    var weight: Double
    var languages: [String]
    var match: [Int32]
    var near: CompiledContext?
    var unless: [Int32]
    var unlessNear: CompiledContext?
    /// Indices into `CompiledRules.rules`, all before this rule.
    var components: [Int32]
    var atLeast: Int
    var within: Int?
    /// For `diacritics: exact`: the pattern words as written, normalized without diacritic
    /// folding; a hit must contain one of them in the same form (empty: no check).
    var exactWords: [[UInt8]]
    var rule: Rule
}
