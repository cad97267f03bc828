import Testing

/// `--help`: the exit codes and the choices a user has, as stored text.
@Suite struct HelpTests {
    @Test func rootHelpListsEveryExitCode() throws {
        let result = try CLI.run(["--help"])
        #expect(result.stdout.hasPrefix("""
            OVERVIEW: Classify posts against a community's code of conduct.

            Exit codes:
              0  success
              1  a gate failed: a post reached --fail-on, eval regressed past its
                 baseline, or a rule example failed
              2  usage error, or rule files with errors
              3  some input lines were unreadable (every other line was still processed
                 and written)

            USAGE: conduct <subcommand>

            """))
        for command in ["classify", "explain", "eval", "lint", "test"] {
            #expect(result.stdout.contains("\n  \(command) "), "subcommand \(command) missing from help")
        }
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func classifyHelpListsTheFormatsAndTheExitCodes() throws {
        let result = try CLI.run(["classify", "--help"])
        #expect(result.stdout.contains("""

            Exit codes: 0 success; 1 a post reached --fail-on; 2 usage or rule errors, or
            an input file that cannot be read; 3 some input lines were unreadable (every
            other line is still processed; 3 wins over 1).

            """))
        #expect(result.stdout.contains("""
              --jobs <jobs>           Worker threads (default: all cores).
              --format <format>       Output format. (values: jsonl, text; default: jsonl)
              --input <input>         Input format: auto detects JSONL when a file's first
                                      line starts with '{'. (values: auto, jsonl, text;
                                      default: auto)

            """))
        #expect(result.stdout.contains("""
              --fail-on <fail-on>     Exit with 1 when any post reaches this action.
                                      (values: review, remove)

            """))
        #expect(result.status == 0)
    }

    @Test func helpSubcommandShowsTheSameText() throws {
        let help = try CLI.run(["help", "classify"])
        let flag = try CLI.run(["classify", "--help"])
        #expect(help.stdout == flag.stdout)
        #expect(help.status == 0)
    }

    @Test func evalHelpListsTheReportFormats() throws {
        let result = try CLI.run(["eval", "--help"])
        #expect(result.stdout.contains("  --format <format>       Report format. (values: text, json, markdown;\n                          default: text)\n"))
        #expect(result.status == 0)
    }

    @Test func noSubcommandPrintsHelpAndSucceeds() throws {
        let result = try CLI.run([])
        #expect(result.stdout == (try CLI.run(["--help"])).stdout)
        #expect(result.status == 0)
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try CLI.run(["classifyy"])
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: Unexpected argument 'classifyy'\n"))
        #expect(result.status == 2)
    }
}
