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

    let automaton: Automaton
    /// For automaton pattern `p`: `targets[targetStarts[p] ..< targetStarts[p + 1]]`.
    let targetStarts: [Int32]
    let targets: [LiteralTarget]
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

    /// Compiles `ruleSet`. Throws when a pattern word normalizes to nothing, or when the rule
    /// set exceeds a compile limit; every problem is reported with its location.
    public init(_ ruleSet: RuleSet, normalizer: Normalizer = Normalizer()) throws {
        var compiler = RuleCompiler(normalizer: normalizer)
        let result = compiler.compile(ruleSet)
        let diagnostics = compiler.diagnostics
        if !diagnostics.isEmpty { throw RuleLoadError(diagnostics) }
        self.init(ruleSet: ruleSet, normalizer: normalizer, result: result)
    }

    private init(ruleSet: RuleSet, normalizer: Normalizer, result: RuleCompiler.Result) {
        self.ruleSet = ruleSet
        self.normalizer = normalizer
        self.automaton = result.automaton
        self.targetStarts = result.targetStarts
        self.targets = result.targets
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
    }

    /// The category names, in rule-set order (the order of `Verdict.scores`).
    public var categoryNames: [String] { categories.map(\.name) }

    /// Number of distinct literals in the automaton.
    public var literalCount: Int { automaton.patternCount }
}

/// What a literal found by the automaton stands for.
struct LiteralTarget: Sendable {
    var atom: AtomID
    var anchoring: WordAnchoring
    /// Check the word start (false when the literal starts with a non-word character).
    var checkStart: Bool
    /// Check the word end (false when the literal ends with a non-word character).
    var checkEnd: Bool
    /// Offsets into the literal where the pattern had a double letter that this variant
    /// reduced to one: the post's byte there must come from 2+ original bytes (a squeezed run).
    var squeezed: [Int32]
}

/// An atom: one word with its anchoring, or one detector kind.
enum AtomKind: Hashable, Sendable {
    case word([UInt8], WordAnchoring)
    case detector(DetectorKind)
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
