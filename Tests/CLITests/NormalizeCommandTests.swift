import Testing

/// `conduct normalize`, run as a user runs it.
@Suite struct NormalizeCommandTests {
    @Test func normalizesTheArgument() throws {
        let result = try CLI.run(["normalize", "Ｈ3LL0  wörld, you 1d10t"])
        #expect(result.status == 0)
        #expect(result.stdout == "hello world, you idiot\n")
        #expect(result.stderr == "")
    }

    @Test func readsStandardInputLineByLine() throws {
        let result = try CLI.run(["normalize"], stdin: "s e l l\n\nLOOOSER\r\nno newline at the end")
        #expect(result.status == 0)
        #expect(result.stdout == "sell\n\nloser\nno newline at the end\n")
    }

    @Test func dashReadsStandardInput() throws {
        let result = try CLI.run(["normalize", "-"], stdin: "\u{456}d\u{456}ot\n")
        #expect(result.stdout == "idiot\n")
    }

    @Test func jsonHasTheMapAndTheStepsApplied() throws {
        let result = try CLI.run(["normalize", "--json", "s e l l"])
        #expect(result.status == 0)
        #expect(result.stdout == #"{"original":"s e l l","normalized":"sell","applied":["join-spaced-letters"],"map":[[0,1],[2,3],[4,5],[6,7]]}"# + "\n")
    }

    @Test func jsonKeepsOffsetsOfIllFormedInput() throws {
        let result = try CLI.run(["normalize", "--json"], stdin: [0x41, 0xFF, 0x22, 0x0A, 0x31, 0x64, 0x31, 0x30, 0x74])
        #expect(result.stdout == """
            {"original":"A\u{FFFD}\\"","normalized":"a\u{FFFD}\\"","applied":["replace-invalid-utf8","nfkc-casefold"],"map":[[0,1],[1,2],[1,2],[1,2],[2,3]]}
            {"original":"1d10t","normalized":"idiot","applied":["fold-leet"],"map":[[0,1],[1,2],[2,3],[3,4],[4,5]]}

            """)
    }

    @Test func skipLeavesAStepOut() throws {
        let result = try CLI.run(["normalize", "--skip", "fold-leet", "--skip", "squeeze-repeats", "h3ll0 loooser"])
        #expect(result.stdout == "h3ll0 loooser\n")
    }

    @Test func unknownStepIsAUsageError() throws {
        let result = try CLI.run(["normalize", "--skip", "fold-leets", "x"])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("unknown step 'fold-leets' for --skip; steps are: replace-invalid-utf8, drop-ignorables, nfkc-casefold, fold-confusables, fold-diacritics, fold-leet, join-spaced-letters, squeeze-repeats, collapse-whitespace"))
    }

    @Test func oneOutputLinePerInputLine() throws {
        let lines = (0..<500).map { "Line \($0): B\u{200B}UY n0w!!! s.e.l.l" }
        let result = try CLI.run(["normalize"], stdin: lines.joined(separator: "\n") + "\n")
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.count == 501)
        #expect(output[0] == "line 0: buy now!!! sell")
        #expect(output[499] == "line 499: buy now!!! sell")
    }
}
