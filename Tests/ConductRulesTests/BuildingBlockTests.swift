import Testing
@testable import ConductRules

@Suite struct ExampleParserTests {
    @Test func stripsMarkersAndMeasuresUTF8Spans() throws {
        let parsed = try ExampleParser.parse("Use code ⟦SAVE20⟧ for ⟦20%⟧ off").get()
        #expect(parsed.text == "Use code SAVE20 for 20% off")
        #expect(parsed.spans == [9..<15, 20..<23])
        let emoji = try ExampleParser.parse("👩‍👩‍👧 é ⟦idiot⟧").get()
        #expect(emoji.text == "👩‍👩‍👧 é idiot")
        #expect(emoji.spans == [22..<27])
        #expect(Array(emoji.text.utf8)[22..<27] == Array("idiot".utf8)[...])
    }

    @Test func exampleWithoutMarkersHasNoSpans() throws {
        #expect(try ExampleParser.parse("buy now").get().spans == [])
    }

    @Test(arguments: [
        ("⟦a", "'⟦' is never closed; add '⟧' after the words the rule must match"),
        ("a⟧", "'⟧' without a '⟦' before it; mark a span as ⟦words⟧"),
        ("⟦⟧a", "empty marked span '⟦⟧'; put the words the rule must match between the markers"),
        ("⟦a ⟦b⟧⟧", "'⟦' inside a marked span; close the span with '⟧' before opening another"),
    ])
    func rejectsUnbalancedMarkers(_ text: String, _ message: String) {
        #expect(ExampleParser.parse(text).map(\.text) == .failure(PatternParseError(message: message)))
    }
}

@Suite struct CitationTests {
    @Test func parsesFileAndQuote() throws {
        #expect(try Citation.parse("  en.txt   \"Don't sell\" ").get() == Citation(file: "en.txt", quote: "Don't sell"))
        #expect(try Citation.parse("en.txt \"say \"no\" to spam\"").get() == Citation(file: "en.txt", quote: "say \"no\" to spam"))
    }

    @Test func rejectsOtherShapes() {
        #expect(Citation.parse("en.txt") == .failure(PatternParseError(message:
            "guideline 'en.txt' names no quoted words; write it as FILE \"QUOTED WORDS\", e.g. ecxo-code-of-conduct-en.txt \"Don't sell\"")))
        #expect(Citation.parse("en.txt “curly”") == .failure(PatternParseError(message:
            "guideline 'en.txt “curly”' is not a file name followed by words in double quotes; write it as FILE \"QUOTED WORDS\", e.g. ecxo-code-of-conduct-en.txt \"Don't sell\"")))
    }
}

@Suite struct GuidelineIndexTests {
    let index = GuidelineIndex(["en.txt": "Don’t  sell —\n“products”… or services.", "nl.txt": "Wees aardig."])

    @Test func foldsCaseSpaceQuotesAndDashes() {
        #expect(GuidelineIndex.fold("  Don’t\u{00A0}\u{00A0}SELL — “x”… co\u{00AD}operate ") == "don't sell - \"x\"... cooperate")
    }

    @Test(arguments: ["don't sell", "DON'T SELL - \"PRODUCTS\"", "don't … services", "sell ... products ... services.", "Wees aardig"])
    func findsQuotes(_ quote: String) {
        let file = quote.hasPrefix("Wees") ? "nl.txt" : "en.txt"
        #expect(index.problem(with: Citation(file: file, quote: quote)) == nil)
    }

    @Test func reportsWhatIsMissing() {
        #expect(index.problem(with: Citation(file: "en.txt", quote: "services … sell")) ==
            "guideline quote \"services … sell\": part 2 of 2 of the quote, \"sell\" do not occur in en.txt after the part before it; "
            + "copy the words exactly (case, white space, typographic quotes and dashes do not matter; '…' skips words)")
        #expect(index.problem(with: Citation(file: "nl.tx", quote: "Wees")) ==
            "guideline file 'nl.tx' does not exist; did you mean 'nl.txt'?; files: en.txt, nl.txt")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsTheNearestLikelyTypo() {
        #expect(Suggestion.closest(to: "scroe", among: ["score", "weight"]) == "score")
        #expect(Suggestion.closest(to: "weigth", among: RuleFileDecoder.ruleKeys) == "weight")
        #expect(Suggestion.closest(to: "unles", among: RuleFileDecoder.ruleKeys) == "unless")
        #expect(Suggestion.closest(to: "colour", among: RuleFileDecoder.fileKeys) == nil)
        #expect(Suggestion.closest(to: "x", among: ["y"]) == "y")
        #expect(Suggestion.closest(to: "", among: ["a"]) == nil)
        #expect(Suggestion.closest(to: "same", among: ["same"]) == nil)
    }

    @Test func distanceCountsTranspositionsOnce() {
        func d(_ a: String, _ b: String) -> Int { Suggestion.distance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(d("weigth", "weight") == 1)
        #expect(d("kitten", "sitting") == 3)
        #expect(d("", "abc") == 3)
        #expect(d("abc", "abc") == 0)
    }
}

@Suite struct YAMLScreenTests {
    @Test func plainRuleFilesPass() {
        let text = "match: [\"*hole\", \"buy * now\", \"dm me *2 details\", scam*, \"R&D\"]\nnear: { any: [a], within: 3 }\n"
        #expect(YAMLScreen.findings(in: text, maxAnchors: 20) == [])
    }

    @Test func reportsKeysThatCouldExpandAliases() {
        let text = "a: &x [1]\nb: {*x: 1}\nc:\n  ? *x\n  : 1\nd: {[*x]: 1}\n"
        #expect(YAMLScreen.findings(in: text, maxAnchors: 20).map { "\($0.line):\($0.column)" } == ["2:5", "4:3", "6:8"])
    }

    @Test func countsAnchorsAndErrsTowardsReporting() {
        // `&x` inside a quoted string counts too: the screen does not parse quotes.
        #expect(YAMLScreen.findings(in: "a: \"Q &A\"\nb: &b 1\n", maxAnchors: 1).map(\.line) == [2])
        #expect(YAMLScreen.findings(in: "a: &a 1\nb: &b 1\n", maxAnchors: 2) == [])
    }
}
