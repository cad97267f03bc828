import ConductKit
import ConductRules
import Testing

@Suite("Pattern constructs")
struct PatternMatchingTests {
    func hits(_ patterns: [Pattern], _ text: String, near: Context? = nil, unless: [Pattern] = [],
              unlessNear: Context? = nil) throws -> [String] {
        let rules = try R.compile(R.category("harassment", [
            R.rule("harassment.x", patterns, near: near, unless: unless, unlessNear: unlessNear),
        ]))
        return R.hits(rules.classify(text))
    }

    @Test("whole words match on word boundaries only", arguments: [
        ("you idiot!", ["harassment.x@4..<9'idiot'"]),
        ("IDIOT", ["harassment.x@0..<5'IDIOT'"]),
        ("idiotic idea", []),
        ("semidiot", []),
        ("idiot, idiot", ["harassment.x@0..<5'idiot'", "harassment.x@7..<12'idiot'"]),
    ])
    func wholeWords(text: String, expected: [String]) throws {
        #expect(try hits([R.p("idiot")], text) == expected)
    }

    @Test("prefix, suffix and infix wildcards; a hit covers the whole word", arguments: [
        (R.w("scam", .prefix), "those scammers again", ["harassment.x@6..<14'scammers'"]),
        (R.w("scam", .prefix), "no escam here", []),
        (R.w("hole", .suffix), "what an asshole", ["harassment.x@8..<15'asshole'"]),
        (R.w("hole", .suffix), "holes in the road", []),
        (R.w("kanker", .infix), "vuile kankerlijer", ["harassment.x@6..<17'kankerlijer'"]),
        (R.w("kanker", .infix), "kanker", ["harassment.x@0..<6'kanker'"]),
    ])
    func wildcards(element: PatternElement, text: String, expected: [String]) throws {
        #expect(try hits([R.p([element])], text) == expected)
    }

    @Test("phrases match consecutive words; punctuation between them is ignored", arguments: [
        ("go kill yourself", ["harassment.x@3..<16'kill yourself'"]),
        ("kill, yourself", ["harassment.x@0..<14'kill, yourself'"]),
        ("kill it yourself", []),
        ("yourself kill", []),
    ])
    func phrases(text: String, expected: [String]) throws {
        #expect(try hits([R.p("kill yourself")], text) == expected)
    }

    @Test("gaps skip up to N words", arguments: [
        ("buy now", ["harassment.x@0..<7'buy now'"]),
        ("buy it right now", ["harassment.x@0..<16'buy it right now'"]),
        ("buy one two three now", []),
    ])
    func gaps(text: String, expected: [String]) throws {
        #expect(try hits([R.p([R.w("buy"), R.gap(2), R.w("now")])], text) == expected)
    }

    @Test("alternation and optional groups", arguments: [
        ("dm me", ["harassment.x@0..<5'dm me'"]),
        ("please message me", ["harassment.x@7..<17'message me'"]),
        ("send me a private message", ["harassment.x@0..<25'send me a private message'"]),
        ("send me a message", ["harassment.x@0..<17'send me a message'"]),
        ("me dm", []),
    ])
    func alternation(text: String, expected: [String]) throws {
        let pattern = R.p([R.alt([R.w("dm"), R.w("me")], [R.w("message"), R.w("me")],
                                 [R.w("send"), R.w("me"), R.w("a"), R.alt([R.w("private")], optional: true),
                                  R.w("message")])])
        #expect(try hits([pattern], text) == expected)
    }

    @Test("near requires a context word within reach, on the given side")
    func near() throws {
        let context = Context(any: [R.p("buy"), R.p("order")], within: 3, side: .either)
        #expect(try hits([R.p("discount")], "order now for a discount", near: context)
            == ["harassment.x@16..<24'discount'"])
        #expect(try hits([R.p("discount")], "a discount is not the point", near: context) == [])
        #expect(try hits([R.p("discount")], "order one two three four discount", near: context) == [])
        let before = Context(any: [R.p("buy")], within: 3, side: .before)
        #expect(try hits([R.p("discount")], "discount if you buy", near: before) == [])
        #expect(try hits([R.p("discount")], "buy for a discount", near: before) == ["harassment.x@10..<18'discount'"])
    }

    @Test("unless drops hits it overlaps; unless_near drops hits it is near")
    func exceptions() throws {
        let vermin = [R.p("are vermin")]
        #expect(try hits(vermin, "they are vermin", unless: [R.p("they are vermin")]) == [])
        #expect(try hits(vermin, "rats are vermin", unless: [R.p("they are vermin")])
            == ["harassment.x@5..<15'are vermin'"])
        let negation = Context(any: [R.p("not"), R.p("never")], within: 1, side: .before)
        #expect(try hits([R.p("vermin")], "they are not vermin", unlessNear: negation) == [])
        #expect(try hits([R.p("vermin")], "not all of them are vermin", unlessNear: negation)
            == ["harassment.x@20..<26'vermin'"])
    }
}
