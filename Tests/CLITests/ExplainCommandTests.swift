import Testing

/// `conduct explain`: the full text a moderator reads, for hits and for near misses.
@Suite struct ExplainCommandTests {
    @Test func hitsAreBracketedAndExplainedWithTheirGuideline() throws {
        let result = try CLI.run(["explain", "--rules", "rules", "--color", "never",
                                  "Only 15 euros each, buy now with promo code SAVE20, you idiot"])
        #expect(result.stdout == """
            post:       Only 15 ⟦euros each, buy now⟧ with ⟦promo code⟧ SAVE20, you ⟦idiot⟧
            normalized: only 15 euros each, buy now with promo code save20, you idiot
            verdict:    review (labels: harassment, selling)

            hits:
              selling.pitch (selling, weight 0.5): 'euros each, buy now' at 8..<27, matched as 'euros each, buy now'
                A price with a push to buy
                guideline: community.txt "Do not sell products or services"
              selling.discount_code (selling, weight 0.6): 'promo code' at 33..<43, matched as 'promo code'
                Discount code offered with a push to buy
                guideline: community.txt "do not post promotions"
              harassment.insult (harassment, weight 0.6): 'idiot' at 56..<61, matched as 'idiot'
                Calling someone an insult
                guideline: community.txt "no insults"

            components (score only through composites):
              selling.price (selling, weight 0): 'euros' at 8..<13, matched as 'euros'
                A price
                guideline: community.txt "Do not sell"
              selling.call_to_action (selling, weight 0): 'buy now' at 20..<27, matched as 'buy now'
                Push to buy or to get in touch
                guideline: community.txt "Do not sell"

            near misses:
              none

            scores:
              harassment  0.60  (review at 0.50, remove at 0.90)  review
              selling     0.80  (review at 0.50, remove at 0.85)  review

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func nearMissesNameTheMissingContextAndTheExceptions() throws {
        let result = try CLI.run(["explain", "--rules", "rules", "--color", "never",
                                  "What promo code? You are not an idiot, and the bike is not for sale"])
        #expect(result.stdout == """
            post:       What promo code? You are not an idiot, and the bike is not for sale
            normalized: what promo code? you are not an idiot, and the bike is not for sale
            verdict:    allow (labels: none)

            hits:
              none

            near misses:
              selling.discount_code (selling, weight 0.6): 'promo code' at 5..<15
                needs one of [<buy>] within 6 words (either); none found
              harassment.insult (harassment, weight 0.6): 'idiot' at 32..<37
                exception 'not' (unless_near, within 2 words) matched 'not' at 25..<28
              selling.for_sale (selling, weight 0.3): 'for sale' at 59..<67
                exception 'not for sale' matched 'not for sale' at 55..<67

            scores:
              harassment  0.00  (review at 0.50, remove at 0.90)  allow
              selling     0.00  (review at 0.50, remove at 0.85)  allow

            """)
        #expect(result.status == 0)
    }

    @Test func compositeMissingAComponentIsANearMiss() throws {
        // Read from standard input; the final line break is not part of the post.
        let result = try CLI.run(["explain", "--rules", "rules", "--color", "never"], stdin: "Half price for you\n")
        #expect(result.stdout == """
            post:       Half price for you
            normalized: half price for you
            verdict:    allow (labels: none)

            hits:
              none

            components (score only through composites):
              selling.price (selling, weight 0): 'Half price' at 0..<10, matched as 'half price'
                A price
                guideline: community.txt "Do not sell"

            near misses:
              selling.pitch (selling, weight 0.5): 'Half price' at 0..<10
                needs 2 of [selling.price, selling.call_to_action] within 10 words; found [selling.price]

            scores:
              harassment  0.00  (review at 0.50, remove at 0.90)  allow
              selling     0.00  (review at 0.50, remove at 0.85)  allow

            """)
        #expect(result.status == 0)
    }

    @Test func ruleForAnotherLanguageIsANearMiss() throws {
        let result = try CLI.run(["explain", "--rules", "rules", "--color", "never", "--lang", "en", "jij sukkel"])
        #expect(result.stdout == """
            post:       jij sukkel
            normalized: jij sukkel
            verdict:    allow (labels: none)

            hits:
              none

            near misses:
              harassment.dutch_insult (harassment, weight 0.6): 'sukkel' at 4..<10
                rule is for [nl]; the post is 'en'

            scores:
              harassment  0.00  (review at 0.50, remove at 0.90)  allow
              selling     0.00  (review at 0.50, remove at 0.85)  allow

            """)
        #expect(result.status == 0)
    }

    @Test func dashReadsStandardInput() throws {
        let fromArgument = try CLI.run(["explain", "--rules", "rules", "--color", "never", "I will hurt you"])
        let fromDash = try CLI.run(["explain", "--rules", "rules", "--color", "never", "-"], stdin: "I will hurt you\n")
        #expect(fromDash.stdout == fromArgument.stdout)
        #expect(fromArgument.stdout.hasPrefix("""
            post:       ⟦I will hurt you⟧
            normalized: i will hurt you
            verdict:    remove (labels: harassment)

            """))
    }

    @Test func colorAlwaysHighlightsWithANSIBoldRed() throws {
        let result = try CLI.run(["explain", "--rules", "rules", "--color", "always", "You idiot"])
        #expect(result.lines.first == "post:       You \u{1B}[1;31midiot\u{1B}[0m")
        #expect(result.status == 0)
    }

    @Test func colorAutoIsOffWhenOutputIsNotATerminal() throws {
        let result = try CLI.run(["explain", "--rules", "rules", "You idiot"])
        #expect(result.lines.first == "post:       You ⟦idiot⟧")
    }

    @Test func ruleErrorsExitWith2() throws {
        let result = try CLI.run(["explain", "--rules", "bad-rules", "You idiot"])
        #expect(result.stdout == "")
        #expect(result.stderr == LintCommandTests.badRuleDiagnostics)
        #expect(result.status == 2)
    }
}
