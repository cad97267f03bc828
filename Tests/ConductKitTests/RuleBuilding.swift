import ConductKit
import ConductMatching
import ConductRules

/// Small constructors for rule models, so engine tests do not depend on the YAML loader.
enum R {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    static func w(_ word: String, _ anchoring: WordAnchoring = .whole) -> PatternElement { .word(word, anchoring) }
    static func gap(_ max: Int = 3) -> PatternElement { .gap(max: max) }
    static func d(_ kind: DetectorKind) -> PatternElement { .detector(kind) }
    static func alt(_ alternatives: [PatternElement]..., optional: Bool = false) -> PatternElement {
        .group(alternatives, optional: optional)
    }

    /// A pattern of whole words separated by spaces, or explicit elements.
    static func p(_ words: String) -> Pattern {
        Pattern(source: words, elements: words.split(separator: " ").map { w(String($0)) }, location: here)
    }

    static func p(_ elements: [PatternElement], source: String = "pattern") -> Pattern {
        Pattern(source: source, elements: elements, location: here)
    }

    static func rule(_ id: String, weight: Double = 0.6, lang: [String] = [], _ patterns: [Pattern],
                     near: Context? = nil, unless: [Pattern] = [], unlessNear: Context? = nil,
                     composite: Composite? = nil) -> Rule {
        Rule(id: RuleID(id), description: "test rule \(id)",
             guideline: Citation(file: "code.txt", quote: "be kind"), weight: weight, languages: lang,
             patterns: patterns, near: near, unless: unless, unlessNear: unlessNear, composite: composite,
             location: here)
    }

    static func category(_ name: String, review: Double = 0.5, remove: Double = 0.85, _ rules: [Rule]) -> Category {
        Category(name: name, description: name, guideline: nil, thresholds: Thresholds(review: review, remove: remove),
                 rules: rules, file: "\(name).yaml")
    }

    static func compile(_ categories: Category...) throws -> CompiledRules {
        try CompiledRules(RuleSet(categories: categories))
    }

    /// (rule, start, end, match) of every hit.
    static func hits(_ verdict: Verdict) -> [String] {
        verdict.hits.map { "\($0.rule)@\($0.span.start)..<\($0.span.end)'\($0.match)'" }
    }
}
