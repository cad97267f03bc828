/// The result of evaluating a classifier on a labelled corpus; also the baseline format.
///
///     let report = Evaluation(categories: names).evaluate(posts: posts) { classifier.classify($0.text) }
///     report.metrics(for: "selling")?.f1                  // 0.8125
///     try report.jsonData()                               // stable JSON, for --write-baseline
///     print(report.rendered(as: .text))                   // tables like SpamAssassin's STATISTICS
///
/// Everything in it is derived from counts, with scores rounded to 4 decimals, so encoding
/// to JSON and decoding gives an equal report. Memory: one ``PostOutcome`` per evaluated post.
public struct EvaluationReport: Hashable, Sendable, Codable {
    /// The version of the JSON layout written by this library.
    public static let currentFormatVersion = 1

    /// The JSON layout version; ``init(jsonData:)`` refuses other versions.
    public let formatVersion: Int
    /// Whether posts marked ambiguous were evaluated.
    public let includeAmbiguous: Bool
    /// Corpus-wide counts, exact-match accuracy and macro F1.
    public let totals: EvaluationTotals
    /// One entry per category, in the evaluation's category order.
    public let categories: [CategoryMetrics]
    /// Counts summed over all categories (micro average), named `all`.
    public let micro: CategoryMetrics
    /// Per language code, sorted by code.
    public let languages: [GroupMetrics]
    /// Per corpus file, sorted by file name.
    public let sources: [GroupMetrics]
    /// Present when some evaluated post has a `functionality`.
    public let functionalities: FunctionalityReport?
    /// Rules that hit at least once, and rules the evaluation was told about, sorted by hits
    /// (descending), then rule ID.
    public let rules: [RuleStatistics]
    /// Every evaluated post's gold and predicted labels, sorted by source, then id.
    public let outcomes: [PostOutcome]

    /// Assembles a report; ``Evaluation`` is the usual way to make one.
    public init(
        includeAmbiguous: Bool, totals: EvaluationTotals, categories: [CategoryMetrics],
        micro: CategoryMetrics, languages: [GroupMetrics], sources: [GroupMetrics],
        functionalities: FunctionalityReport?, rules: [RuleStatistics], outcomes: [PostOutcome]
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.includeAmbiguous = includeAmbiguous
        self.totals = totals
        self.categories = categories
        self.micro = micro
        self.languages = languages
        self.sources = sources
        self.functionalities = functionalities
        self.rules = rules
        self.outcomes = outcomes
    }

    /// The metrics of `category`, nil when the evaluation had no such category.
    public func metrics(for category: String) -> CategoryMetrics? {
        categories.first { $0.category == category }
    }

    /// The category names, in the evaluation's order.
    public var categoryNames: [String] { categories.map(\.category) }
}

/// Corpus-wide counts of an evaluation.
public struct EvaluationTotals: Hashable, Sendable, Codable {
    /// Posts evaluated.
    public let posts: Int
    /// Posts marked ambiguous that were not evaluated (0 when ambiguous posts are included).
    public let ambiguousLeftOut: Int
    /// Evaluated posts with at least one gold label.
    public let goldPositive: Int
    /// Evaluated posts with at least one predicted label.
    public let predictedPositive: Int
    /// Posts whose predicted labels equal their gold labels exactly.
    public let exactMatch: Accuracy
    /// Unweighted mean of the categories' unrounded F1, rounded to 4 decimals.
    public let macroF1: Double

    /// Assembles the totals; ``Evaluation`` is the usual way to make them.
    public init(posts: Int, ambiguousLeftOut: Int, goldPositive: Int, predictedPositive: Int,
                exactMatch: Accuracy, macroF1: Double) {
        self.posts = posts
        self.ambiguousLeftOut = ambiguousLeftOut
        self.goldPositive = goldPositive
        self.predictedPositive = predictedPositive
        self.exactMatch = exactMatch
        self.macroF1 = macroF1
    }
}

/// One evaluated post's gold and predicted labels: what a baseline needs to list flips.
public struct PostOutcome: Hashable, Sendable, Codable {
    /// The corpus file name.
    public let source: String
    /// The post's id.
    public let id: String
    /// Sorted.
    public let gold: [String]
    /// Sorted.
    public let predicted: [String]

    /// Sorts and deduplicates both label lists.
    public init(source: String, id: String, gold: [String], predicted: [String]) {
        self.source = source
        self.id = id
        self.gold = Array(Set(gold)).sorted()
        self.predicted = Array(Set(predicted)).sorted()
    }

    /// The post's identity across runs.
    public var key: PostKey { PostKey(source: source, id: id) }
    /// Predicted labels equal gold labels.
    public var isCorrect: Bool { gold == predicted }
}
