import Testing

/// `conduct lint [DIR]`: every problem as path:line:col, or one success line.
@Suite struct LintCommandTests {
    /// What every command prints on standard error for `--rules bad-rules`.
    static let badRuleDiagnostics = """
        bad-rules/selling.yaml:5:5: error: missing key 'weight' in rule 'selling.price'; give a weight from 0 to 1 (0 makes a component that only composites use)
        bad-rules/selling.yaml:8:5: error: unknown key 'weigth' in rule 'selling.price'; did you mean 'weight'?
        bad-rules/selling.yaml:13:13: error: 'weight' of rule 'selling.pitch' must be a number; found the string 'high'
        bad-rules/selling.yaml:14:35: error: unknown rule 'selling.prise' in 'requires.of' of rule 'selling.pitch'; did you mean 'selling.price'?; composites combine rules of category 'selling'
        4 errors in rule files

        """

    @Test func validRulesPrintOneSuccessLine() throws {
        let result = try CLI.run(["lint", "rules"])
        #expect(result.stdout == "2 categories, 8 rules (6 scored), 40 literals: no problems\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func everyProblemInEveryFileWithDidYouMean() throws {
        let result = try CLI.run(["lint", "bad-rules"])
        #expect(result.stdout == "")
        #expect(result.stderr == Self.badRuleDiagnostics)
        #expect(result.status == 2)
    }

    @Test func guidelineQuotesAreCheckedAgainstTheGuidelinesFolder() throws {
        // bad-rules has no guidelines folder of its own; with one, the quotes are checked too.
        let result = try CLI.run(["lint", "failing-rules", "--guidelines", "rules/guidelines"])
        #expect(result.stdout == "1 categories, 1 rules (1 scored), 2 literals: no problems\n")
        #expect(result.status == 0)
        let misquoted = try CLI.run(["lint", "misquoted-rules"])
        #expect(misquoted.stderr == """
            misquoted-rules/harassment.yaml:7:16: error: guideline quote "no insults at all": the words "no insults at all" do not occur in community.txt; copy the words exactly (case, white space, typographic quotes and dashes do not matter; '…' skips words)
            1 error in rule files

            """)
        #expect(misquoted.status == 2)
    }

    @Test func missingFolderExitsWith2() throws {
        let result = try CLI.run(["lint", "no-such-rules"])
        #expect(result.stderr == """
            no-such-rules:1:1: error: cannot read the rules folder no-such-rules: No such file or directory
            1 error in rule files

            """)
        #expect(result.status == 2)
    }
}
