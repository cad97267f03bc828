/// What changed between a saved baseline report and the current one, and whether it is a
/// regression: the category-wide F1 of some category dropped by more than `tolerance`, or a
/// category that had gold positives in the baseline is gone.
///
///     let baseline = try EvaluationReport.load(from: URL(fileURLWithPath: "Corpus/baseline.json"))
///     let comparison = BaselineComparison(current: report, baseline: baseline, tolerance: 0.01, posts: posts)
///     if comparison.isRegression { print(comparison.rendered(as: .text)); exit(1) }
///
/// Posts are matched by ``PostKey`` (file name and id). A flip is a change of one category's
/// prediction for a post present in both reports, judged against the CURRENT gold labels (so
/// relabelling a post is not itself a flip). Per-file changes are listed to show where a change
/// comes from; only the category-wide F1 decides ``isRegression``.
/// Cost: O(posts × categories).
public struct BaselineComparison: Hashable, Sendable, Codable {
    /// The largest F1 drop (absolute, e.g. 0.01) that is not a regression.
    public let tolerance: Double
    /// True when a category ``CategoryChange/status`` is ``ChangeStatus/regressed``.
    public let isRegression: Bool
    /// The current categories in order, then the baseline's that are gone.
    public let categories: [CategoryChange]
    /// Per corpus file (sorted by name), the categories with gold or predicted positives on
    /// either side.
    public let sources: [SourceChange]
    /// Newly false positives, then newly false negatives, then newly correct; each group by
    /// category order, then file, then id.
    public let flips: [Flip]
    /// Evaluated posts with no outcome in the baseline.
    public let addedPosts: Int
    /// Baseline outcomes with no evaluated post now.
    public let removedPosts: Int
    /// Posts present in both whose gold labels changed.
    public let relabelledPosts: Int
    /// Differences in setup that make the numbers less comparable.
    public let notes: [String]

    /// Compares `current` with `baseline`.
    ///
    /// - Parameters:
    ///   - tolerance: the largest F1 drop allowed per category (≥ 0).
    ///   - posts: the current posts, to show the text of flipped posts (cut to 100 characters);
    ///     without them a flip's text is empty.
    public init(current: EvaluationReport, baseline: EvaluationReport, tolerance: Double = 0,
                posts: [LabelledPost] = []) {
        self.tolerance = tolerance
        let categories = Self.changes(before: baseline.categories, after: current.categories, tolerance: tolerance)
        self.categories = categories
        self.isRegression = categories.contains { $0.status == .regressed }

        let beforeSources = Dictionary(baseline.sources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let afterSources = Dictionary(current.sources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let order = categories.map(\.category)
        self.sources = Set(beforeSources.keys).union(afterSources.keys).sorted().map { name in
            let changes = order.compactMap { category -> CategoryChange? in
                let before = beforeSources[name]?.metrics(for: category)
                let after = afterSources[name]?.metrics(for: category)
                let relevant = [before, after].contains { $0.map { $0.support > 0 || $0.predicted > 0 } ?? false }
                guard relevant else { return nil }
                return CategoryChange(category: category, before: before, after: after, tolerance: tolerance)
            }
            return SourceChange(source: name, categories: changes)
        }

        let texts = Dictionary(posts.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let beforeOutcomes = Dictionary(baseline.outcomes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let currentKeys = Set(current.outcomes.map(\.key))
        var flips: [Flip] = []
        var added = 0
        var relabelled = 0
        for outcome in current.outcomes {
            guard let before = beforeOutcomes[outcome.key] else {
                added += 1
                continue
            }
            if before.gold != outcome.gold { relabelled += 1 }
            guard before.predicted != outcome.predicted else { continue }
            for category in current.categoryNames {
                let wasPredicted = before.predicted.contains(category)
                let isPredicted = outcome.predicted.contains(category)
                guard wasPredicted != isPredicted else { continue }
                let isGold = outcome.gold.contains(category)
                let kind: Flip.Kind = switch (isGold, isPredicted) {
                case (true, true), (false, false): .newlyCorrect
                case (false, true): .newlyFalsePositive
                case (true, false): .newlyFalseNegative
                }
                flips.append(Flip(
                    kind: kind, category: category, source: outcome.source, id: outcome.id,
                    gold: outcome.gold, before: before.predicted, after: outcome.predicted,
                    text: texts[outcome.key].map { excerpt($0) } ?? ""))
            }
        }
        let kindOrder = Flip.Kind.allCases
        let categoryOrder = current.categoryNames
        self.flips = flips.sorted {
            (kindOrder.firstIndex(of: $0.kind)!, categoryOrder.firstIndex(of: $0.category)!, $0.source, $0.id)
                < (kindOrder.firstIndex(of: $1.kind)!, categoryOrder.firstIndex(of: $1.category)!, $1.source, $1.id)
        }
        self.addedPosts = added
        self.removedPosts = beforeOutcomes.keys.filter { !currentKeys.contains($0) }.count
        self.relabelledPosts = relabelled

        var notes: [String] = []
        if current.includeAmbiguous != baseline.includeAmbiguous {
            notes.append(current.includeAmbiguous
                ? "the baseline left ambiguous posts out and this run includes them"
                : "the baseline included ambiguous posts and this run leaves them out")
        }
        if relabelled > 0 {
            notes.append(counted(relabelled, "post") + " changed gold labels since the baseline; "
                + "flips are judged against the current labels")
        }
        self.notes = notes
    }

    private static func changes(before: [CategoryMetrics], after: [CategoryMetrics],
                                tolerance: Double) -> [CategoryChange] {
        var result = after.map { metrics in
            CategoryChange(category: metrics.category, before: before.first { $0.category == metrics.category },
                           after: metrics, tolerance: tolerance)
        }
        for metrics in before where !after.contains(where: { $0.category == metrics.category }) {
            result.append(CategoryChange(category: metrics.category, before: metrics, after: nil, tolerance: tolerance))
        }
        return result
    }
}

/// How a category's F1 moved against the baseline.
public enum ChangeStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// F1 dropped by more than the tolerance, or the category is gone though it had gold
    /// positives in the baseline.
    case regressed
    /// F1 dropped within the tolerance, or F1 is equal and there are more errors (fp + fn),
    /// as when a category without gold positives gains false positives.
    case worse
    /// Same F1, same number of errors.
    case unchanged
    /// F1 rose, or F1 is equal and there are fewer errors.
    case improved
    /// Not in the baseline.
    case added
    /// Gone, and it had no gold positives in the baseline.
    case removed
}

/// One category's metrics before and after.
public struct CategoryChange: Hashable, Sendable, Codable {
    /// The category name.
    public let category: String
    /// Nil when the category is new.
    public let before: CategoryMetrics?
    /// Nil when the category is gone.
    public let after: CategoryMetrics?
    /// after − before, rounded to 4 decimals; nil when either side is missing.
    public let precisionDelta: Double?
    /// after − before, rounded to 4 decimals; nil when either side is missing.
    public let recallDelta: Double?
    /// after − before, rounded to 4 decimals; nil when either side is missing. Decides `status`.
    public let f1Delta: Double?
    /// How F1 (and, at equal F1, the error count) moved; see ``ChangeStatus``.
    public let status: ChangeStatus

    /// Compares `before` with `after`; the status follows the F1 delta and `tolerance`.
    public init(category: String, before: CategoryMetrics?, after: CategoryMetrics?, tolerance: Double) {
        self.category = category
        self.before = before
        self.after = after
        if let before, let after {
            precisionDelta = rounded4(after.precision - before.precision)
            recallDelta = rounded4(after.recall - before.recall)
            let f1Delta = rounded4(after.f1 - before.f1)
            self.f1Delta = f1Delta
            // 1e-9 absorbs binary rounding: a drop of exactly the tolerance is allowed.
            let errorDelta = (after.fp + after.fn) - (before.fp + before.fn)
            status = f1Delta < 0 && -f1Delta > tolerance + 1e-9 ? .regressed
                : f1Delta < 0 ? .worse : f1Delta > 0 ? .improved
                : errorDelta > 0 ? .worse : errorDelta < 0 ? .improved : .unchanged
        } else {
            precisionDelta = nil
            recallDelta = nil
            f1Delta = nil
            status = before == nil ? .added : (before!.support > 0 ? .regressed : .removed)
        }
    }
}

/// The category changes within one corpus file.
public struct SourceChange: Hashable, Sendable, Codable {
    /// The corpus file name.
    public let source: String
    /// Categories with gold or predicted positives in this file on either side, in category order.
    public let categories: [CategoryChange]
}

/// One post whose prediction for one category changed against the baseline.
public struct Flip: Hashable, Sendable, Codable {
    /// How the post's prediction for `category` changed, judged against the current gold labels.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Now predicted, not in the gold labels.
        case newlyFalsePositive
        /// In the gold labels, no longer predicted.
        case newlyFalseNegative
        /// Now agrees with the gold labels for this category.
        case newlyCorrect
    }

    /// Newly false positive, newly false negative or newly correct.
    public let kind: Kind
    /// The category whose prediction changed.
    public let category: String
    /// The corpus file name.
    public let source: String
    /// The post's id.
    public let id: String
    /// Current gold labels.
    public let gold: [String]
    /// Predicted labels in the baseline.
    public let before: [String]
    /// Predicted labels now.
    public let after: [String]
    /// The post's text on one line, cut to 100 characters; empty when not known.
    public let text: String

    /// The post's identity across runs.
    public var key: PostKey { PostKey(source: source, id: id) }
}
