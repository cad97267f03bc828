import Testing
import ConductMatching
@testable import ConductRules

@Suite struct PatternParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: String
        var expected: [PatternSyntax]
        var testDescription: String { pattern }
    }

    static let parsed: [Case] = [
        Case(pattern: "idiot", expected: [.word("idiot", .whole)]),
        Case(pattern: "kill yourself", expected: [.word("kill", .whole), .word("yourself", .whole)]),
        Case(pattern: "  spaced\tout\n", expected: [.word("spaced", .whole), .word("out", .whole)]),
        Case(pattern: "scam*", expected: [.word("scam", .prefix)]),
        Case(pattern: "*hole", expected: [.word("hole", .suffix)]),
        Case(pattern: "*kanker*", expected: [.word("kanker", .infix)]),
        Case(pattern: "*2nd", expected: [.word("2nd", .suffix)]),
        Case(pattern: "*2*", expected: [.word("2", .infix)]),
        Case(pattern: "buy * now", expected: [.word("buy", .whole), .gap(3), .word("now", .whole)]),
        Case(pattern: "dm me *2 details", expected: [.word("dm", .whole), .word("me", .whole), .gap(2), .word("details", .whole)]),
        Case(pattern: "a *50 b", expected: [.word("a", .whole), .gap(50), .word("b", .whole)]),
        Case(pattern: "a *1 b", expected: [.word("a", .whole), .gap(1), .word("b", .whole)]),
        Case(pattern: "a *b", expected: [.word("a", .whole), .word("b", .suffix)]),
        Case(pattern: "scam* * x", expected: [.word("scam", .prefix), .gap(3), .word("x", .whole)]),
        Case(pattern: "scam**x", expected: [.word("scam", .prefix), .word("x", .suffix)]),
        Case(pattern: "(dm|pm) me", expected: [.group([[.word("dm", .whole)], [.word("pm", .whole)]], optional: false), .word("me", .whole)]),
        Case(pattern: "(really)? stupid", expected: [.group([[.word("really", .whole)]], optional: true), .word("stupid", .whole)]),
        Case(pattern: "you (are|(really|truly)? look) dumb", expected: [
            .word("you", .whole),
            .group([[.word("are", .whole)],
                    [.group([[.word("really", .whole)], [.word("truly", .whole)]], optional: true), .word("look", .whole)]],
                   optional: false),
            .word("dumb", .whole),
        ]),
        Case(pattern: "(a * b|c)", expected: [.group([[.word("a", .whole), .gap(3), .word("b", .whole)], [.word("c", .whole)]], optional: false)]),
        Case(pattern: "a(b)c", expected: [.word("a", .whole), .group([[.word("b", .whole)]], optional: false), .word("c", .whole)]),
        Case(pattern: "(a)?b", expected: [.group([[.word("a", .whole)]], optional: true), .word("b", .whole)]),
        Case(pattern: "what ?", expected: [.word("what", .whole), .word("?", .whole)]),
        Case(pattern: "{email}", expected: [.detector(.email)]),
        Case(pattern: "{number} % off", expected: [.detector(.number), .word("%", .whole), .word("off", .whole)]),
        Case(pattern: "{number}%", expected: [.detector(.number), .word("%", .whole)]),
        Case(pattern: "{email} {phone} {url} {handle} {iban} {bsn} {postcode} {address} {money}", expected: [
            .detector(.email), .detector(.phone), .detector(.url), .detector(.handle), .detector(.iban),
            .detector(.bsn), .detector(.postcode), .detector(.address), .detector(.money),
        ]),
        Case(pattern: "<buy> now", expected: [.list("buy"), .word("now", .whole)]),
        Case(pattern: "e-mail what's", expected: [.word("e-mail", .whole), .word("what's", .whole)]),
        Case(pattern: "f.u.c.k!", expected: [.word("f.u.c.k!", .whole)]),
        Case(pattern: "Größe ＩＤＩＯＴ", expected: [.word("Größe", .whole), .word("ＩＤＩＯＴ", .whole)]),
        Case(pattern: "id\u{200B}iot", expected: [.word("id\u{200B}iot", .whole)]),
        Case(pattern: "a\u{00A0}b", expected: [.word("a", .whole), .word("b", .whole)]),
        // ASCII white space is U+0009–U+000D and U+0020 (White_Space); U+001C is not.
        Case(pattern: "a\tb\u{0B}c\r\nd", expected: [.word("a", .whole), .word("b", .whole), .word("c", .whole), .word("d", .whole)]),
        Case(pattern: "a\u{1C}b c\u{3000}d", expected: [.word("a\u{1C}b", .whole), .word("c", .whole), .word("d", .whole)]),
    ]

    @Test(arguments: parsed)
    func parses(_ c: Case) throws {
        #expect(try PatternParser.parse(c.pattern).get() == c.expected)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var pattern: String
        var message: String
        var testDescription: String { pattern }
    }

    static let failures: [Failure] = [
        Failure(pattern: "", message: "empty pattern; write at least one word or detector"),
        Failure(pattern: "   ", message: "empty pattern; write at least one word or detector"),
        Failure(pattern: "*", message: "a gap cannot start a pattern or group; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "* *", message: "a gap cannot start a pattern or group; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "*3 idiot", message: "a gap cannot start a pattern or group; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "use code *1", message: "a gap cannot end a pattern; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "buy * * now", message: "two gaps in a row; merge them into one, e.g. '*6'"),
        Failure(pattern: "buy *2 *3 now", message: "two gaps in a row; merge them into one, e.g. '*6'"),
        Failure(pattern: "buy ** now", message: "two gaps in a row; merge them into one, e.g. '*6'"),
        Failure(pattern: "a *0 b", message: "gap '*0' is out of range; a gap spans 1 to 50 words, e.g. '*6'"),
        Failure(pattern: "a *51 b", message: "gap '*51' is out of range; a gap spans 1 to 50 words, e.g. '*6'"),
        Failure(pattern: "a *99999999999999999999 b", message: "gap '*99999999999999999999' is out of range; a gap spans 1 to 50 words, e.g. '*6'"),
        Failure(pattern: "sc*am", message: "'*' inside the word 'sc*am'; '*' may only start or end a word; for words in between write 'sc * am'"),
        Failure(pattern: "*sc*am", message: "'*' inside the word '*sc*am'; '*' may only start or end a word; for words in between write 'a * b'"),
        Failure(pattern: "(a|)", message: "empty alternative in a group; remove the extra '|', or write '(a)?' to make a group optional"),
        Failure(pattern: "(|a)", message: "empty alternative in a group; remove the extra '|', or write '(a)?' to make a group optional"),
        Failure(pattern: "x ()", message: "empty alternative in a group; remove the extra '|', or write '(a)?' to make a group optional"),
        Failure(pattern: "x ()?", message: "empty alternative in a group; remove the extra '|', or write '(a)?' to make a group optional"),
        Failure(pattern: "(* a) b", message: "a gap cannot start a pattern or group; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "a (b *)", message: "a gap cannot end a group; a gap stands between two elements, e.g. 'buy * now'"),
        Failure(pattern: "a | b", message: "'|' outside a group; write alternatives in parentheses, e.g. '(dm|pm) me'"),
        Failure(pattern: "(a b", message: "unclosed '(': 1 group not closed; add ')'"),
        Failure(pattern: "((a b", message: "unclosed '(': 2 groups not closed; add ')'"),
        Failure(pattern: "a b)", message: "unbalanced ')': no '(' opens it; remove it or add the '('"),
        Failure(pattern: "a }", message: "unbalanced '}': nothing opens it; remove it (punctuation is ignored when matching anyway)"),
        Failure(pattern: "<3 you", message: "unclosed '<'; write a list reference as '<name>'; '<' cannot appear inside a word"),
        Failure(pattern: "a > b", message: "unbalanced '>': nothing opens it; remove it (punctuation is ignored when matching anyway)"),
        Failure(pattern: "{email", message: "unclosed '{'; write a detector as '{email}'; '{' cannot appear inside a word"),
        Failure(pattern: "{e mail}", message: "unclosed '{'; write a detector as '{email}'; '{' cannot appear inside a word"),
        Failure(pattern: "{emial}", message: "unknown detector '{emial}'; did you mean '{email}'?; detectors: {address} {bsn} {card} {email} {handle} {iban} {money} {number} {phone} {postcode} {ssn} {url}"),
        Failure(pattern: "{}", message: "unknown detector '{}'; detectors: {address} {bsn} {card} {email} {handle} {iban} {money} {number} {phone} {postcode} {ssn} {url}"),
        Failure(pattern: "<>", message: "empty list reference '<>'; write '<name>' with the name of a list"),
        Failure(pattern: "(a)?", message: "pattern can match no words at all: every element is optional; make at least one element required"),
        Failure(pattern: "(a)? * (b)?", message: "pattern can match no words at all: every element is optional; make at least one element required"),
        Failure(pattern: "((a)?|b)", message: "pattern can match no words at all: every element is optional; make at least one element required"),
        Failure(pattern: String(repeating: "(", count: 9) + "a" + String(repeating: ")", count: 9),
                message: "groups nest 9 deep at this '('; the limit is 8; flatten the pattern or move alternatives into a list"),
        Failure(pattern: String(repeating: "a ", count: 65),
                message: "more than 64 elements in one sequence; the limit is 64; split the pattern into several patterns"),
        Failure(pattern: String(repeating: "x", count: 1001),
                message: "pattern is 1001 bytes; the limit is 1000 bytes; split it into several patterns or move alternatives into a list"),
    ]

    @Test(arguments: failures)
    func rejects(_ f: Failure) {
        #expect(PatternParser.parse(f.pattern) == .failure(PatternParseError(message: f.message)))
    }

    @Test func nestingUpToTheLimitParses() throws {
        let pattern = String(repeating: "(", count: 8) + "a" + String(repeating: ")", count: 8)
        var expected: [PatternSyntax] = [.word("a", .whole)]
        for _ in 0..<8 { expected = [.group([expected], optional: false)] }
        #expect(try PatternParser.parse(pattern).get() == expected)
    }

    @Test func sixtyFourElementsParse() throws {
        let pattern = String(repeating: "a ", count: 64)
        #expect(try PatternParser.parse(pattern).get() == Array(repeating: .word("a", .whole), count: 64))
    }

    @Test func alternativesPerGroupAreCapped() throws {
        var limits = RuleLimits.standard
        limits.alternativesPerGroup = 3
        #expect(try PatternParser.parse("(a|b|c)", limits: limits).get().count == 1)
        #expect(PatternParser.parse("(a|b|c|d)", limits: limits) == .failure(PatternParseError(message:
            "more than 3 alternatives in one group; the limit is 3; move them into a list")))
    }

    /// A hostile pattern of the maximal length parses in one pass: no nesting or backtracking
    /// blow-up from many groups, stars or brackets.
    @Test func hostilePatternsAreRejectedOrParsedLinearly() {
        let limits = RuleLimits.standard
        let noisy = String(repeating: "(a|", count: 300)
        #expect(PatternParser.parse(noisy, limits: limits) == .failure(PatternParseError(message:
            "groups nest 9 deep at this '('; the limit is 8; flatten the pattern or move alternatives into a list")))
        let stars = "a " + String(repeating: "*x* ", count: 200)
        #expect(PatternParser.parse(stars, limits: limits) == .failure(PatternParseError(message:
            "more than 64 elements in one sequence; the limit is 64; split the pattern into several patterns")))
    }
}
