import ConductKit

/// How often one rule hit, in the manner of SpamAssassin's `hit-frequencies`.
///
///     let row = report.rules[0]
///     row.rule        // "harassment.direct_insult"
///     (row.positives, row.negatives, row.precision, row.unique)   // (12, 3, 0.8, 5)
///
/// Counts are posts, not occurrences: a rule that matches twice in a post counts once.
/// A post is a positive for the rule when its gold labels include the rule's category.
public struct RuleStatistics: Hashable, Sendable, Codable {
    /// The rule's ID.
    public let rule: RuleID
    /// The category the rule scores for.
    public let category: String
    /// Evaluated posts the rule hit whose gold labels include `category`.
    public let positives: Int
    /// Evaluated posts the rule hit whose gold labels do not include `category`.
    public let negatives: Int
    /// positives / (positives + negatives), 0 when the rule never hit.
    public let precision: Double
    /// Posts (positive or negative) where this rule was the only rule of its category to hit:
    /// the posts whose score in `category` comes from this rule alone.
    public let unique: Int

    /// Computes `precision` from the counts.
    public init(rule: RuleID, category: String, positives: Int, negatives: Int, unique: Int) {
        self.rule = rule
        self.category = category
        self.positives = positives
        self.negatives = negatives
        self.unique = unique
        let hits = positives + negatives
        self.precision = hits == 0 ? 0 : rounded4(Double(positives) / Double(hits))
    }

    /// Posts the rule hit: positives + negatives.
    public var hits: Int { positives + negatives }

    private enum CodingKeys: String, CodingKey {
        case rule, category, positives, negatives, precision, unique
    }

    /// Decodes a row written by ``encode(to:)``; the rule ID is a plain string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = RuleID(try container.decode(String.self, forKey: .rule))
        category = try container.decode(String.self, forKey: .category)
        positives = try container.decode(Int.self, forKey: .positives)
        negatives = try container.decode(Int.self, forKey: .negatives)
        precision = try container.decode(Double.self, forKey: .precision)
        unique = try container.decode(Int.self, forKey: .unique)
    }

    /// Encodes the row with the rule ID as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule.rawValue, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(positives, forKey: .positives)
        try container.encode(negatives, forKey: .negatives)
        try container.encode(precision, forKey: .precision)
        try container.encode(unique, forKey: .unique)
    }
}
