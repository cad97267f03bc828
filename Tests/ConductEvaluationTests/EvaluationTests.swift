import ConductKit
import ConductRules
import Testing
@testable import ConductEvaluation

@Suite struct CategoryMetricsTests {
    @Test func scoresFromCounts() {
        let m = CategoryMetrics(category: "selling", tp: 2, fp: 1, fn: 2, tn: 5)
        #expect(m.precision == 0.6667)
        #expect(m.recall == 0.5)
        #expect(m.f1 == 0.5714)
        #expect(m.support == 4)
        #expect(m.predicted == 3)
        #expect(m.posts == 10)
    }

    /// scikit-learn's `zero_division=0`: a zero denominator gives 0, never NaN or 1.
    @Test(arguments: [
        (0, 0, 0, 5, 0.0, 0.0, 0.0),   // nothing predicted, nothing to find
        (0, 2, 0, 3, 0.0, 0.0, 0.0),   // only false positives, no support
        (0, 0, 3, 2, 0.0, 0.0, 0.0),   // nothing predicted, positives missed
        (1, 0, 0, 0, 1.0, 1.0, 1.0),
        (0, 1, 1, 0, 0.0, 0.0, 0.0),   // precision + recall = 0
    ])
    func zeroDenominators(tp: Int, fp: Int, fn: Int, tn: Int, precision: Double, recall: Double, f1: Double) {
        let m = CategoryMetrics(category: "c", tp: tp, fp: fp, fn: fn, tn: tn)
        #expect(m.precision == precision)
        #expect(m.recall == recall)
        #expect(m.f1 == f1)
    }

    /// Recall 1/7143 rounds to 0.0001; F1 from the rounded scores would be 0.0002, the exact
    /// F1 (2/7145) is 0.00028 → 0.0003.
    @Test func f1IsComputedFromUnroundedScores() {
        let m = CategoryMetrics(category: "c", tp: 1, fp: 0, fn: 7_142, tn: 0)
        #expect(m.precision == 1)
        #expect(m.recall == 0.0001)
        #expect(m.f1 == 0.0003)
    }

    @Test func accuracyOfNothingIsZero() {
        #expect(Accuracy(posts: 0, correct: 0).accuracy == 0)
        #expect(Accuracy(posts: 3, correct: 2).accuracy == 0.6667)
    }
}

@Suite struct EvaluationTests {
    let report = SmallCorpus.report()

    @Test func totals() {
        #expect(report.totals == EvaluationTotals(
            posts: 8, ambiguousLeftOut: 1, goldPositive: 5, predictedPositive: 5,
            exactMatch: Accuracy(posts: 8, correct: 5), macroF1: 0.4722))
        #expect(report.includeAmbiguous == false)
        #expect(report.formatVersion == 1)
    }

    @Test func perCategory() {
        #expect(report.categories == [
            CategoryMetrics(category: "harassment", tp: 3, fp: 1, fn: 1, tn: 3),
            CategoryMetrics(category: "selling", tp: 1, fp: 0, fn: 1, tn: 6),
            CategoryMetrics(category: "doxxing", tp: 0, fp: 0, fn: 0, tn: 8),
        ])
        #expect(report.categoryNames == ["harassment", "selling", "doxxing"])
        let harassment = report.metrics(for: "harassment")!
        #expect((harassment.precision, harassment.recall, harassment.f1, harassment.support) == (0.75, 0.75, 0.75, 4))
        let selling = report.metrics(for: "selling")!
        #expect((selling.precision, selling.recall, selling.f1, selling.support) == (1, 0.5, 0.6667, 2))
        let doxxing = report.metrics(for: "doxxing")!
        #expect((doxxing.precision, doxxing.recall, doxxing.f1, doxxing.support) == (0, 0, 0, 0))
        #expect(report.micro == CategoryMetrics(category: "all", tp: 4, fp: 1, fn: 2, tn: 17))
        #expect((report.micro.precision, report.micro.recall, report.micro.f1) == (0.8, 0.6667, 0.7273))
    }

    @Test func perLanguage() {
        #expect(report.languages == [
            GroupMetrics(name: "en", posts: 6, categories: [
                CategoryMetrics(category: "harassment", tp: 1, fp: 1, fn: 1, tn: 3),
                CategoryMetrics(category: "selling", tp: 1, fp: 0, fn: 0, tn: 5),
                CategoryMetrics(category: "doxxing", tp: 0, fp: 0, fn: 0, tn: 6),
            ]),
            GroupMetrics(name: "nl", posts: 2, categories: [
                CategoryMetrics(category: "harassment", tp: 2, fp: 0, fn: 0, tn: 0),
                CategoryMetrics(category: "selling", tp: 0, fp: 0, fn: 1, tn: 1),
                CategoryMetrics(category: "doxxing", tp: 0, fp: 0, fn: 0, tn: 2),
            ]),
        ])
    }

    @Test func perSource() {
        #expect(report.sources == [
            GroupMetrics(name: "a.jsonl", posts: 5, categories: [
                CategoryMetrics(category: "harassment", tp: 1, fp: 1, fn: 1, tn: 2),
                CategoryMetrics(category: "selling", tp: 1, fp: 0, fn: 0, tn: 4),
                CategoryMetrics(category: "doxxing", tp: 0, fp: 0, fn: 0, tn: 5),
            ]),
            GroupMetrics(name: "b.jsonl", posts: 3, categories: [
                CategoryMetrics(category: "harassment", tp: 2, fp: 0, fn: 0, tn: 1),
                CategoryMetrics(category: "selling", tp: 0, fp: 0, fn: 1, tn: 2),
                CategoryMetrics(category: "doxxing", tp: 0, fp: 0, fn: 0, tn: 3),
            ]),
        ])
        #expect(report.sources[1].metrics(for: "selling")?.fn == 1)
        #expect(report.sources[1].metrics(for: "defamatory") == nil)
    }

    /// Counts are posts, not occurrences (q4 hits `harassment.insult` twice); `unique` counts
    /// posts where the rule was its category's only hit; listed rules appear with no hits;
    /// order is hits descending, then rule ID; the ambiguous q2's hit is not counted.
    @Test func perRule() {
        #expect(report.rules == [
            RuleStatistics(rule: "harassment.insult", category: "harassment", positives: 2, negatives: 1, unique: 2),
            RuleStatistics(rule: "harassment.threat", category: "harassment", positives: 1, negatives: 1, unique: 1),
            RuleStatistics(rule: "selling.link", category: "selling", positives: 1, negatives: 1, unique: 1),
            RuleStatistics(rule: "selling.code", category: "selling", positives: 1, negatives: 0, unique: 0),
            RuleStatistics(rule: "doxxing.phone", category: "doxxing", positives: 0, negatives: 0, unique: 0),
        ])
        #expect(report.rules.map(\.precision) == [0.6667, 0.5, 0.5, 1, 0])
        #expect(report.rules.map(\.hits) == [3, 2, 2, 1, 0])
    }

    @Test func outcomesAreSortedByFileThenID() {
        #expect(report.outcomes.map(\.key.description) == [
            "a.jsonl#p1", "a.jsonl#p2", "a.jsonl#p3", "a.jsonl#p4", "a.jsonl#p5",
            "b.jsonl#q1", "b.jsonl#q3", "b.jsonl#q4",
        ])
        #expect(report.outcomes[5] == PostOutcome(source: "b.jsonl", id: "q1", gold: ["harassment", "selling"],
                                                  predicted: ["harassment"]))
    }

    @Test func ambiguousPostsAreLeftOutAndNotClassified() {
        var asked: [String] = []
        let report = Evaluation(categories: SmallCorpus.categories).evaluate(posts: SmallCorpus.posts) { post in
            asked.append(post.id)
            return verdict([])
        }
        #expect(asked == ["p1", "p2", "p3", "p4", "p5", "q1", "q3", "q4"])
        #expect(report.totals.ambiguousLeftOut == 1)
        #expect(!report.outcomes.contains { $0.id == "q2" })
    }

    @Test func ambiguousPostsIncludedOnRequest() {
        let report = SmallCorpus.report(includeAmbiguous: true)
        #expect(report.includeAmbiguous)
        #expect(report.totals.posts == 9)
        #expect(report.totals.ambiguousLeftOut == 0)
        #expect(report.metrics(for: "selling") == CategoryMetrics(category: "selling", tp: 1, fp: 1, fn: 1, tn: 6))
        #expect(report.rules.first { $0.rule == "selling.code" }
            == RuleStatistics(rule: "selling.code", category: "selling", positives: 1, negatives: 1, unique: 1))
        #expect(report.languages.map(\.posts) == [6, 3])
    }

    @Test func closureAndVerdictArrayAgree() {
        let viaClosure = Evaluation(categories: SmallCorpus.categories, rules: SmallCorpus.rules)
            .evaluate(posts: SmallCorpus.posts) { post in SmallCorpus.cases.first { $0.0.key == post.key }!.1 }
        #expect(viaClosure == report)
    }

    @Test func postsLeftOutNeedNoVerdict() {
        let verdicts: [Verdict?] = SmallCorpus.cases.map { $0.0.ambiguous ? nil : $0.1 }
        let report = Evaluation(categories: SmallCorpus.categories, rules: SmallCorpus.rules)
            .evaluate(posts: SmallCorpus.posts, verdicts: verdicts)
        #expect(report == self.report)
    }

    @Test func labelsOutsideTheCategoriesCountOnlyInExactMatch() {
        let posts = [post("x.jsonl", "1", ["defamatory"]), post("x.jsonl", "2", [])]
        let report = Evaluation(categories: ["selling"])
            .evaluate(posts: posts, verdicts: [verdict(["defamatory"]), verdict(["spam"])])
        #expect(report.categories == [CategoryMetrics(category: "selling", tp: 0, fp: 0, fn: 0, tn: 2)])
        #expect(report.totals.exactMatch == Accuracy(posts: 2, correct: 1))
        #expect(report.totals.goldPositive == 1)
        #expect(report.totals.predictedPositive == 2)
    }

    @Test func emptyCorpus() {
        let report = Evaluation(categories: ["selling"]).evaluate(posts: [], verdicts: [])
        #expect(report.totals == EvaluationTotals(posts: 0, ambiguousLeftOut: 0, goldPositive: 0, predictedPositive: 0,
                                                  exactMatch: Accuracy(posts: 0, correct: 0), macroF1: 0))
        #expect(report.categories == [CategoryMetrics(category: "selling", tp: 0, fp: 0, fn: 0, tn: 0)])
        #expect(report.languages.isEmpty && report.sources.isEmpty && report.rules.isEmpty && report.outcomes.isEmpty)
        #expect(report.functionalities == nil)
    }
}

@Suite struct FunctionalityTests {
    static let cases: [(LabelledPost, Verdict)] = [
        (post("hc.jsonl", "f1", ["harassment"], functionality: "slur_h"), verdict(["harassment"])),
        (post("hc.jsonl", "f2", ["harassment"], functionality: "slur_h"), verdict([])),
        (post("hc.jsonl", "f3", [], functionality: "counter_quote_nh"), verdict(["harassment"])),
        (post("hc.jsonl", "f4", [], functionality: "counter_quote_nh"), verdict([])),
        (post("hc.jsonl", "f5", [], functionality: "counter_quote_nh"), verdict([])),
        (post("hc.jsonl", "f6", ["harassment"], ambiguous: true, functionality: "target_indiv_nh"),
         verdict(["harassment", "selling"])),
        (post("hc.jsonl", "f7", []), verdict([])),
    ]

    func report(includeAmbiguous: Bool) -> FunctionalityReport? {
        Evaluation(categories: ["harassment", "selling"], includeAmbiguous: includeAmbiguous)
            .evaluate(posts: Self.cases.map(\.0), verdicts: Self.cases.map(\.1)).functionalities
    }

    @Test func accuracyPerFunctionalityAndByGold() {
        #expect(report(includeAmbiguous: false) == FunctionalityReport(
            functionalities: [
                FunctionalityAccuracy(functionality: "counter_quote_nh", posts: 3, correct: 2, hateful: 0),
                FunctionalityAccuracy(functionality: "slur_h", posts: 2, correct: 1, hateful: 2),
            ],
            nonHateful: Accuracy(posts: 3, correct: 2),
            hateful: Accuracy(posts: 2, correct: 1)))
        #expect(report(includeAmbiguous: false)?.functionalities.map(\.accuracy) == [0.6667, 0.5])
    }

    /// Hateful vs non-hateful follows the gold labels, not the functionality's name; a
    /// prediction with an extra label is not correct.
    @Test func goldLabelsDecideHatefulness() {
        let report = report(includeAmbiguous: true)!
        #expect(report.functionalities.last
            == FunctionalityAccuracy(functionality: "target_indiv_nh", posts: 1, correct: 0, hateful: 1))
        #expect(report.hateful == Accuracy(posts: 3, correct: 1))
        #expect(report.hateful.accuracy == 0.3333)
        #expect(report.nonHateful == Accuracy(posts: 3, correct: 2))
    }
}
