import ConductIO
import Testing

/// JSONL lines built to exhaust a parser: 10 MB strings, 50,000-deep nesting, 100,000 keys,
/// duplicate keys, wrong types, numbers like 1e999 by the thousand, invalid UTF-8 in every
/// string. Each ends in fields or in one error with its byte offset.
@Suite("Hostile JSONL lines")
struct HostileJSONLineTests {
    static func bytes(_ parts: String...) -> [UInt8] { Array(parts.joined().utf8) }

    @Test("a 10 MB string is read whole")
    func hugeString() throws {
        let text = String(repeating: "abcdefghij", count: 1_000_000)
        let read = try record(bytes: Self.bytes(#"{"id":"big","text":""#, text, #""}"#))
        #expect(read.id == "big" && read.text?.utf8.count == 10_000_000 && read.text == text)
    }

    @Test("a 10 MB string of escapes is decoded whole")
    func hugeEscapedString() throws {
        let read = try record(bytes: Self.bytes(#"{"text":""#, String(repeating: #"\u00e9\n\ud83d\ude00\""#, count: 500_000), #""}"#))
        #expect(read.text == String(repeating: "é\n😀\"", count: 500_000))
    }

    @Test("50,000-deep nesting stops at depth 512, in an unknown member and in a field")
    func deepNesting() throws {
        let arrays = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(parseError(#"{"text":"a","x":"# + arrays + "}")
                == JSONLineError("nesting depth exceeds the limit of 512", at: 16 + 511))
        #expect(parseError(#"{"text":"# + arrays + "}") == JSONLineError("nesting depth exceeds the limit of 512", at: 8 + 511))
        let objects = String(repeating: #"{"a":"#, count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        #expect(parseError(objects) == JSONLineError("nesting depth exceeds the limit of 512", at: 5 * 512))
        let atLimit = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        #expect(try record(#"{"text":"a","x":"# + atLimit + "}") == PostRecord(text: "a"))
    }

    @Test("100,000 unknown keys, repeated, are skipped; a repeated field is an error wherever it is")
    func keys() throws {
        let members = String(repeating: #""k":[1e999,-0.5E-7,true,null,{"k":"v"}],"#, count: 100_000)
        #expect(try record(bytes: Self.bytes("{", members, #""text":"a"}"#)) == PostRecord(text: "a"))
        let prefix = "{" + members
        #expect(parseError(prefix + #""text":"a","text":"b"}"#)
                == JSONLineError("duplicate key \"text\"", at: prefix.utf8.count + 11))
        #expect(parseError(#"{"id":"1","i\u0064":"2","text":"a"}"#) == JSONLineError("duplicate key \"id\"", at: 10))
    }

    @Test("wrong types are named after their value proved valid")
    func wrongTypes() {
        #expect(parseError(#"{"text":1e999}"#) == JSONLineError("field \"text\" must be a string, found number", at: 8))
        #expect(parseError(#"{"text":{"a":[1,2,{"b":null}]}}"#) == JSONLineError("field \"text\" must be a string, found object", at: 8))
        #expect(parseError(#"{"text":null}"#) == JSONLineError("field \"text\" must be a string, found null", at: 8))
        #expect(parseError(#"{"id":[1],"text":"a"}"#) == JSONLineError("field \"id\" must be a string or number, found array", at: 6))
        #expect(parseError(#"{"labels":["a",1e999],"text":"a"}"#)
                == JSONLineError("field \"labels\" must be an array of strings, found number at index 1", at: 15))
        #expect(parseError(#"{"text":[1,2"#) == JSONLineError("expected ',' or ']' after an array element, found end of line", at: 12))
    }

    @Test("numbers of any size are kept as written when they are ids and skipped elsewhere")
    func numbers() throws {
        let digits = String(repeating: "9", count: 100_000)
        #expect(try record(#"{"id":1e999,"text":"a"}"#) == PostRecord(id: "1e999", text: "a"))
        #expect(try record(#"{"id":-"# + digits + #"e-"# + digits + #","text":"a"}"#).id == "-" + digits + "e-" + digits)
        let many = Array(repeating: "1e999", count: 100_000).joined(separator: ",")
        #expect(try record(#"{"n":["# + many + #"],"text":"a"}"#) == PostRecord(text: "a"))
    }

    @Test("invalid UTF-8 in every string becomes U+FFFD; a raw NUL is an error, an escaped one is kept")
    func bytesInStrings() throws {
        let invalid: [UInt8] = [0xFF, 0x61, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80]
        var line = Array(#"{"id":""#.utf8) + invalid + Array(#"","text":""#.utf8)
        for _ in 0..<100_000 { line += invalid }
        line += Array(#""}"#.utf8)
        let read = try record(bytes: line)
        let replaced = "\u{FFFD}a\u{FFFD}(\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        #expect(read.id == replaced)
        #expect(read.text == String(repeating: replaced, count: 100_000))
        #expect(parseError(bytes: Array(#"{"text":"a"#.utf8) + [0] + Array(#"b"}"#.utf8))
                == JSONLineError("unescaped control character U+0000 in string", at: 10))
        #expect(try record(#"{"text":"a\u0000b"}"#).text == "a\u{0}b")
    }
}
