import Testing
@testable import ConductEvaluation

/// Expected renderings, compared in full.
enum Expected {
    static let smallText = #"""
        # conduct eval: 8 posts in 2 files, 1 ambiguous post left out
        # exact match 5/8 (0.6250), macro F1 0.4722

        CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        harassment   3   1   1   3     0.7500  0.7500  0.7500        4
        selling      1   0   1   6     1.0000  0.5000  0.6667        2
        doxxing      0   0   0   8     0.0000  0.0000  0.0000        0
        all          4   1   2  17     0.8000  0.6667  0.7273        6

        # per language
        LANGUAGE  CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        en        harassment   1   1   1   3     0.5000  0.5000  0.5000        2
        en        selling      1   0   0   5     1.0000  1.0000  1.0000        1
        nl        harassment   2   0   0   0     1.0000  1.0000  1.0000        2
        nl        selling      0   0   1   1     0.0000  0.0000  0.0000        1

        # per file
        FILE     CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        a.jsonl  harassment   1   1   1   2     0.5000  0.5000  0.5000        2
        a.jsonl  selling      1   0   0   4     1.0000  1.0000  1.0000        1
        b.jsonl  harassment   2   0   0   1     1.0000  1.0000  1.0000        2
        b.jsonl  selling      0   0   1   2     0.0000  0.0000  0.0000        1

        # per rule
        HITS  POS  NEG  PRECISION  UNIQUE  RULE
           3    2    1     0.6667       2  harassment.insult
           2    1    1     0.5000       1  harassment.threat
           2    1    1     0.5000       1  selling.link
           1    1    0     1.0000       0  selling.code
           0    0    0     0.0000       0  doxxing.phone

        """#

    static let smallMarkdown = #"""
        # Evaluation

        8 posts in 2 files, 1 ambiguous post left out. Exact match 5/8 (0.6250), macro F1 0.4722.

        ## Categories

        | category | TP | FP | FN | TN | precision | recall | F1 | support |
        |:--|--:|--:|--:|--:|--:|--:|--:|--:|
        | harassment | 3 | 1 | 1 | 3 | 0.7500 | 0.7500 | 0.7500 | 4 |
        | selling | 1 | 0 | 1 | 6 | 1.0000 | 0.5000 | 0.6667 | 2 |
        | doxxing | 0 | 0 | 0 | 8 | 0.0000 | 0.0000 | 0.0000 | 0 |
        | all | 4 | 1 | 2 | 17 | 0.8000 | 0.6667 | 0.7273 | 6 |

        ## Per language

        | language | category | TP | FP | FN | TN | precision | recall | F1 | support |
        |:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|
        | en | harassment | 1 | 1 | 1 | 3 | 0.5000 | 0.5000 | 0.5000 | 2 |
        | en | selling | 1 | 0 | 0 | 5 | 1.0000 | 1.0000 | 1.0000 | 1 |
        | nl | harassment | 2 | 0 | 0 | 0 | 1.0000 | 1.0000 | 1.0000 | 2 |
        | nl | selling | 0 | 0 | 1 | 1 | 0.0000 | 0.0000 | 0.0000 | 1 |

        ## Per file

        | file | category | TP | FP | FN | TN | precision | recall | F1 | support |
        |:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|
        | a.jsonl | harassment | 1 | 1 | 1 | 2 | 0.5000 | 0.5000 | 0.5000 | 2 |
        | a.jsonl | selling | 1 | 0 | 0 | 4 | 1.0000 | 1.0000 | 1.0000 | 1 |
        | b.jsonl | harassment | 2 | 0 | 0 | 1 | 1.0000 | 1.0000 | 1.0000 | 2 |
        | b.jsonl | selling | 0 | 0 | 1 | 2 | 0.0000 | 0.0000 | 0.0000 | 1 |

        ## Per rule

        | hits | on positives | on negatives | precision | unique | rule |
        |--:|--:|--:|--:|--:|:--|
        | 3 | 2 | 1 | 0.6667 | 2 | harassment.insult |
        | 2 | 1 | 1 | 0.5000 | 1 | harassment.threat |
        | 2 | 1 | 1 | 0.5000 | 1 | selling.link |
        | 1 | 1 | 0 | 1.0000 | 0 | selling.code |
        | 0 | 0 | 0 | 0.0000 | 0 | doxxing.phone |

        """#

    static let functionalityText = #"""
        # conduct eval: 7 posts in 1 file, ambiguous posts included
        # exact match 4/7 (0.5714), macro F1 0.3333

        CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        harassment   2   1   1   3     0.6667  0.6667  0.6667        3
        selling      0   1   0   6     0.0000  0.0000  0.0000        0
        all          2   2   1   9     0.5000  0.6667  0.5714        3

        # per language
        LANGUAGE  CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        en        harassment   2   1   1   3     0.6667  0.6667  0.6667        3
        en        selling      0   1   0   6     0.0000  0.0000  0.0000        0

        # per file
        FILE      CATEGORY    TP  FP  FN  TN  PRECISION  RECALL      F1  SUPPORT
        hc.jsonl  harassment   2   1   1   3     0.6667  0.6667  0.6667        3
        hc.jsonl  selling      0   1   0   6     0.0000  0.0000  0.0000        0

        # per functionality (correct: predicted labels equal gold labels)
        FUNCTIONALITY                POSTS  CORRECT  ACCURACY
        counter_quote_nh                 3        2    0.6667
        slur_h                           2        1    0.5000
        target_indiv_nh                  1        0    0.0000
        non-hateful (no gold label)      3        2    0.6667
        hateful (gold labelled)          3        1    0.3333

        # per rule: no rule hit

        """#

    static let comparisonText = #"""
        # baseline comparison: REGRESSION (F1 tolerance 0.0500)

        CATEGORY    PRECISION       ΔP  RECALL       ΔR      F1      ΔF1  STATUS
        harassment     0.8000  +0.0500  1.0000  +0.2500  0.8889  +0.1389  improved
        selling        0.0000  -1.0000  0.0000  -0.5000  0.0000  -0.6667  regressed
        doxxing        0.0000   0.0000  0.0000   0.0000  0.0000   0.0000  worse

        # per file (only the category-wide F1 decides a regression)
        FILE     CATEGORY    PRECISION       ΔP  RECALL       ΔR      F1      ΔF1  STATUS
        a.jsonl  harassment     0.6667  +0.1667  1.0000  +0.5000  0.8000  +0.3000  improved
        a.jsonl  selling        0.0000  -1.0000  0.0000  -1.0000  0.0000  -1.0000  regressed
        b.jsonl  doxxing        0.0000   0.0000  0.0000   0.0000  0.0000   0.0000  worse

        # newly false positive (2)
        CATEGORY  FILE     ID  GOLD  BEFORE  AFTER    TEXT
        selling   a.jsonl  p5  -     -       selling  Great deal | 50% *off* today visit [our shop] or _reply_
        doxxing   b.jsonl  q3  -     -       doxxing  text of q3

        # newly false negative (1)
        CATEGORY  FILE     ID  GOLD     BEFORE   AFTER  TEXT
        selling   a.jsonl  p4  selling  selling  -      text of p4

        # newly correct (1)
        CATEGORY    FILE     ID  GOLD        BEFORE  AFTER       TEXT
        harassment  a.jsonl  p2  harassment  -       harassment  text of p2

        """#

    static let comparisonMarkdown = #"""
        # Baseline comparison

        REGRESSION (F1 tolerance 0.0500).

        ## Categories

        | category | precision | Δ precision | recall | Δ recall | F1 | Δ F1 | status |
        |:--|--:|--:|--:|--:|--:|--:|:--|
        | harassment | 0.8000 | +0.0500 | 1.0000 | +0.2500 | 0.8889 | +0.1389 | improved |
        | selling | 0.0000 | -1.0000 | 0.0000 | -0.5000 | 0.0000 | -0.6667 | regressed |
        | doxxing | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | worse |

        ## Per file

        Only the category-wide F1 decides a regression.

        | file | category | precision | Δ precision | recall | Δ recall | F1 | Δ F1 | status |
        |:--|:--|--:|--:|--:|--:|--:|--:|:--|
        | a.jsonl | harassment | 0.6667 | +0.1667 | 1.0000 | +0.5000 | 0.8000 | +0.3000 | improved |
        | a.jsonl | selling | 0.0000 | -1.0000 | 0.0000 | -1.0000 | 0.0000 | -1.0000 | regressed |
        | b.jsonl | doxxing | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | worse |

        ## Newly false positive (2)

        | category | file | id | gold | before | after | text |
        |:--|:--|:--|:--|:--|:--|:--|
        | selling | a.jsonl | p5 | - | - | selling | Great deal \| 50% \*off\* today visit \[our shop\] or \_reply\_ |
        | doxxing | b.jsonl | q3 | - | - | doxxing | text of q3 |

        ## Newly false negative (1)

        | category | file | id | gold | before | after | text |
        |:--|:--|:--|:--|:--|:--|:--|
        | selling | a.jsonl | p4 | selling | selling | - | text of p4 |

        ## Newly correct (1)

        | category | file | id | gold | before | after | text |
        |:--|:--|:--|:--|:--|:--|:--|
        | harassment | a.jsonl | p2 | harassment | - | harassment | text of p2 |

        """#
}

@Suite struct RenderingTests {
    @Test func reportAsText() {
        #expect(SmallCorpus.report().rendered(as: .text) == Expected.smallText)
    }

    @Test func reportAsMarkdown() {
        #expect(SmallCorpus.report().rendered(as: .markdown) == Expected.smallMarkdown)
    }

    @Test func functionalitiesAndNoRuleHits() {
        let report = Evaluation(categories: ["harassment", "selling"], includeAmbiguous: true)
            .evaluate(posts: FunctionalityTests.cases.map(\.0), verdicts: FunctionalityTests.cases.map(\.1))
        #expect(report.rendered(as: .text) == Expected.functionalityText)
    }

    @Test func reportAsJSONIsItsStableJSON() {
        #expect(SmallCorpus.report().rendered(as: .json) == SmallCorpus.report().jsonString())
    }

    @Test func comparisonAsText() {
        let comparison = BaselineComparison(current: BaselineComparisonTests.changed, baseline: SmallCorpus.report(),
                                            tolerance: 0.05, posts: SmallCorpus.posts)
        #expect(comparison.rendered(as: .text) == Expected.comparisonText)
    }

    @Test func comparisonAsMarkdown() {
        let comparison = BaselineComparison(current: BaselineComparisonTests.changed, baseline: SmallCorpus.report(),
                                            tolerance: 0.05, posts: SmallCorpus.posts)
        #expect(comparison.rendered(as: .markdown) == Expected.comparisonMarkdown)
    }

    @Test func comparisonWithoutChanges() {
        let comparison = BaselineComparison(current: SmallCorpus.report(), baseline: SmallCorpus.report(), tolerance: 0.01)
        #expect(comparison.rendered(as: .text) == """
            # baseline comparison: no regression (F1 tolerance 0.0100)

            CATEGORY    PRECISION      ΔP  RECALL      ΔR      F1     ΔF1  STATUS
            harassment     0.7500  0.0000  0.7500  0.0000  0.7500  0.0000  unchanged
            selling        1.0000  0.0000  0.5000  0.0000  0.6667  0.0000  unchanged
            doxxing        0.0000  0.0000  0.0000  0.0000  0.0000  0.0000  unchanged

            # no post flipped

            """)
    }

    @Test func numberFormats() {
        #expect([0, 1, 0.5, 0.66666, 0.00005, -0.05, -0.00004].map(fixed4)
            == ["0.0000", "1.0000", "0.5000", "0.6667", "0.0001", "-0.0500", "0.0000"])
        #expect([0.05, -0.05, 0, 0.00004].map(signed4) == ["+0.0500", "-0.0500", "0.0000", "0.0000"])
    }

    @Test func markdownEscaping() {
        #expect(markdownEscaped("a_b _c_ d|e *f* `g` [h](i) <j> #k ~l~ \\m")
            == ##"a_b \_c\_ d\|e \*f\* \`g\` \[h\](i) \<j\> \#k \~l\~ \\m"##)
    }
}
