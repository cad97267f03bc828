import Foundation
import Testing

/// `conduct eval`: the report on the fixture corpus, and the baseline gate.
@Suite struct EvalCommandTests {
    static let report = """
        # conduct eval: 17 posts in 1 file, 1 ambiguous post left out
        # exact match 14/17 (0.8235), macro F1 0.8452

        CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        harassment   5   1   1  10     0.8333  0.8333  0.8333        6
        selling      3   0   1  13     1.0000  0.7500  0.8571        4
        all          8   1   2  23     0.8889  0.8000  0.8421       10

        # per language
        LANGUAGE  CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        en        harassment   4   1   1   9     0.8000  0.8000  0.8000        5
        en        selling      3   0   1  11     1.0000  0.7500  0.8571        4
        nl        harassment   1   0   0   1     1.0000  1.0000  1.0000        1

        # per file
        FILE          CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        corpus.jsonl  harassment   5   1   1  10     0.8333  0.8333  0.8333        6
        corpus.jsonl  selling      3   0   1  13     1.0000  0.7500  0.8571        4

        # per rule
        HITS  POS  NEG  PRECISION  UNIQUE  RULE
           4    3    1     0.7500       4  harassment.insult
           2    2    0     1.0000       2  selling.pitch
           1    1    0     1.0000       1  harassment.dutch_insult
           1    1    0     1.0000       1  harassment.threat
           1    1    0     1.0000       1  selling.discount_code
           1    1    0     1.0000       1  selling.for_sale

        """

    @Test func textReportOnTheFixtureCorpus() throws {
        let result = try CLI.run(["eval", "--rules", "rules", "corpus.jsonl"])
        #expect(result.stdout == Self.report)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func jsonReportParsesAndCarriesTheCategoryCounts() throws {
        let result = try CLI.run(["eval", "--rules", "rules", "--format", "json", "corpus.jsonl"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories.map { $0["category"] as? String } == ["harassment", "selling"])
        #expect(categories.map { $0["tp"] as? Int } == [5, 3])
        #expect(categories.map { $0["fp"] as? Int } == [1, 0])
        #expect(categories.map { $0["fn"] as? Int } == [1, 1])
        #expect(categories.map { $0["tn"] as? Int } == [10, 13])
    }

    @Test func baselineOfTheSameRulesPasses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        let written = try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--write-baseline", baseline])
        #expect(written.stdout == Self.report)
        #expect(written.status == 0)

        let compared = try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--baseline", baseline])
        #expect(compared.stdout == Self.report + """

            # baseline comparison: no regression (F1 tolerance 0.0000)

            CATEGORY    PRECISION      ΔP  RECALL      ΔR      F1     ΔF1  STATUS
            harassment     0.8333  0.0000  0.8333  0.0000  0.8333  0.0000  unchanged
            selling        1.0000  0.0000  0.7500  0.0000  0.8571  0.0000  unchanged

            # no post flipped

            """)
        #expect(compared.stderr == "")
        #expect(compared.status == 0)
    }

    static let brokenComparison = """
        # baseline comparison: REGRESSION (F1 tolerance 0.0000)

        CATEGORY    PRECISION       ΔP  RECALL       ΔR      F1      ΔF1  STATUS
        harassment     0.8000  -0.0333  0.6667  -0.1666  0.7273  -0.1060  regressed
        selling        1.0000   0.0000  0.7500   0.0000  0.8571   0.0000  unchanged

        # per file (only the category-wide F1 decides a regression)
        FILE          CATEGORY    PRECISION       ΔP  RECALL       ΔR      F1      ΔF1  STATUS
        corpus.jsonl  harassment     0.8000  -0.0333  0.6667  -0.1666  0.7273  -0.1060  regressed

        # newly false negative (1)
        CATEGORY    FILE          ID   GOLD        BEFORE      AFTER  TEXT
        harassment  corpus.jsonl  c03  harassment  harassment  -      I will find you after the meetup

        """

    @Test func baselineCatchesTheBrokenRuleSet() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        #expect(try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--write-baseline", baseline]).status == 0)

        let result = try CLI.run(["eval", "--rules", "broken-rules", "corpus.jsonl", "--baseline", baseline])
        let comparison = try #require(result.stdout.range(of: "# baseline comparison"))
        #expect(String(result.stdout[comparison.lowerBound...]) == Self.brokenComparison)
        #expect(result.stderr == "conduct: the rules got worse than the baseline (tolerance 0.0)\n")
        #expect(result.status == 1)

        let json = try CLI.run(["eval", "--rules", "broken-rules", "corpus.jsonl", "--baseline", baseline,
                                "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect(object.keys.sorted() == ["comparison", "report"])
        let comparisonObject = try #require(object["comparison"] as? [String: Any])
        #expect(comparisonObject["isRegression"] as? Bool == true)
    }

    @Test(arguments: [("0.2", Int32(0)), ("0.1", Int32(1))])
    func toleranceDecidesWhetherTheDropIsARegression(tolerance: String, status: Int32) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        #expect(try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--write-baseline", baseline]).status == 0)

        let result = try CLI.run(["eval", "--rules", "broken-rules", "corpus.jsonl", "--baseline", baseline,
                                  "--tolerance", tolerance])
        #expect(result.stdout.contains("\nharassment     0.8000  -0.0333  0.6667  -0.1666  0.7273  -0.1060  "))
        // The posts that flipped are listed either way.
        #expect(result.stdout.hasSuffix("harassment  corpus.jsonl  c03  harassment  harassment  -      I will find you after the meetup\n"))
        #expect(result.status == status)
    }

    @Test func missingCorpusFileExitsWith2() throws {
        let result = try CLI.run(["eval", "--rules", "rules", "no-such-corpus.jsonl"])
        #expect(result.stdout == "")
        #expect(result.stderr == "no-such-corpus.jsonl: error: no such file or directory\n")
        #expect(result.status == 2)
    }

    @Test func missingBaselineExitsWith2() throws {
        let result = try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--baseline", "no-such-baseline.json"])
        #expect(result.stdout == "")
        #expect(result.stderr == "no-such-baseline.json: error: cannot read the file\n")
        #expect(result.status == 2)
    }

    @Test func toleranceOutOfRangeIsAUsageError() throws {
        let result = try CLI.run(["eval", "--rules", "rules", "corpus.jsonl", "--tolerance", "2"])
        #expect(result.stderr.hasPrefix("Error: --tolerance must be between 0 and 1, got 2.0\n"))
        #expect(result.status == 2)
    }
}
