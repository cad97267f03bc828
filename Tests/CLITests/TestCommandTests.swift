import Testing

/// `conduct test [DIR]`: every rule example, with the automatic mutations.
@Suite struct TestCommandTests {
    @Test func fixtureRulesPass() throws {
        let result = try CLI.run(["test", "rules"])
        #expect(result.stdout == "8 rules, 16 examples, 58 checks: all passed\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func failingExampleIsReportedAtItsFileLineAndColumn() throws {
        // "What a ⟦loser⟧." but the rule lost 'loser': the example fails alone and mutated.
        let result = try CLI.run(["test", "failing-rules"])
        #expect(result.stdout == """
            failing-rules/harassment.yaml:11:37: error: harassment.insult: match example did not match (embedded in a longer post): "What a loser."
            failing-rules/harassment.yaml:11:37: error: harassment.insult: match example did not match (with an emoji prefix): "What a loser."
            failing-rules/harassment.yaml:11:37: error: harassment.insult: match example did not match: "What a loser."
            failing-rules/harassment.yaml:11:37: error: harassment.insult: match example failed in NFD: expected ["loser"], found []: "What a loser."
            1 rules, 3 examples, 11 checks: 4 failures

            """)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test func rulesThatDoNotLoadExitWith2() throws {
        let result = try CLI.run(["test", "bad-rules"])
        #expect(result.stdout == "")
        #expect(result.stderr == LintCommandTests.badRuleDiagnostics)
        #expect(result.status == 2)
    }
}
