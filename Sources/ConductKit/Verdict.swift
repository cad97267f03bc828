import ConductNormalization
import ConductRules

/// What to do with a post: the strongest action any category's thresholds ask for.
public enum Action: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case allow, review, remove

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    var rank: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .remove: 2
        }
    }
}

/// One rule that matched a post, located in the post exactly as it was given.
///
///     let hit = verdict.hits[0]
///     hit.rule          // "selling.discount_code"
///     hit.span          // 4..<15, UTF-8 byte offsets into the original post
///     hit.match         // "code SAVE20", the original bytes of that span
public struct Hit: Sendable, Hashable {
    public var rule: RuleID
    public var category: String
    public var weight: Double
    /// UTF-8 byte offsets into the original post.
    public var span: OriginalSpan
    /// The original text of `span` (invalid UTF-8 in it shown as U+FFFD).
    public var match: String

    public init(rule: RuleID, category: String, weight: Double, span: OriginalSpan, match: String) {
        self.rule = rule
        self.category = category
        self.weight = weight
        self.span = span
        self.match = match
    }
}

/// A category's score for one post.
public struct CategoryScore: Sendable, Hashable {
    public var category: String
    /// 0...1: `1 − Π(1 − weight)` over the distinct rules of the category that hit.
    public var score: Double
    public init(category: String, score: Double) {
        self.category = category
        self.score = score
    }
}

/// The classification of one post.
///
///     let verdict = try Classifier.bundled().classify("Use code SAVE20 for 20% off")
///     verdict.labels   // ["selling"]
///     verdict.action   // .review
///
/// Size: at most ``maximumHitsPerRule`` hits per rule, so a verdict grows with the number of
/// rules that hit, never with the length of the post.
public struct Verdict: Sendable, Hashable {
    /// The most hits one rule reports for one post: its first 100 in the post, by start
    /// offset. A rule that matches more often still hits and scores exactly as with one match
    /// (a rule counts once in its category's score), and still appears in ``hits``; only its
    /// further spans are left out, so that a post repeating a trigger phrase a million times
    /// yields a verdict of bounded size. ``CompiledRules/explain(_:language:)`` lists at most
    /// this many hits and this many near misses per rule as well.
    public static let maximumHitsPerRule = 100

    /// Categories whose score reached their review threshold, sorted by name.
    public var labels: [String]
    public var action: Action
    /// One score per category of the rule set, in the rule set's category order.
    public var scores: [CategoryScore]
    /// Scored hits, ordered by original start offset, then end, then rule ID: every rule
    /// that hit, each with its first ``maximumHitsPerRule`` matches.
    public var hits: [Hit]

    public init(labels: [String], action: Action, scores: [CategoryScore], hits: [Hit]) {
        self.labels = labels
        self.action = action
        self.scores = scores
        self.hits = hits
    }

    /// The score of `category`, 0 when the rule set has no such category.
    public func score(for category: String) -> Double {
        scores.first { $0.category == category }?.score ?? 0
    }

    /// True when no category reached its threshold.
    public var isClean: Bool { labels.isEmpty }
}
