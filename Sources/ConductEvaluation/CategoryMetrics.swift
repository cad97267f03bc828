/// Confusion counts and scores of one category over a set of posts.
///
///     let m = CategoryMetrics(category: "selling", tp: 2, fp: 1, fn: 2, tn: 5)
///     m.precision   // 0.6667 (2 / 3)
///     m.recall      // 0.5    (2 / 4)
///     m.f1          // 0.5714
///
/// Scores are rounded to 4 decimals, so a report written to JSON reads back equal and a
/// committed baseline diffs cleanly. Zero denominators follow scikit-learn's
/// `zero_division=0`: precision is 0 when nothing was predicted (tp + fp = 0), recall is 0
/// when the category has no gold positives (tp + fn = 0), F1 is 0 when precision + recall = 0.
public struct CategoryMetrics: Hashable, Sendable, Codable {
    /// The category name (`all` for the micro average).
    public let category: String
    /// Gold positive, predicted positive.
    public let tp: Int
    /// Gold negative, predicted positive.
    public let fp: Int
    /// Gold positive, predicted negative.
    public let fn: Int
    /// Gold negative, predicted negative.
    public let tn: Int
    /// tp / (tp + fp), 0 when nothing was predicted.
    public let precision: Double
    /// tp / (tp + fn), 0 when there are no gold positives.
    public let recall: Double
    /// Harmonic mean of the unrounded precision and recall, 2·tp / (2·tp + fp + fn); 0 when
    /// precision and recall are both 0 (tp = 0).
    public let f1: Double
    /// Gold positives: tp + fn.
    public let support: Int

    /// Computes the scores from the counts.
    public init(category: String, tp: Int, fp: Int, fn: Int, tn: Int) {
        self.category = category
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.tn = tn
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        self.precision = rounded4(precision)
        self.recall = rounded4(recall)
        self.f1 = rounded4(Self.f1(tp: tp, fp: fp, fn: fn))
        self.support = tp + fn
    }

    /// The unrounded F1: 2·tp / (2·tp + fp + fn), 0 when tp = 0.
    static func f1(tp: Int, fp: Int, fn: Int) -> Double {
        tp == 0 ? 0 : Double(2 * tp) / Double(2 * tp + fp + fn)
    }

    /// Posts predicted positive: tp + fp.
    public var predicted: Int { tp + fp }
    /// Posts counted: tp + fp + fn + tn.
    public var posts: Int { tp + fp + fn + tn }
}

/// Posts judged and how many of them were right.
///
///     Accuracy(posts: 4, correct: 3).accuracy   // 0.75
public struct Accuracy: Hashable, Sendable, Codable {
    /// Posts judged.
    public let posts: Int
    /// Posts judged right.
    public let correct: Int
    /// correct / posts rounded to 4 decimals; 0 when there are no posts.
    public let accuracy: Double

    /// Computes `accuracy` from the counts.
    public init(posts: Int, correct: Int) {
        self.posts = posts
        self.correct = correct
        self.accuracy = posts == 0 ? 0 : rounded4(Double(correct) / Double(posts))
    }
}

/// Per-category metrics restricted to one group of posts: a language or a corpus file.
public struct GroupMetrics: Hashable, Sendable, Codable {
    /// The language code or the corpus file name.
    public let name: String
    /// Posts of the group that were evaluated.
    public let posts: Int
    /// One entry per category, in the evaluation's category order.
    public let categories: [CategoryMetrics]

    /// Assembles a group; `categories` in the evaluation's category order.
    public init(name: String, posts: Int, categories: [CategoryMetrics]) {
        self.name = name
        self.posts = posts
        self.categories = categories
    }

    /// The metrics of `category`, nil when the evaluation had no such category.
    public func metrics(for category: String) -> CategoryMetrics? {
        categories.first { $0.category == category }
    }
}

/// `x` rounded half away from zero to 4 decimals.
func rounded4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
