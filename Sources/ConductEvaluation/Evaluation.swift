import ConductKit

/// Measures verdicts against the gold labels of a labelled corpus.
///
///     let evaluation = Evaluation(categories: ["harassment", "selling"])
///     let report = evaluation.evaluate(posts: posts) { classifier.classify($0.text) }
///     report.metrics(for: "selling")?.recall
///
/// The classifier is not built here: pass a closure, or the verdicts in post order. Posts
/// marked ambiguous are left out (and not classified) unless `includeAmbiguous` is set.
/// Gold or predicted labels outside `categories` count only in the exact-match accuracy.
/// Cost: O(posts × categories + hits) time; memory O(posts) for the per-post outcomes.
public struct Evaluation: Sendable {
    /// The categories measured, in report order.
    public var categories: [String]
    /// Evaluate posts marked `"ambiguous": true` too.
    public var includeAmbiguous: Bool
    /// Rules listed in the per-rule table even when they never hit (for spotting dead rules).
    public var rules: [RuleID]

    /// An evaluation of `categories` (report order); see the properties for the options.
    public init(categories: [String], includeAmbiguous: Bool = false, rules: [RuleID] = []) {
        self.categories = categories
        self.includeAmbiguous = includeAmbiguous
        self.rules = rules
    }

    /// Whether `post` is evaluated: not ambiguous, or ambiguous posts are included.
    public func includes(_ post: LabelledPost) -> Bool { includeAmbiguous || !post.ambiguous }

    /// Evaluates `posts`, asking `verdictFor` for the verdict of each included post, in order.
    public func evaluate(
        posts: [LabelledPost], verdictFor: (LabelledPost) throws -> Verdict
    ) rethrows -> EvaluationReport {
        var tally = EvaluationTally(evaluation: self)
        for post in posts {
            if includes(post) {
                tally.add(post, try verdictFor(post))
            } else {
                tally.leaveOut(post)
            }
        }
        return tally.report()
    }

    /// Evaluates `posts` given their verdicts: `verdicts[i]` is the verdict of `posts[i]`, and
    /// may be nil for a post that is left out (``includes(_:)`` is false); the verdicts of
    /// posts that are left out are ignored. Lets the caller classify in parallel first.
    ///
    /// - Precondition: `verdicts.count == posts.count`, and every included post has a verdict.
    public func evaluate(posts: [LabelledPost], verdicts: [Verdict?]) -> EvaluationReport {
        precondition(verdicts.count == posts.count,
                     "\(verdicts.count) verdicts for \(posts.count) posts; pass one verdict per post")
        var tally = EvaluationTally(evaluation: self)
        for (post, verdict) in zip(posts, verdicts) {
            if includes(post) {
                guard let verdict else {
                    preconditionFailure("no verdict for \(post.key), which is evaluated; classify every post "
                        + "for which includes(_:) is true")
                }
                tally.add(post, verdict)
            } else {
                tally.leaveOut(post)
            }
        }
        return tally.report()
    }
}
