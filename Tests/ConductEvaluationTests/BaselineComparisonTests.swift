import ConductKit
import Foundation
import Testing
@testable import ConductEvaluation

@Suite struct BaselineTests {
    @Test func jsonRoundTrip() throws {
        for report in [SmallCorpus.report(), SmallCorpus.report(includeAmbiguous: true),
                       Evaluation(categories: ["harassment"]).evaluate(
                           posts: FunctionalityTests.cases.map(\.0), verdicts: FunctionalityTests.cases.map(\.1))] {
            let data = report.jsonData()
            let decoded = try EvaluationReport(jsonData: data)
            #expect(decoded == report)
            #expect(decoded.jsonData() == data)
        }
    }

    @Test func fileRoundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("baseline.json")
        try SmallCorpus.report().write(to: url)
        #expect(try EvaluationReport.load(from: url) == SmallCorpus.report())
    }

    @Test func stableJSONLayout() {
        let report = Evaluation(categories: ["selling"])
            .evaluate(posts: [post("t.jsonl", "1", ["selling"])], verdicts: [verdict(["selling"], hits: ["selling.code"])])
        #expect(report.jsonString() == """
            {
              "categories": [
                {"category": "selling", "f1": 1, "fn": 0, "fp": 0, "precision": 1, "recall": 1, "support": 1, "tn": 0, "tp": 1}
              ],
              "formatVersion": 1,
              "includeAmbiguous": false,
              "languages": [
                {
                  "categories": [
                    {"category": "selling", "f1": 1, "fn": 0, "fp": 0, "precision": 1, "recall": 1, "support": 1, "tn": 0, "tp": 1}
                  ],
                  "name": "en",
                  "posts": 1
                }
              ],
              "micro": {"category": "all", "f1": 1, "fn": 0, "fp": 0, "precision": 1, "recall": 1, "support": 1, "tn": 0, "tp": 1},
              "outcomes": [
                {"gold": ["selling"], "id": "1", "predicted": ["selling"], "source": "t.jsonl"}
              ],
              "rules": [
                {"category": "selling", "negatives": 0, "positives": 1, "precision": 1, "rule": "selling.code", "unique": 1}
              ],
              "sources": [
                {
                  "categories": [
                    {"category": "selling", "f1": 1, "fn": 0, "fp": 0, "precision": 1, "recall": 1, "support": 1, "tn": 0, "tp": 1}
                  ],
                  "name": "t.jsonl",
                  "posts": 1
                }
              ],
              "totals": {
                "ambiguousLeftOut": 0,
                "exactMatch": {"accuracy": 1, "correct": 1, "posts": 1},
                "goldPositive": 1,
                "macroF1": 1,
                "posts": 1,
                "predictedPositive": 1
              }
            }

            """)
    }

    @Test func escapedStringsSurviveTheLayout() throws {
        let report = Evaluation(categories: ["selling"]).evaluate(
            posts: [post("t \"q\".jsonl", "a,b]}\\\"[{", [])], verdicts: [verdict([])])
        #expect(report.jsonString().contains(#"{"gold": [], "id": "a,b]}\\\"[{", "predicted": [], "source": "t \"q\".jsonl"}"#))
        #expect(try EvaluationReport(jsonData: report.jsonData()) == report)
    }

    @Test(arguments: [
        ("[1, 2]", "not an evaluation report (not a JSON object); write one with `conduct eval --write-baseline FILE`"),
        ("{}", "not an evaluation report (missing \"formatVersion\"); write one with `conduct eval --write-baseline FILE`"),
        (#"{"formatVersion": 2}"#,
         "report format version 2, this version reads only 1; write a new baseline with `conduct eval --write-baseline FILE`"),
        (#"{"formatVersion": 1}"#,
         "not an evaluation report (missing \"includeAmbiguous\" at the top level); write one with `conduct eval --write-baseline FILE`"),
        (#"{"formatVersion": 1, "includeAmbiguous": "no"}"#,
         "not an evaluation report (wrong type at includeAmbiguous); write one with `conduct eval --write-baseline FILE`"),
        (SmallCorpus.report().jsonString().replacingOccurrences(of: #""tn": 3, "tp": 3}"#, with: #""tn": 3, "tp": "3"}"#),
         "not an evaluation report (wrong type at categories[0].tp); write one with `conduct eval --write-baseline FILE`"),
        ("{\"formatVersion\": 1, ", "not an evaluation report (malformed JSON); write one with `conduct eval --write-baseline FILE`"),
    ])
    func unreadableReports(json: String, message: String) {
        #expect(throws: (any Error).self) { try EvaluationReport(jsonData: Data(json.utf8)) }
        do {
            _ = try EvaluationReport(jsonData: Data(json.utf8))
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func unreadableFile() {
        #expect(throws: ReportError.file(path: "/nonexistent/baseline.json", .unreadable)) {
            try EvaluationReport.load(from: URL(fileURLWithPath: "/nonexistent/baseline.json"))
        }
        #expect("\(ReportError.file(path: "b.json", .unreadable))" == "b.json: error: cannot read the file")
    }
}

@Suite struct BaselineComparisonTests {
    /// p2 is now found (harassment), p4 is missed (selling), p5 and q3 are new false positives.
    static let changed = SmallCorpus.report(changing: [
        "p2": verdict(["harassment"]), "p4": verdict([]), "p5": verdict(["selling"]), "q3": verdict(["doxxing"]),
    ])

    @Test func flagsAnF1DropBeyondTolerance() {
        let comparison = BaselineComparison(current: Self.changed, baseline: SmallCorpus.report(), tolerance: 0.05,
                                            posts: SmallCorpus.posts)
        #expect(comparison.isRegression)
        #expect(comparison.categories.map(\.status) == [.improved, .regressed, .worse])
        #expect(comparison.categories.map(\.f1Delta) == [0.1389, -0.6667, 0])
        #expect(comparison.categories.map(\.precisionDelta) == [0.05, -1, 0])
        #expect(comparison.categories.map(\.recallDelta) == [0.25, -0.5, 0])
        #expect(comparison.categories[1].before == SmallCorpus.report().metrics(for: "selling"))
        #expect(comparison.categories[1].after == CategoryMetrics(category: "selling", tp: 0, fp: 1, fn: 2, tn: 5))
        #expect(comparison.flips == [
            Flip(kind: .newlyFalsePositive, category: "selling", source: "a.jsonl", id: "p5", gold: [], before: [],
                 after: ["selling"], text: "Great deal | 50% *off* today visit [our shop] or _reply_"),
            Flip(kind: .newlyFalsePositive, category: "doxxing", source: "b.jsonl", id: "q3", gold: [], before: [],
                 after: ["doxxing"], text: "text of q3"),
            Flip(kind: .newlyFalseNegative, category: "selling", source: "a.jsonl", id: "p4", gold: ["selling"],
                 before: ["selling"], after: [], text: "text of p4"),
            Flip(kind: .newlyCorrect, category: "harassment", source: "a.jsonl", id: "p2", gold: ["harassment"],
                 before: [], after: ["harassment"], text: "text of p2"),
        ])
        #expect((comparison.addedPosts, comparison.removedPosts, comparison.relabelledPosts) == (0, 0, 0))
        #expect(comparison.notes == [])
    }

    @Test func perSourceChanges() {
        let comparison = BaselineComparison(current: Self.changed, baseline: SmallCorpus.report(), tolerance: 0.05)
        #expect(comparison.sources.map(\.source) == ["a.jsonl", "b.jsonl"])
        #expect(comparison.sources[0].categories.map(\.category) == ["harassment", "selling"])
        #expect(comparison.sources[0].categories.map(\.f1Delta) == [0.3, -1])
        #expect(comparison.sources[1].categories.map(\.category) == ["harassment", "selling", "doxxing"])
        #expect(comparison.sources[1].categories.map(\.status) == [.unchanged, .unchanged, .worse])
        #expect(comparison.flips.allSatisfy { $0.text.isEmpty })
    }

    /// p5 newly labelled harassment: harassment F1 0.75 → 0.6667 (−0.0833).
    @Test(arguments: [(0.1, false), (0.0833, false), (0.05, true), (0, true)])
    func tolerance(tolerance: Double, isRegression: Bool) {
        let current = SmallCorpus.report(changing: ["p5": verdict(["harassment"])])
        let comparison = BaselineComparison(current: current, baseline: SmallCorpus.report(), tolerance: tolerance)
        #expect(comparison.isRegression == isRegression)
        #expect(comparison.categories[0].f1Delta == -0.0833)
        #expect(comparison.categories[0].status == (isRegression ? .regressed : .worse))
        #expect(comparison.flips.map(\.kind) == [.newlyFalsePositive])
    }

    @Test func unchangedRunIsNoRegression() {
        let comparison = BaselineComparison(current: SmallCorpus.report(), baseline: SmallCorpus.report())
        #expect(!comparison.isRegression)
        #expect(comparison.categories.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(comparison.flips.isEmpty)
    }

    @Test func vanishedCategories() {
        let posts = [post("x.jsonl", "1", ["selling"]), post("x.jsonl", "2", [])]
        let baseline = Evaluation(categories: ["selling", "doxxing", "harassment"])
            .evaluate(posts: posts, verdicts: [verdict(["selling"]), verdict([])])
        let current = Evaluation(categories: ["harassment", "defamatory"])
            .evaluate(posts: posts, verdicts: [verdict([]), verdict([])])
        let comparison = BaselineComparison(current: current, baseline: baseline, tolerance: 0.5)
        #expect(comparison.categories.map(\.category) == ["harassment", "defamatory", "selling", "doxxing"])
        #expect(comparison.categories.map(\.status) == [.unchanged, .added, .regressed, .removed])
        #expect(comparison.categories[2].f1Delta == nil)
        #expect(comparison.isRegression)
    }

    @Test func addedRemovedAndRelabelledPosts() {
        let baselinePosts = [post("x.jsonl", "1", ["selling"]), post("x.jsonl", "2", []), post("x.jsonl", "3", [])]
        let currentPosts = [post("x.jsonl", "1", []), post("x.jsonl", "2", []), post("y.jsonl", "3", [])]
        let baseline = Evaluation(categories: ["selling"])
            .evaluate(posts: baselinePosts, verdicts: [verdict(["selling"]), verdict([]), verdict([])])
        let current = Evaluation(categories: ["selling"], includeAmbiguous: true)
            .evaluate(posts: currentPosts, verdicts: [verdict([]), verdict([]), verdict(["selling"])])
        let comparison = BaselineComparison(current: current, baseline: baseline, posts: currentPosts)
        #expect((comparison.addedPosts, comparison.removedPosts, comparison.relabelledPosts) == (1, 1, 1))
        #expect(comparison.flips == [
            Flip(kind: .newlyCorrect, category: "selling", source: "x.jsonl", id: "1", gold: [], before: ["selling"],
                 after: [], text: "text of 1"),
        ])
        #expect(comparison.notes == [
            "the baseline left ambiguous posts out and this run includes them",
            "1 post changed gold labels since the baseline; flips are judged against the current labels",
        ])
    }

    @Test func flipTextIsOneLineOfAtMostAHundredCharacters() {
        let long = String(repeating: "ab ", count: 40) + "end"
        let cases: [(String, String)] = [
            ("  two\n\tlines  here ", "two lines here"),
            (long, String(repeating: "ab ", count: 33) + "a…"),
            (String(repeating: "x", count: 99) + " y", String(repeating: "x", count: 99) + "…"),
            ("👩‍👩‍👧 " + String(repeating: "é", count: 98), "👩‍👩‍👧 " + String(repeating: "é", count: 98)),
        ]
        for (text, expected) in cases {
            #expect(excerpt(text) == expected)
        }
    }

    @Test func jsonRoundTrip() throws {
        let comparison = BaselineComparison(current: Self.changed, baseline: SmallCorpus.report(), tolerance: 0.05,
                                            posts: SmallCorpus.posts)
        let decoded = try JSONDecoder().decode(BaselineComparison.self, from: Data(comparison.rendered(as: .json).utf8))
        #expect(decoded == comparison)
    }
}
