import Testing

/// `conduct classify`: the output contract, line for line, with the fixture rules.
@Suite struct ClassifyOutputTests {
    static let input = """
        {"id":"a","text":"You idiot","lang":"en","extra":{"nested":[1,2,3]}}
        {"id":"b","text":"Thanks for the talk"}
        {"id":"c","text":"I will hurt you"}
        {"id":42,"text":"Only 15 euros each, buy now with promo code SAVE20"}
        {"text":"Bike for sale"}

        """

    static let verdicts = [
        #"{"id":"a","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":4,"end":9,"match":"idiot"}]}"#,
        #"{"id":"b","labels":[],"action":"allow","scores":{"harassment":0,"selling":0},"hits":[]}"#,
        #"{"id":"c","labels":["harassment"],"action":"remove","scores":{"harassment":0.9,"selling":0},"hits":[{"rule":"harassment.threat","category":"harassment","weight":0.9,"start":0,"end":15,"match":"I will hurt you"}]}"#,
        #"{"id":"42","labels":["selling"],"action":"review","scores":{"harassment":0,"selling":0.8},"hits":[{"rule":"selling.pitch","category":"selling","weight":0.5,"start":8,"end":27,"match":"euros each, buy now"},{"rule":"selling.discount_code","category":"selling","weight":0.6,"start":33,"end":43,"match":"promo code"}]}"#,
        #"{"id":"5","labels":[],"action":"allow","scores":{"harassment":0,"selling":0.3},"hits":[{"rule":"selling.for_sale","category":"selling","weight":0.3,"start":5,"end":13,"match":"for sale"}]}"#,
    ]

    @Test func jsonlInGivesOneVerdictPerLine() throws {
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: Self.input)
        #expect(result.lines == Self.verdicts)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    /// The YAML library reads YAMS_DEFAULT_ENCODING unless told the encoding, switches to
    /// UTF-16 and prints a notice to standard output for every file it parses: the rules are
    /// read as the UTF-8 they are, and standard output keeps to the verdicts.
    @Test func yamlEncodingVariableChangesNothing() throws {
        for value in ["utf16", "utf8"] {
            let result = try CLI.run(["classify", "--rules", "rules"], stdin: Self.input,
                                     environment: ["YAMS_DEFAULT_ENCODING": value])
            #expect(result.lines == Self.verdicts, "YAMS_DEFAULT_ENCODING=\(value)")
            #expect(result.stderr == "")
            #expect(result.status == 0)
        }
    }

    @Test func dashAndNoArgumentBothReadStandardInput() throws {
        let dash = try CLI.run(["classify", "--rules", "rules", "-"], stdin: Self.input)
        #expect(dash.lines == Self.verdicts)
        #expect(dash.status == 0)
    }

    @Test func textInputTakesLineNumbersAsIDs() throws {
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: "hello\nYou idiot\n\nBike for sale\n")
        #expect(result.lines == [
            #"{"id":"1","labels":[],"action":"allow","scores":{"harassment":0,"selling":0},"hits":[]}"#,
            #"{"id":"2","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":4,"end":9,"match":"idiot"}]}"#,
            #"{"id":"3","labels":[],"action":"allow","scores":{"harassment":0,"selling":0},"hits":[]}"#,
            #"{"id":"4","labels":[],"action":"allow","scores":{"harassment":0,"selling":0.3},"hits":[{"rule":"selling.for_sale","category":"selling","weight":0.3,"start":5,"end":13,"match":"for sale"}]}"#,
        ])
        #expect(result.status == 0)
    }

    @Test func inputTextReadsBracesAsPlainText() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--input", "text"],
                                 stdin: "  {\"id\":\"s\",\"text\":\"idiot\"}\n")
        #expect(result.lines == [
            #"{"id":"1","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":20,"end":25,"match":"idiot"}]}"#,
        ])
        #expect(result.status == 0)
    }

    @Test func textFormatWritesOneTabSeparatedLinePerPost() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "text"], stdin: Self.input)
        #expect(result.stdout == """
            a\treview\tharassment\tharassment.insult@4..<9 "idiot"
            b\tallow\t-\t-
            c\tremove\tharassment\tharassment.threat@0..<15 "I will hurt you"
            42\treview\tselling\tselling.pitch@8..<27 "euros each, buy now" selling.discount_code@33..<43 "promo code"
            5\tallow\t-\tselling.for_sale@5..<13 "for sale"

            """)
        #expect(result.status == 0)
    }

    @Test func onlyFlaggedDropsCleanPostsButKeepsUnreadableLines() throws {
        let input = Self.input + "{\"id\":\"z\"}\n"
        let result = try CLI.run(["classify", "--rules", "rules", "--only-flagged"], stdin: input)
        #expect(result.lines == [Self.verdicts[0], Self.verdicts[2], Self.verdicts[3],
                                 #"{"id":"6","error":"missing field \"text\""}"#])
        #expect(result.stderr == "conduct: 1 of 6 lines could not be read\n")
        #expect(result.status == 3)
    }

    @Test func onlyFlaggedInTextFormat() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--only-flagged", "--format", "text"], stdin: Self.input)
        #expect(result.lines == [
            "a\treview\tharassment\tharassment.insult@4..<9 \"idiot\"",
            "c\tremove\tharassment\tharassment.threat@0..<15 \"I will hurt you\"",
            "42\treview\tselling\tselling.pitch@8..<27 \"euros each, buy now\" selling.discount_code@33..<43 \"promo code\"",
        ])
        #expect(result.status == 0)
    }

    @Test func emptyInputWritesNothing() throws {
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: "")
        #expect(result.stdoutBytes.isEmpty)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func byteOrderMarkAndCarriageReturnsAreNotPartOfThePost() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "text"],
                                 stdin: "\u{FEFF}You idiot\r\nlast line without a line break, idiot")
        #expect(result.stdout == "1\treview\tharassment\tharassment.insult@4..<9 \"idiot\"\n"
                + "2\treview\tharassment\tharassment.insult@32..<37 \"idiot\"\n")
        #expect(result.status == 0)
    }

    @Test func multipleFilesAreReadInOrderEachWithItsOwnFormat() throws {
        let result = try CLI.run(["classify", "--rules", "rules", "--format", "text",
                                  "inputs/posts.txt", "inputs/posts.jsonl", "inputs/posts.txt"])
        #expect(result.stdout == """
            1\tallow\t-\t-
            2\treview\tharassment\tharassment.insult@14..<19 "moron"
            p1\treview\tharassment\tharassment.insult@4..<9 "idiot"
            p2\tallow\t-\t-
            1\tallow\t-\t-
            2\treview\tharassment\tharassment.insult@14..<19 "moron"

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func langFieldSelectsTheRulesOfThatLanguageUnlessAllLanguages() throws {
        let input = """
            {"id":"en","text":"jij sukkel","lang":"en"}
            {"id":"nl","text":"jij sukkel","lang":"nl"}
            {"id":"none","text":"jij sukkel"}

            """
        let byLanguage = try CLI.run(["classify", "--rules", "rules", "--format", "text"], stdin: input)
        #expect(byLanguage.stdout == """
            en\tallow\t-\t-
            nl\treview\tharassment\tharassment.dutch_insult@4..<10 "sukkel"
            none\treview\tharassment\tharassment.dutch_insult@4..<10 "sukkel"

            """)
        let every = try CLI.run(["classify", "--rules", "rules", "--format", "text", "--all-languages"], stdin: input)
        #expect(every.stdout == """
            en\treview\tharassment\tharassment.dutch_insult@4..<10 "sukkel"
            nl\treview\tharassment\tharassment.dutch_insult@4..<10 "sukkel"
            none\treview\tharassment\tharassment.dutch_insult@4..<10 "sukkel"

            """)
    }
}
