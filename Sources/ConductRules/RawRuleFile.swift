/// A rule file as decoded, before patterns, lists and cross-file references are resolved.
/// Fields that failed to decode keep harmless defaults; the log then holds an error and the
/// loader never turns these into a `RuleSet`.
struct RawRuleFile {
    var path: String
    /// nil for lists.yaml.
    var category: Located<String>?
    var description = ""
    var guideline: Located<Citation>?
    var thresholds = Thresholds(review: 1, remove: 1)
    var lists: [RawList] = []
    var rules: [RawRule] = []
}

struct RawList {
    var name: String
    var location: SourceLocation
    var items: [Located<String>]
    /// The list was reported as wrong (empty, too long, items that are not strings): it stays
    /// defined, so references to it are not also reported as unknown, but resolves to nothing.
    var rejected = false
}

struct RawContext {
    var any: [Located<String>]
    var within: Int
    var side: Context.Side
}

struct RawComposite {
    var atLeast: Int
    var of: [Located<RuleID>]
    var within: Int?
    var location: SourceLocation
}

struct RawRule {
    var id: RuleID
    var location: SourceLocation
    var description = ""
    var guideline: Located<Citation>?
    var weight = 0.0
    var languages: [String] = []
    var match: [Located<String>] = []
    var near: RawContext?
    var unless: [Located<String>] = []
    var unlessNear: RawContext?
    var requires: RawComposite?
    var diacritics = DiacriticsMode.fold
    var matchExamples: [Example] = []
    var noMatchExamples: [Example] = []
}
