import ConductMatching

/// A rule's stable identifier, `category.snake_case`; never reused once removed.
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The part before the first period.
    public var category: String { String(rawValue.prefix { $0 != "." }) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

/// The guideline text a rule enforces: a file in the guidelines folder and words quoted from it.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var quote: String
    public init(file: String, quote: String) {
        self.file = file
        self.quote = quote
    }
    public var description: String { "\(file) \"\(quote)\"" }
}

/// Score thresholds of a category: a score at or above `review` labels the post and asks for
/// review; at or above `remove`, removal. `0 < review <= remove <= 1`.
public struct Thresholds: Hashable, Sendable {
    public var review: Double
    public var remove: Double
    public init(review: Double, remove: Double) {
        self.review = review
        self.remove = remove
    }
}

/// How a pattern word is anchored to word boundaries.
public enum WordAnchoring: String, Hashable, Sendable {
    /// `idiot`: a whole word (or the whole words of a phrase).
    case whole
    /// `scam*`: starts a word, may continue ("scammers").
    case prefix
    /// `*hole`: ends a word ("asshole").
    case suffix
    /// `*kanker*`: anywhere inside a word ("kankerlijer").
    case infix

    /// Hashes the case alone: the conformance a `String`-backed enum gets otherwise hashes
    /// its raw value, a string, and the compiler hashes every pattern word's anchoring.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .whole: hasher.combine(0 as UInt8)
        case .prefix: hasher.combine(1 as UInt8)
        case .suffix: hasher.combine(2 as UInt8)
        case .infix: hasher.combine(3 as UInt8)
        }
    }
}

/// One element of a parsed pattern. Lists (`<name>`) are already resolved into groups.
public indirect enum PatternElement: Hashable, Sendable {
    /// A literal word as written (not yet normalized; the compiler normalizes it like posts).
    case word(String, WordAnchoring)
    /// `*` (up to 3 words) or `*N` (up to N words) between the parts around it.
    case gap(max: Int)
    /// `{email}`, `{phone}`, …: one detection of that kind.
    case detector(DetectorKind)
    /// `(a b|c)`: one of the alternatives, each a sequence; `(…)?` may also be absent.
    case group([[PatternElement]], optional: Bool)
}

/// A parsed pattern with its source text and where it was written.
public struct Pattern: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var elements: [PatternElement]
    public var location: SourceLocation
    public init(source: String, elements: [PatternElement], location: SourceLocation) {
        self.source = source
        self.elements = elements
        self.location = location
    }
    public var description: String { source }
}

/// Context words: `near: { any: [...], within: N, side: before|after|either }`.
public struct Context: Hashable, Sendable {
    public enum Side: String, Hashable, Sendable, CaseIterable { case before, after, either }
    public var any: [Pattern]
    /// Words between the rule's match and a context match, at most.
    public var within: Int
    public var side: Side
    public init(any: [Pattern], within: Int, side: Side = .either) {
        self.any = any
        self.within = within
        self.side = side
    }
}

/// N-of-M: `requires: { at_least: N, of: [rule ids], within: W }`: the rule hits when at least
/// N of the listed rules hit (optionally with all of them within W words of each other).
public struct Composite: Hashable, Sendable {
    public var atLeast: Int
    public var of: [RuleID]
    public var within: Int?
    public init(atLeast: Int, of: [RuleID], within: Int? = nil) {
        self.atLeast = atLeast
        self.of = of
        self.within = within
    }
}

/// A rule example. `text` has the `⟦…⟧` markers removed; `spans` are the marked ranges as
/// UTF-8 byte offsets into `text`, in order (empty when the example marks none).
public struct Example: Hashable, Sendable {
    public var text: String
    public var spans: [Range<Int>]
    public var location: SourceLocation
    public init(text: String, spans: [Range<Int>], location: SourceLocation) {
        self.text = text
        self.spans = spans
        self.location = location
    }
}

/// Whether matching ignores diacritics (default) or checks them in the original text.
public enum DiacriticsMode: String, Hashable, Sendable, CaseIterable { case fold, exact }

/// One rule of a category file.
public struct Rule: Hashable, Sendable {
    public var id: RuleID
    public var description: String
    public var guideline: Citation
    /// 0...1. A weight of 0 makes a component: it scores nothing alone, composites use it.
    public var weight: Double
    /// ISO 639-1 codes; the rule applies to posts of these languages (and to posts whose
    /// language is not given).
    public var languages: [String]
    /// Any one of these matching makes the rule hit (empty for a composite).
    public var patterns: [Pattern]
    public var near: Context?
    /// A hit is dropped when one of these matches a span overlapping it.
    public var unless: [Pattern]
    /// A hit is dropped when one of these matches within the given words of it.
    public var unlessNear: Context?
    public var composite: Composite?
    public var diacritics: DiacriticsMode
    public var matchExamples: [Example]
    public var noMatchExamples: [Example]
    public var location: SourceLocation

    public init(id: RuleID, description: String, guideline: Citation, weight: Double, languages: [String],
                patterns: [Pattern], near: Context? = nil, unless: [Pattern] = [], unlessNear: Context? = nil,
                composite: Composite? = nil, diacritics: DiacriticsMode = .fold,
                matchExamples: [Example] = [], noMatchExamples: [Example] = [], location: SourceLocation) {
        self.id = id
        self.description = description
        self.guideline = guideline
        self.weight = weight
        self.languages = languages
        self.patterns = patterns
        self.near = near
        self.unless = unless
        self.unlessNear = unlessNear
        self.composite = composite
        self.diacritics = diacritics
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.location = location
    }
}

/// One category file: `Rules/<category>.yaml`.
public struct Category: Hashable, Sendable {
    public var name: String
    public var description: String
    public var guideline: Citation?
    public var thresholds: Thresholds
    public var rules: [Rule]
    public var file: String
    public init(name: String, description: String, guideline: Citation?, thresholds: Thresholds,
                rules: [Rule], file: String) {
        self.name = name
        self.description = description
        self.guideline = guideline
        self.thresholds = thresholds
        self.rules = rules
        self.file = file
    }
}

/// Every category of a rules folder, validated.
///
///     let rules = try RuleSetLoader.load(directory: "Rules")
///     rules.rule("selling.discount_code")?.weight     // 0.6
///     rules.category(named: "selling")?.thresholds    // review 0.5, remove 0.85
///
/// Lookups by id or name are dictionary lookups (O(1)); the index is rebuilt whenever
/// `categories` changes (O(rules)).
public struct RuleSet: Hashable, Sendable {
    /// In canonical order: the five standard categories first, then others by name.
    public var categories: [Category] {
        didSet { index = Self.makeIndex(categories) }
    }
    /// Rule id → (category position, rule position). Derived from `categories`.
    private var index: [RuleID: Index]

    private struct Index: Hashable, Sendable {
        var category: Int
        var rule: Int
    }

    public init(categories: [Category]) {
        let sorted = categories.sorted { Self.order($0.name) < Self.order($1.name) }
        self.categories = sorted
        self.index = Self.makeIndex(sorted)
    }
    public var rules: [Rule] { categories.flatMap(\.rules) }

    /// The rule with this id, if any.
    public func rule(_ id: RuleID) -> Rule? {
        index[id].map { categories[$0.category].rules[$0.rule] }
    }

    /// The category a rule id belongs to, if the rule exists.
    public func category(of id: RuleID) -> Category? {
        index[id].map { categories[$0.category] }
    }

    /// The category with this name, if any.
    public func category(named name: String) -> Category? {
        categories.first { $0.name == name }
    }

    public static let standardCategories = ["harassment", "selling", "unsolicited_dm", "doxxing", "defamatory"]
    static func order(_ name: String) -> (Int, String) {
        (standardCategories.firstIndex(of: name) ?? standardCategories.count, name)
    }

    private static func makeIndex(_ categories: [Category]) -> [RuleID: Index] {
        var index: [RuleID: Index] = [:]
        for (c, category) in categories.enumerated() {
            for (r, rule) in category.rules.enumerated() where index[rule.id] == nil {
                index[rule.id] = Index(category: c, rule: r)
            }
        }
        return index
    }
}
