/// The bounds a rules folder must stay within. Each one caps the work or memory a rule file can
/// demand, so a hostile or broken file fails fast with a message naming the value and the limit.
///
///     var limits = RuleLimits.standard
///     limits.rules = 10
///     let rules = try RuleSetLoader.load(sources: files, limits: limits)
///
/// `Rules/README.md` documents every limit; keep the two in step.
public struct RuleLimits: Hashable, Sendable {
    /// Bytes of one rule file (8 MiB).
    public var fileBytes = 8 << 20
    /// Bytes of one guideline file (8 MiB): guidelines are read whole and searched for every
    /// citation, so their size bounds the cost of each lookup.
    public var guidelineBytes = 8 << 20
    /// Bytes of guideline text the citation checks may pass over together (1 GiB, a few
    /// seconds): each distinct citation is one linear search of its file, so 100,000 rules
    /// citing distinct words at the end of an 8 MiB file would otherwise take most of an hour.
    public var citationScanBytes = 1 << 30
    /// YAML nodes visited in one file, counting every alias expansion (defeats alias bombs).
    public var yamlNodes = 2_000_000
    /// Anchors (`&name`) in one file. Each anchor can deepen the YAML tree by up to the YAML
    /// parser's own nesting limit (1,000), so this keeps the tree shallow enough to free safely.
    public var yamlAnchors = 20
    /// Rules in all files together.
    public var rules = 100_000
    /// Patterns of one rule (`match`, `unless`, `near.any`, `unless_near.any` each).
    public var patternsPerRule = 10_000
    /// UTF-8 bytes of one pattern.
    public var patternBytes = 1_000
    /// Groups inside groups in one pattern.
    public var groupDepth = 8
    /// Alternatives of one group.
    public var alternativesPerGroup = 1_000
    /// Elements of one sequence: the pattern itself or one alternative of a group.
    public var elementsPerSequence = 64
    /// Lists referring to lists (`<a>` whose items use `<b>` …), counting the outermost.
    public var listDepth = 8
    /// Items of one list.
    public var itemsPerList = 10_000
    /// Examples of one rule (`match` and `no_match` each).
    public var examplesPerRule = 1_000
    /// UTF-8 bytes of one example.
    public var exampleBytes = 10_000
    /// Literal words of all patterns together, every list reference counted with all its words.
    public var literalWords = 1_000_000
    /// Diagnostics kept; the rest are counted in one closing diagnostic.
    public var diagnostics = 1_000

    /// The largest gap `*N` and the largest `within`.
    public static let maxGap = 50
    /// The gap `*` stands for `*3`.
    public static let defaultGap = 3
    /// The largest `within` of `near`, `unless_near` and `requires`.
    public static let maxWithin = 50

    public init() {}

    /// The limits the loader applies unless told otherwise.
    public static let standard = RuleLimits()
}
