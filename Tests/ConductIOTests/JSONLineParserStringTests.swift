import ConductIO
import Testing

@Suite struct JSONLineParserStringTests {
    @Test(arguments: [
        (#"\""#, [0x22]), (#"\\"#, [0x5C]), (#"\/"#, [0x2F]), (#"\b"#, [0x08]), (#"\f"#, [0x0C]),
        (#"\n"#, [0x0A]), (#"\r"#, [0x0D]), (#"\t"#, [0x09]), (#"\u0041"#, [0x41]),
        (#"\u0000"#, [0x00]), (#"\u007f"#, [0x7F]), (#"\u00e9"#, [0xC3, 0xA9]), (#"\u00E9"#, [0xC3, 0xA9]),
        (#"\u20AC"#, [0xE2, 0x82, 0xAC]), (#"\uFFFF"#, [0xEF, 0xBF, 0xBF]),
    ] as [(String, [UInt8])])
    func eachEscapeDecodes(escape: String, expected: [UInt8]) throws {
        let line = Array(#"{"text":"<"#.utf8) + Array(escape.utf8) + Array(#">"}"#.utf8)
        #expect(try textBytes(line) == [0x3C] + expected + [0x3E])
    }

    @Test func allEscapesTogether() throws {
        let post = try record(#"{"text":"q\"b\\s\/b\bf\fn\nr\rt\tu\u0041é"}"#)
        #expect(post.text == "q\"b\\s/b\u{8}f\u{C}n\nr\rt\tuAé")
    }

    @Test(arguments: [
        (#"\ud83d\ude00"#, "😀"), (#"\uD83D\uDE00"#, "😀"), (#"\udbff\udfff"#, "\u{10FFFF}"),
        (#"\ud800\udc00"#, "\u{10000}"),
        (#"\ud800"#, "\u{FFFD}"), (#"\udc00"#, "\u{FFFD}"), (#"\udfff\ud800"#, "\u{FFFD}\u{FFFD}"),
        (#"\ud800x"#, "\u{FFFD}x"), (#"\ud800\u0041"#, "\u{FFFD}A"),
        (#"\ud800\ud83d\ude00"#, "\u{FFFD}😀"), (#"\ude00\ud83d"#, "\u{FFFD}\u{FFFD}"),
        (#"\ud800\n"#, "\u{FFFD}\n"),
    ])
    func surrogates(escapes: String, expected: String) throws {
        #expect(try record(#"{"text":"<"# + escapes + #">"}"#).text == "<" + expected + ">")
    }

    /// Unicode §3.9, Table 3-8 and its neighbours: one U+FFFD per maximal subpart.
    @Test(arguments: [
        ([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64],
         "a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d"),
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
        ([0xE0, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF5, 0x41], "\u{FFFD}A"),
        ([0xFF], "\u{FFFD}"),
        ([0xE2, 0x82], "\u{FFFD}"),
        ([0xF0, 0x9F, 0x98], "\u{FFFD}"),
        ([0xF0, 0x9F, 0x98, 0x80, 0xF0, 0x9F], "😀\u{FFFD}"),
        ([0xC3, 0xA9, 0xC3], "é\u{FFFD}"),
        ([0xED, 0x9F, 0xBF], "\u{D7FF}"),
        ([0xEF, 0xBB, 0xBF], "\u{FEFF}"),
    ] as [([UInt8], String)])
    func invalidUTF8IsReplacedPerMaximalSubpart(raw: [UInt8], expected: String) throws {
        let line = Array(#"{"text":""#.utf8) + raw + Array(#""}"#.utf8)
        #expect(try textBytes(line) == Array(expected.utf8))
    }

    @Test func invalidUTF8MixedWithEscapes() throws {
        let line = Array(#"{"text":"\n"#.utf8) + [0xC3] + Array(#"\u00e9x"#.utf8) + [0x80] + Array(#"""#.utf8) + [0x7D]
        #expect(try textBytes(line) == Array("\n\u{FFFD}éx\u{FFFD}".utf8))
    }

    @Test func invalidUTF8InSkippedFieldsIsAccepted() throws {
        let line = Array(#"{"x":""#.utf8) + [0xFF, 0xC3] + Array(#"","text":"ok"}"#.utf8)
        #expect(try record(bytes: line).text == "ok")
    }

    @Test func rawDeleteIsAllowed() throws {
        #expect(try record("{\"text\":\"a\u{7F}b\"}").text == "a\u{7F}b")
    }

    @Test(arguments: [
        ("{\"text\":\"a\tb\"}", JSONLineError("unescaped control character U+0009 in string", at: 10)),
        ("{\"text\":\"\u{0}\"}", JSONLineError("unescaped control character U+0000 in string", at: 9)),
        ("{\"skipped\":\"\u{1F}\",\"text\":\"a\"}", JSONLineError("unescaped control character U+001F in string", at: 12)),
        ("{\"text\":\"abcdefghijklmnop\u{1}\"}", JSONLineError("unescaped control character U+0001 in string", at: 25)),
        (#"{"text":"a\x"}"#, JSONLineError(#"invalid escape sequence "\x" in string"#, at: 10)),
        (#"{"x":"\'","text":"a"}"#, JSONLineError(#"invalid escape sequence "\'" in string"#, at: 6)),
        ("{\"text\":\"\\\u{e9}\"}", JSONLineError(#"invalid escape sequence: "\" followed by byte 0xC3 in string"#, at: 9)),
        (#"{"text":"\u12G4"}"#, JSONLineError(#"invalid \u escape: expected 4 hex digits"#, at: 9)),
        (#"{"text":"\u12"}"#, JSONLineError(#"invalid \u escape: expected 4 hex digits"#, at: 9)),
        (#"{"text":"\u12"#, JSONLineError(#"invalid \u escape: expected 4 hex digits"#, at: 9)),
        (#"{"text":"\ud800\uZZZZ"}"#, JSONLineError(#"invalid \u escape: expected 4 hex digits"#, at: 15)),
        (#"{"text":"abc"#, JSONLineError("unterminated string", at: 8)),
        (#"{"text":"abc\"#, JSONLineError("unterminated string", at: 8)),
        (#"{"text":"abc\"}"#, JSONLineError("unterminated string", at: 8)),
        (#"{"tex"#, JSONLineError("unterminated string", at: 1)),
    ])
    func stringErrors(line: String, expected: JSONLineError) {
        #expect(parseError(line) == expected)
    }

    @Test func escapedKeysCompareDecoded() throws {
        #expect(try record(#"{"te\u0078t":"a","\u0069d":7}"#) == PostRecord(id: "7", text: "a"))
        #expect(parseError(#"{"text":"a","te\u0078t":"b"}"#) == JSONLineError(#"duplicate key "text""#, at: 12))
        #expect(try record(#"{"text\u0000":"a","text":"b"}"#).text == "b")
    }

    @Test func hugeStringParses() throws {
        let body = String(repeating: "abcdefghé ", count: 1_000_000)           // 11 MB
        let post = try record(#"{"id":1,"text":""# + body + #""}"#)
        #expect(post.text?.utf8.count == 11_000_000)
        #expect(post.text == body)
    }

    @Test func hugeEscapedStringParses() throws {
        let body = String(repeating: #"ab\ncd\u00e9 "#, count: 1_000_000)        // 13 MB in, 8 MB out
        let post = try record(#"{"text":""# + body + #""}"#)
        #expect(post.text == String(repeating: "ab\ncdé ", count: 1_000_000))
    }

    @Test func scratchIsReusedAcrossLines() throws {
        let parser = JSONLineParser()
        let first = try parser.parseRecord(Array(#"{"id":"a\u0041","text":"x\ny","labels":["\u0062"]}"#.utf8))
        let second = try parser.parseRecord(Array(#"{"id":"plain","text":"\u00e9","lang":"\u006el"}"#.utf8))
        #expect(first == PostRecord(id: "aA", text: "x\ny", labels: ["b"]))
        #expect(second == PostRecord(id: "plain", text: "é", lang: "nl"))
    }
}
