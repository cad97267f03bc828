import Testing

/// `conduct classify` at hostile scale: a million tiny posts, 10 MB posts, a line over the
/// line limit, a hundred thousand unreadable lines, NUL and invalid UTF-8 in plain text.
/// Nothing is lost: exactly one output line per input line, in input order.
@Suite("Hostile CLI input")
struct HostileCLITests {
    static let clean = #""labels":[],"action":"allow","scores":{"harassment":0,"selling":0},"hits":[]}"#

    static func insult(id: String, start: Int) -> String {
        #"{"id":"\#(id)","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":\#(start),"end":\#(start + 5),"match":"idiot"}]}"#
    }

    /// The lines of `bytes` (split at '\n', without the final empty one), without making a
    /// String of the whole output.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    @Test("a million tiny posts in plain text: a million lines, in order")
    func millionTinyPosts() throws {
        let posts: [[UInt8]] = [Array("hi".utf8), [], Array("You idiot".utf8), [0x00], [0xFF], Array("!".utf8)]
        var input: [UInt8] = []
        input.reserveCapacity(5_000_000)
        for n in 0..<1_000_000 { input += posts[n % posts.count] + [0x0A] }
        let result = try CLI.run(["classify", "--rules", "rules", "--input", "text", "--format", "text"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = Self.lines(result.stdoutBytes)
        #expect(lines.count == 1_000_000)
        var wrong: [String] = []
        for (index, line) in lines.enumerated() where wrong.count < 5 {
            let number = index + 1
            let expected = index % posts.count == 2
                ? "\(number)\treview\tharassment\tharassment.insult@4..<9 \"idiot\""
                : "\(number)\tallow\t-\t-"
            if !line.elementsEqual(expected.utf8) { wrong.append("line \(number): \(String(decoding: line, as: UTF8.self))") }
        }
        #expect(wrong == [])
    }

    @Test("10 MB posts, as a JSONL line and as plain text, get their verdict with the exact offset")
    func tenMegabytePosts() throws {
        let filler = String(repeating: "the talks were good ", count: 500_000)
        let jsonl = try CLI.run(["classify", "--rules", "rules"], stdin: #"{"id":"big","text":""# + filler + #"You idiot"}"# + "\n")
        #expect(jsonl.lines == [Self.insult(id: "big", start: 10_000_004)])
        #expect(jsonl.status == 0)
        let text = try CLI.run(["classify", "--rules", "rules", "--input", "text"], stdin: "hello\n" + filler + "You idiot\nbye\n")
        #expect(text.lines == [#"{"id":"1","# + Self.clean, Self.insult(id: "2", start: 10_000_004), #"{"id":"3","# + Self.clean])
        #expect(text.status == 0)
    }

    @Test("a line over the 64 MiB limit is one error line; the lines around it are classified")
    func lineOverTheLimit() throws {
        var input = Array("You idiot\n".utf8)
        input += [UInt8](repeating: UInt8(ascii: "a"), count: (64 << 20) + 1) + [0x0A]
        input += Array("You idiot".utf8)
        let result = try CLI.run(["classify", "--rules", "rules", "--input", "text"], stdin: input)
        #expect(result.lines == [
            Self.insult(id: "1", start: 4),
            #"{"id":"2","error":"line 2 is 67108865 bytes long, over the limit of 67108864 bytes; split the post or raise the limit"}"#,
            Self.insult(id: "3", start: 4),
        ])
        #expect(result.stderr == "conduct: 1 of 3 lines could not be read\n")
        #expect(result.status == 3)
    }

    @Test("100,000 unreadable lines among 100,000 good ones: one line each, in order")
    func manyUnreadableLines() throws {
        var input = ""
        for n in 0..<100_000 { input += #"{"id":"g\#(n)","text":"hi"}"# + "\n" + #"{"id":"b\#(n)","text":1e999}"# + "\n" }
        let result = try CLI.run(["classify", "--rules", "rules"], stdin: input)
        let lines = result.lines
        #expect(lines.count == 200_000)
        #expect(lines.first == #"{"id":"g0","# + Self.clean)
        #expect(lines[1] == #"{"id":"2","error":"field \"text\" must be a string, found number at byte 18"}"#)
        #expect(lines.last == #"{"id":"200000","error":"field \"text\" must be a string, found number at byte 22"}"#)
        #expect(lines.enumerated().allSatisfy { index, line in
            line.hasPrefix(index % 2 == 0 ? #"{"id":"g\#(index / 2)","# : #"{"id":"\#(index + 1)","error":"#)
        })
        #expect(result.stderr == "conduct: 100000 of 200000 lines could not be read\n")
        #expect(result.status == 3)
    }

    @Test("NUL and invalid UTF-8 in plain text: spans in the bytes as given, output valid JSON")
    func bytesInPlainText() throws {
        let input: [UInt8] = Array("You".utf8) + [0x00] + Array("idiot".utf8) + [0x0A]
            + [0xFF, 0xFE] + Array("idiot".utf8) + [0xC3, 0x0A]
            + [0x00, 0x00, 0x0A]
            + Array("id".utf8) + [0xFF] + Array("iot".utf8) + [0x0A]
        let result = try CLI.run(["classify", "--rules", "rules", "--input", "text"], stdin: input)
        #expect(result.lines == [
            Self.insult(id: "1", start: 4),
            Self.insult(id: "2", start: 2),
            #"{"id":"3","# + Self.clean,
            #"{"id":"4","# + Self.clean,
        ])
        #expect(result.status == 0)
    }
}
