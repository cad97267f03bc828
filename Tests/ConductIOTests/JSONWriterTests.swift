import ConductIO
import Foundation
import Testing

@Suite struct JSONWriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func quoted(_ bytes: [UInt8]) -> String {
        written { json in bytes.withUnsafeBufferPointer { json.string($0) } }
    }

    @Test func outputContractShape() {
        let text = written { json in
            json.beginObject()
            json.key("id"); json.string(decimal: 42)
            json.key("labels"); json.beginArray(); json.string("selling"); json.endArray()
            json.key("action"); json.string("review")
            json.key("scores"); json.beginObject()
            json.key("harassment"); json.score(0); json.key("selling"); json.score(0.72)
            json.endObject()
            json.key("hits"); json.beginArray()
            json.beginObject(); json.key("weight"); json.score(0.6); json.key("start"); json.integer(4); json.endObject()
            json.beginObject(); json.key("flag"); json.bool(true); json.key("none"); json.null(); json.endObject()
            json.endArray()
            json.endObject(); json.newline()
            json.beginArray(); json.integer(-1); json.bool(false); json.beginArray(); json.endArray(); json.endArray()
        }
        #expect(text == #"{"id":"42","labels":["selling"],"action":"review","scores":{"harassment":0,"selling":0.72},"#
                + #""hits":[{"weight":0.6,"start":4},{"flag":true,"none":null}]}"# + "\n" + "[-1,false,[]]")
    }

    @Test func removeAllStartsANewRecord() {
        var json = JSONWriter(capacity: 64)
        json.beginObject(); json.key("a"); json.integer(1)
        json.removeAll()
        json.beginObject(); json.endObject()
        #expect(json.bytes == Array("{}".utf8))
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("q\"b\\", #""q\"b\\""#), ("/", #""/""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#), ("\u{7F}", "\"\u{7F}\""),
        ("é€😀", "\"é€😀\""), ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),
        ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
    ])
    func stringEscaping(value: String, expected: String) {
        #expect(quoted(Array(value.utf8)) == expected)
        #expect(written { $0.string(value) } == expected)
    }

    @Test func everyControlCharacter() {
        let expected = (0..<32).map { c -> String in
            switch c {
            case 8: return #"\b"#
            case 9: return #"\t"#
            case 10: return #"\n"#
            case 12: return #"\f"#
            case 13: return #"\r"#
            default: return String(format: "\\u%04x", c)
            }
        }.joined()
        #expect(quoted((0..<32).map(UInt8.init)) == "\"" + expected + "\"")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(quoted([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64, 0xED, 0xA0, 0x80])
                == "\"a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d\u{FFFD}\u{FFFD}\u{FFFD}\"")
        #expect(quoted([0xE2, 0x80]) == "\"\u{FFFD}\"")
    }

    @Test func staticStringsAndKeysAreEscapedToo() {
        #expect(written { $0.beginObject(); $0.key("a\"b"); $0.string("\n" as StaticString); $0.endObject() }
                == #"{"a\"b":"\n"}"#)
        let key = Array("k\u{2028}".utf8)
        #expect(written { json in json.beginObject(); key.withUnsafeBufferPointer { json.key($0) }; json.null(); json.endObject() }
                == #"{"k\u2028":null}"#)
    }

    @Test(arguments: [(0, "0"), (7, "7"), (-12, "-12"), (1_000_000, "1000000"),
                      (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func integers(value: Int, expected: String) {
        #expect(written { $0.integer(value) } == expected)
        #expect(written { $0.string(decimal: value) } == "\"" + expected + "\"")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (0.6, "0.6"), (0.72, "0.72"), (1.0, "1"), (0.12345, "0.1235"),
        (0.00015, "0.0001"), (0.03125, "0.0312"), (0.09375, "0.0938"), (0.99995, "1"), (0.99994, "0.9999"),
        (0.00004, "0"), (-0.00004, "0"), (0.00005, "0.0001"), (0.1 + 0.2, "0.3"), (1 - 0.9, "0.1"),
        (123.456789, "123.4568"), (-2.5, "-2.5"), (0.5, "0.5"), (1e-300, "0"), (99_999_999_999.0, "99999999999"),
        (1e11, "100000000000.0"), (1e20, "1e+20"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ])
    func scores(value: Double, expected: String) {
        #expect(written { $0.score(value) } == expected)
    }

    /// The score format agrees with C's `%.4f` (trailing zeros and a bare point dropped).
    @Test func scoresAgreeWithPrintf() {
        var random = SplitMix64(seed: 2024)
        for index in 0..<20_000 {
            let value: Double = switch index % 4 {
            case 0: Double.random(in: 0...1, using: &random)
            case 1: Double(Int.random(in: 0...20_000, using: &random)) / 20_000   // ties and near-ties
            case 2: Double(Int.random(in: 0...100_000, using: &random)) / 100_000
            default: Double.random(in: -1000...1000, using: &random)
            }
            var printed = String(format: "%.4f", value)
            while printed.hasSuffix("0") { printed.removeLast() }
            if printed.hasSuffix(".") { printed.removeLast() }
            if printed == "-0" { printed = "0" }
            let ours = written { $0.score(value) }
            #expect(ours == printed, "value \(value)")
            if ours != printed { return }
        }
    }
}
