import Testing

/// `conduct classify`: unreadable lines among good ones, and every exit code.
@Suite struct ClassifyExitCodeTests {
    /// Good lines, unreadable ones, and lines that look hostile but are fine, in one input.
    static let mixedInput: [UInt8] = {
        var lines: [[UInt8]] = []
        lines.append(Array(#"{"id":"a","text":"You idiot"}"#.utf8))
        lines.append(Array(#"{"id":"b","text":"#.utf8))                          // invalid JSON
        lines.append(Array(#"{"id":"c"}"#.utf8))                                   // no text
        lines.append(Array(#"{"id":"d","text":42}"#.utf8))                         // text of the wrong type
        lines.append(Array(#"{"id":"e","meta":"#.utf8)                             // 50,000 deep
                     + Array(repeating: UInt8(ascii: "["), count: 50_000)
                     + Array(repeating: UInt8(ascii: "]"), count: 50_000)
                     + Array(#","text":"hi"}"#.utf8))
        lines.append(Array(#"{"id":"f","text":""#.utf8) + [0xFF] + Array(#" you idiot"}"#.utf8))  // invalid UTF-8
        lines.append(Array(repeating: UInt8(ascii: "["), count: 50_000)
                     + Array(repeating: UInt8(ascii: "]"), count: 50_000))       // not an object
        lines.append([])                                                           // empty line
        lines.append(Array(#"{"id":9,"text":"Bike for sale"}"#.utf8))
        lines.append(Array(#"{"id":"j","text":"x","text":"idiot"}"#.utf8))        // duplicate key
        return lines.flatMap { $0 + [0x0A] }
    }()

    @Test func everyInputLineGetsOneOutputLineInOrderAndUnreadableOnesExitWith3() throws {
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: Self.mixedInput)
        #expect(result.lines == [
            #"{"id":"a","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":4,"end":9,"match":"idiot"}]}"#,
            #"{"id":"2","error":"expected a JSON value, found end of line at byte 17"}"#,
            #"{"id":"3","error":"missing field \"text\""}"#,
            #"{"id":"4","error":"field \"text\" must be a string, found number at byte 17"}"#,
            #"{"id":"5","error":"nesting depth exceeds the limit of 512 at byte 528"}"#,
            // Invalid UTF-8 is not an error: it reads as U+FFFD (3 bytes), and spans count in
            // the decoded text.
            #"{"id":"f","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":8,"end":13,"match":"idiot"}]}"#,
            #"{"id":"7","error":"expected a JSON object, found array at byte 0"}"#,
            #"{"id":"8","error":"expected a JSON object, found end of line at byte 0"}"#,
            #"{"id":"9","labels":[],"action":"allow","scores":{"harassment":0,"selling":0.3},"hits":[{"rule":"selling.for_sale","category":"selling","weight":0.3,"start":5,"end":13,"match":"for sale"}]}"#,
            #"{"id":"10","error":"duplicate key \"text\" at byte 21"}"#,
        ])
        #expect(result.stderr == "conduct: 7 of 10 lines could not be read\n")
        #expect(result.status == 3)
    }

    @Test func unreadableLinesInTextFormat() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "text"], stdin: Self.mixedInput)
        #expect(result.lines == [
            "a\treview\tharassment\tharassment.insult@4..<9 \"idiot\"",
            "2\terror\texpected a JSON value, found end of line at byte 17",
            "3\terror\tmissing field \"text\"",
            "4\terror\tfield \"text\" must be a string, found number at byte 17",
            "5\terror\tnesting depth exceeds the limit of 512 at byte 528",
            "f\treview\tharassment\tharassment.insult@8..<13 \"idiot\"",
            "7\terror\texpected a JSON object, found array at byte 0",
            "8\terror\texpected a JSON object, found end of line at byte 0",
            "9\tallow\t-\tselling.for_sale@5..<13 \"for sale\"",
            "10\terror\tduplicate key \"text\" at byte 21",
        ])
        #expect(result.status == 3)
    }

    @Test func invalidUTF8InPlainTextKeepsSpansInTheOriginalBytes() throws {
        // "caf\xE9 idiot": the hit starts at byte 5 of the line as given; "for\xFF sale" matches
        // across the bad byte, which the output shows as U+FFFD.
        let input: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" idiot\nBike for".utf8) + [0xFF] + Array(" sale\n".utf8)
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: input)
        #expect(result.lines == [
            #"{"id":"1","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":5,"end":10,"match":"idiot"}]}"#,
            #"{"id":"2","labels":[],"action":"allow","scores":{"harassment":0,"selling":0.3},"hits":[{"rule":"selling.for_sale","category":"selling","weight":0.3,"start":5,"end":14,"match":"for\#u{FFFD} sale"}]}"#,
        ])
        #expect(result.status == 0)
    }

    @Test(arguments: [
        (["--fail-on", "review"], Int32(1)),
        (["--fail-on", "remove"], Int32(1)),
        ([], Int32(0)),
    ])
    func failOnExitsWith1WhenAPostReachesTheAction(options: [String], status: Int32) throws {
        let result = try CLI.run(["classify", "--rules", "rules"] + options,
                                 stdin: "You idiot\nI will hurt you\n")
        #expect(result.lines.count == 2)
        #expect(result.stderr == "")
        #expect(result.status == status)
    }

    @Test func failOnRemoveIgnoresPostsThatOnlyReachReview() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--fail-on", "remove", "--format", "text"],
                                 stdin: "You idiot\nhello\n")
        #expect(result.stdout == "1\treview\tharassment\tharassment.insult@4..<9 \"idiot\"\n2\tallow\t-\t-\n")
        #expect(result.status == 0)
    }

    @Test func failOnReviewPassesCleanPosts() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--fail-on", "review", "--format", "text"],
                                 stdin: "hello\nBike for sale\n")
        #expect(result.stdout == "1\tallow\t-\t-\n2\tallow\t-\tselling.for_sale@5..<13 \"for sale\"\n")
        #expect(result.status == 0)
    }

    @Test func unreadableInputWinsOverFailOn() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--fail-on", "review", "--format", "text"],
                                 stdin: "{\"text\":\"You idiot\"}\n{\"text\":5}\n")
        #expect(result.lines == [
            "1\treview\tharassment\tharassment.insult@4..<9 \"idiot\"",
            "2\terror\tfield \"text\" must be a string, found number at byte 8",
        ])
        #expect(result.stderr == "conduct: 1 of 2 lines could not be read\n")
        #expect(result.status == 3)
    }

    @Test func missingFileExitsWith2BeforeWritingAnything() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "inputs/posts.txt", "inputs/missing.jsonl"])
        #expect(result.stdout == "")
        #expect(result.stderr == "conduct: cannot read 'inputs/missing.jsonl': cannot open inputs/missing.jsonl: "
                + "No such file or directory (errno 2)\n")
        #expect(result.status == 2)
    }

    @Test func folderGivenAsInputExitsWith2AfterTheFilesBeforeIt() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "text", "inputs/posts.txt", "inputs"])
        #expect(result.lines == ["1\tallow\t-\t-", "2\treview\tharassment\tharassment.insult@14..<19 \"moron\""])
        #expect(result.stderr == "conduct: cannot read 'inputs': read failed after line 0: Is a directory (errno 21)\n")
        #expect(result.status == 2)
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--bogus"], stdin: "hello\n")
        #expect(result.stdout == "")
        #expect(result.stderr == """
            Error: Unknown option '--bogus'. Did you mean '--jobs'?
            Usage: conduct classify [<file> ...] [--rules <dir>] [--guidelines <dir>] [--cache-dir <dir>] [--no-cache] [--jobs <jobs>] [--format <format>] [--input <input>] [--only-flagged] [--fail-on <fail-on>] [--all-languages]
              See 'conduct classify --help' for more information.

            """)
        #expect(result.status == 2)
    }

    @Test(arguments: ["0", "513"])
    func jobsOutOfRangeIsAUsageError(jobs: String) throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--jobs", jobs], stdin: "hello\n")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: --jobs must be between 1 and 512, got \(jobs)\nUsage: conduct classify "))
        #expect(result.status == 2)
    }

    @Test func unknownFormatValueIsAUsageError() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "csv"], stdin: "hello\n")
        #expect(result.stderr.hasPrefix("Error: The value 'csv' is invalid for '--format <format>'. Please provide one of 'jsonl' and 'text'.\n"))
        #expect(result.status == 2)
    }

    @Test func ruleErrorsExitWith2WithEveryDiagnostic() throws {
        let result = try CLI.run(["classify", "--rules", "bad-rules"], stdin: "hello\n")
        #expect(result.stdout == "")
        #expect(result.stderr == LintCommandTests.badRuleDiagnostics)
        #expect(result.status == 2)
    }

    @Test func missingRulesFolderExitsWith2() throws {
        let result = try CLI.run(["classify", "--rules", "no-such-rules"], stdin: "hello\n")
        #expect(result.stderr == """
            no-such-rules:1:1: error: cannot read the rules folder no-such-rules: No such file or directory
            1 error in rule files

            """)
        #expect(result.status == 2)
    }
}
