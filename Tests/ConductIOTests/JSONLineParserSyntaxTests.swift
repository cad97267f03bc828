import ConductIO
import Testing

@Suite struct JSONLineParserSyntaxTests {
    @Test func workloadShapedLine() throws {
        #expect(try record(#"{"id": "p000000", "text": "Hoi, optie '' afdalen ? Groetjes"}"#)
                == PostRecord(id: "p000000", text: "Hoi, optie '' afdalen ? Groetjes"))
    }

    @Test func everyExtractedField() throws {
        let line = #"{"id":"h-1","text":"t","lang":"nl","labels":["harassment","doxxing"],"ambiguous":true,"functionality":"slur_h"}"#
        #expect(try record(line) == PostRecord(id: "h-1", text: "t", lang: "nl", labels: ["harassment", "doxxing"],
                                               ambiguous: true, functionality: "slur_h"))
    }

    @Test(arguments: [
        (#""p1""#, "p1"), ("42", "42"), ("-0", "-0"), ("0", "0"), ("1e999", "1e999"), ("1.5E+3", "1.5E+3"),
        ("-12.50e-3", "-12.50e-3"), ("0.25", "0.25"), ("123456789012345678901234567890", "123456789012345678901234567890"),
        (#""\u0041\ud83d\ude00""#, "A😀"), (#""""#, ""),
    ])
    func idForms(value: String, expected: String) throws {
        #expect(try record(#"{"id":"# + value + #","text":"x"}"#).id == expected)
        #expect(try record(#"{"text":"x","id": "# + value + " }").id == expected)
    }

    @Test func absentAndNullFields() throws {
        #expect(try record(#"{"text":"x"}"#) == PostRecord(text: "x"))
        #expect(try record(#"{"id":null,"text":"x","lang":null,"labels":null,"ambiguous":null,"functionality":null}"#)
                == PostRecord(text: "x"))
        #expect(try record("{}") == PostRecord())
        #expect(try record(#"{"labels":[],"ambiguous":false}"#) == PostRecord(labels: [], ambiguous: false))
    }

    @Test(arguments: [
        (#"{"id":01}"#, JSONLineError("invalid number: leading zeros are not allowed", at: 6)),
        (#"{"id":-}"#, JSONLineError("invalid number: expected a digit, found '}'", at: 7)),
        (#"{"id":-a}"#, JSONLineError("invalid number: expected a digit, found 'a'", at: 7)),
        (#"{"id":1.}"#, JSONLineError("invalid number: expected a digit after '.', found '}'", at: 8)),
        (#"{"id":1.e5}"#, JSONLineError("invalid number: expected a digit after '.', found 'e'", at: 8)),
        (#"{"id":1e}"#, JSONLineError("invalid number: expected a digit in the exponent, found '}'", at: 8)),
        (#"{"id":1e+}"#, JSONLineError("invalid number: expected a digit in the exponent, found '}'", at: 9)),
        (#"{"id":.5}"#, JSONLineError("expected a JSON value, found '.'", at: 6)),
        (#"{"id":+1}"#, JSONLineError("expected a JSON value, found '+'", at: 6)),
        (#"{"id":0x10}"#, JSONLineError("expected ',' or '}' after an object member, found 'x'", at: 7)),
        (#"{"x":[1,-]}"#, JSONLineError("invalid number: expected a digit, found ']'", at: 9)),
        (#"{"x":tru}"#, JSONLineError("invalid literal, expected true", at: 5)),
        (#"{"x":falsy}"#, JSONLineError("invalid literal, expected false", at: 5)),
        (#"{"x":nul"#, JSONLineError("invalid literal, expected null", at: 5)),
        (#"{"x":True}"#, JSONLineError("expected a JSON value, found 'T'", at: 5)),
        (#"{"x":NaN}"#, JSONLineError("expected a JSON value, found 'N'", at: 5)),
        (#"{"id":null5}"#, JSONLineError("expected ',' or '}' after an object member, found '5'", at: 10)),
    ])
    func numberAndLiteralErrors(line: String, expected: JSONLineError) {
        #expect(parseError(line) == expected)
    }

    @Test func fiftyThousandDeepArraysAreAnErrorNotACrash() {
        let line = #"{"a":"# + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        // The object is level 1, so the 512th "[" (offset 5 + 511) opens level 513.
        #expect(parseError(line) == JSONLineError("nesting depth exceeds the limit of 512", at: 516))
    }

    @Test func fiftyThousandDeepObjectsAreAnErrorNotACrash() {
        let line = String(repeating: #"{"a":"#, count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        #expect(parseError(line) == JSONLineError("nesting depth exceeds the limit of 512", at: 512 * 5))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let deepest = #"{"a":"# + String(repeating: "[", count: 511) + "{}" + String(repeating: "]", count: 511)
            + #","text":"ok"}"#
        // 1 (object) + 511 arrays = 512; the innermost {} would be 513.
        #expect(parseError(deepest) == JSONLineError("nesting depth exceeds the limit of 512", at: 516))
        let fits = #"{"a":"# + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + #","text":"ok"}"#
        #expect(try record(fits).text == "ok")
        let shallow = try JSONLineParser(maximumDepth: 3).parseRecord(Array(#"{"a":[[1]]}"#.utf8))
        #expect(shallow == PostRecord())
        #expect(throws: JSONLineError("nesting depth exceeds the limit of 3", at: 7)) {
            try JSONLineParser(maximumDepth: 3).parseRecord(Array(#"{"a":[[[1]]]}"#.utf8))
        }
    }

    @Test func skipsOtherMembersOfEveryShape() throws {
        let line = #"{"meta":{"a":[1,2,{"b":null}],"c":"\u00e9\"","d":{},"e":[]},"n":-1.5e3,"t":true,"f":false,"# +
            #""z":null,"s":"}]","text":"ok","tail":[[],[{}],"x"]}"#
        #expect(try record(line) == PostRecord(text: "ok"))
    }

    @Test(arguments: ["id", "text", "lang", "labels", "ambiguous", "functionality"])
    func duplicateExtractedKeyIsAnError(field: String) {
        let value = field == "labels" ? "[]" : field == "ambiguous" ? "true" : #""v""#
        let line = "{\"\(field)\":\(value), \"other\":1, \"\(field)\":\(value)}"
        let keyAt = 2 + field.utf8.count + 2 + value.utf8.count + 13
        #expect(parseError(line) == JSONLineError("duplicate key \"\(field)\"", at: keyAt))
    }

    @Test func duplicateNullIdIsAnError() {
        #expect(parseError(#"{"id":null,"id":"7"}"#) == JSONLineError(#"duplicate key "id""#, at: 11))
    }

    @Test func duplicateOtherKeysAreAccepted() throws {
        #expect(try record(#"{"x":1,"x":2,"text":"a"}"#) == PostRecord(text: "a"))
    }

    @Test(arguments: [
        (#"{"id":true}"#, #"field "id" must be a string or number, found boolean"#),
        (#"{"id":[1]}"#, #"field "id" must be a string or number, found array"#),
        (#"{"id":{}}"#, #"field "id" must be a string or number, found object"#),
        (#"{"text":12}"#, #"field "text" must be a string, found number"#),
        (#"{"text":null}"#, #"field "text" must be a string, found null"#),
        (#"{"text":["a"]}"#, #"field "text" must be a string, found array"#),
        (#"{"lang":1}"#, #"field "lang" must be a string, found number"#),
        (#"{"lang":false}"#, #"field "lang" must be a string, found boolean"#),
        (#"{"functionality":{"a":1}}"#, #"field "functionality" must be a string, found object"#),
        (#"{"labels":"selling"}"#, #"field "labels" must be an array of strings, found string"#),
        (#"{"labels":{}}"#, #"field "labels" must be an array of strings, found object"#),
        (#"{"ambiguous":"true"}"#, #"field "ambiguous" must be a boolean, found string"#),
        (#"{"ambiguous":1}"#, #"field "ambiguous" must be a boolean, found number"#),
    ])
    func wrongTypeNamesFieldExpectedAndFound(line: String, message: String) {
        let valueAt = line.utf8.firstIndex(of: UInt8(ascii: ":"))!.utf16Offset(in: line) + 1
        #expect(parseError(line) == JSONLineError(message, at: valueAt))
    }

    @Test func wrongLabelElementNamesItsIndex() {
        #expect(parseError(#"{"labels":["a", 3]}"#)
                == JSONLineError(#"field "labels" must be an array of strings, found number at index 1"#, at: 16))
        #expect(parseError(#"{"labels":[["a"]]}"#)
                == JSONLineError(#"field "labels" must be an array of strings, found array at index 0"#, at: 11))
        #expect(parseError(#"{"labels":[null]}"#)
                == JSONLineError(#"field "labels" must be an array of strings, found null at index 0"#, at: 11))
        // A malformed value reports its syntax error, not its type.
        #expect(parseError(#"{"text":tru}"#) == JSONLineError("invalid literal, expected true", at: 8))
        #expect(parseError(#"{"labels":["a",]}"#) == JSONLineError("expected a JSON value, found ']'", at: 15))
    }

    @Test(arguments: [
        ("", JSONLineError("expected a JSON object, found end of line", at: 0)),
        (" \t ", JSONLineError("expected a JSON object, found end of line", at: 3)),
        ("[1]", JSONLineError("expected a JSON object, found array", at: 0)),
        (#""text""#, JSONLineError("expected a JSON object, found string", at: 0)),
        ("  42", JSONLineError("expected a JSON object, found number", at: 2)),
        ("null", JSONLineError("expected a JSON object, found null", at: 0)),
        ("true", JSONLineError("expected a JSON object, found boolean", at: 0)),
        ("hello", JSONLineError("expected a JSON object, found 'h'", at: 0)),
        ("\u{FEFF}{}", JSONLineError("unexpected byte order mark (U+FEFF); it is allowed only at the start of the input", at: 0)),
        ("\u{e9}", JSONLineError("expected a JSON object, found byte 0xC3", at: 0)),
        (#"{"text":"a"} x"#, JSONLineError("unexpected data after the JSON object, found 'x'", at: 13)),
        (#"{"text":"a"}{}"#, JSONLineError("unexpected data after the JSON object, found '{'", at: 12)),
        (#"{"text":"a",}"#, JSONLineError("expected a string key, found '}'", at: 12)),
        (#"{text:"a"}"#, JSONLineError("expected a string key, found 't'", at: 1)),
        (#"{"text" "a"}"#, JSONLineError("expected ':' after an object key, found '\"'", at: 8)),
        (#"{"text":"a" "id":1}"#, JSONLineError("expected ',' or '}' after an object member, found '\"'", at: 12)),
        (#"{"text":"a""#, JSONLineError("expected ',' or '}' after an object member, found end of line", at: 11)),
        (#"{"text":"#, JSONLineError("expected a JSON value, found end of line", at: 8)),
        (#"{"x":[1 2]}"#, JSONLineError("expected ',' or ']' after an array element, found '2'", at: 8)),
        (#"{"x":{"a" 1}}"#, JSONLineError("expected ':' after an object key, found '1'", at: 10)),
        (#"{"x":{1:2}}"#, JSONLineError("expected a string key, found '1'", at: 6)),
        (#"{"x":[}"#, JSONLineError("expected a JSON value, found '}'", at: 6)),
        (#"{"x":{"a":1]}"#, JSONLineError("expected ',' or '}' after an object member, found ']'", at: 11)),
        (#"{"labels":["a" "b"]}"#, JSONLineError("expected ',' or ']' after an array element, found '\"'", at: 15)),
        (#"{"#, JSONLineError("expected a string key, found end of line", at: 1)),
    ])
    func structureErrors(line: String, expected: JSONLineError) {
        #expect(parseError(line) == expected)
    }

    @Test func whiteSpaceAroundTokensIncludingCarriageReturn() throws {
        #expect(try record(" \t{ \"text\" :\r\n\"a\" , \"labels\" : [ \"x\" , \"y\" ] } \r")
                == PostRecord(text: "a", labels: ["x", "y"]))
    }

    @Test func errorDescriptionIsStable() {
        #expect(JSONLineError(#"duplicate key "text""#, at: 17).description == #"duplicate key "text" at byte 17"#)
    }

    @Test func emptyBufferWithoutBaseAddress() {
        #expect(throws: JSONLineError("expected a JSON object, found end of line", at: 0)) {
            try JSONLineParser().parse(UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}
