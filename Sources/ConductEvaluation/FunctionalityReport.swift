/// Accuracy on the HateCheck functional tests (posts with a `functionality` field).
///
///     let f = report.functionalities!
///     f.nonHateful.accuracy   // on posts whose gold labels are empty
///     f.functionalities.first { $0.functionality == "counter_quote_nh" }?.accuracy
///
/// A post counts as correct when its predicted labels equal its gold labels exactly.
public struct FunctionalityReport: Hashable, Sendable, Codable {
    /// One row per functionality, sorted by name.
    public let functionalities: [FunctionalityAccuracy]
    /// Functional-test posts whose gold labels are empty.
    public let nonHateful: Accuracy
    /// Functional-test posts with at least one gold label.
    public let hateful: Accuracy

    /// Assembles the report; ``Evaluation`` is the usual way to make one.
    public init(functionalities: [FunctionalityAccuracy], nonHateful: Accuracy, hateful: Accuracy) {
        self.functionalities = functionalities
        self.nonHateful = nonHateful
        self.hateful = hateful
    }
}

/// Accuracy on the posts of one HateCheck functionality.
public struct FunctionalityAccuracy: Hashable, Sendable, Codable {
    /// The functional test's name, as in the corpus (`counter_quote_nh`).
    public let functionality: String
    /// Evaluated posts of the functionality.
    public let posts: Int
    /// Posts whose predicted labels equal their gold labels.
    public let correct: Int
    /// correct / posts, rounded to 4 decimals.
    public let accuracy: Double
    /// Posts of the functionality with at least one gold label.
    public let hateful: Int

    /// Computes `accuracy` from the counts.
    public init(functionality: String, posts: Int, correct: Int, hateful: Int) {
        self.functionality = functionality
        self.posts = posts
        self.correct = correct
        self.accuracy = Accuracy(posts: posts, correct: correct).accuracy
        self.hateful = hateful
    }
}
