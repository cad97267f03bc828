import Foundation
import Testing

/// `conduct classify --jobs N`: the output is in input order and the same for every N.
@Suite struct ClassifyOrderTests {
    static let lineCount = 20_000

    /// 20,000 lines over several read batches (4,096 lines or 1 MiB each): hits, clean posts,
    /// unreadable lines, and now and then a 300 KB line (a long field that is skipped), so some
    /// batches end on their byte limit.
    static let generated: [UInt8] = {
        var out = ""
        for i in 1...lineCount {
            switch i % 7 {
            case 0: out += #"{"id":"p\#(i)","text":"post \#(i): you idiot"}"#
            case 1: out += #"{"id":"p\#(i)","text":"post \#(i): Only \#(i) euros each, buy now"}"#
            case 2: out += #"{"id":"p\#(i)","text":"#                      // unreadable
            case 3: out += #"{"id":"p\#(i)","text":"post \#(i): I will find you"}"#
            default:
                let filler = i % 997 == 0 ? #","meta":"\#(String(repeating: "x", count: 300_000))""# : ""
                out += #"{"id":"p\#(i)"\#(filler),"text":"post \#(i): thanks"}"#
            }
            out += "\n"
        }
        return Array(out.utf8)
    }()

    /// The id each output line must carry: the post's id, or the line number of an unreadable line.
    static func expectedID(_ i: Int) -> String { i % 7 == 2 ? "\(i)" : "p\(i)" }

    @Test func outputIsInInputOrderAndIdenticalForOneAndFourJobs() throws {
        let one = try CLI.run(["classify", "--rules", "rules", "--jobs", "1"], stdin: Self.generated)
        let four = try CLI.run(["classify", "--rules", "rules", "--jobs", "4"], stdin: Self.generated)
        #expect(one.status == 3)
        #expect(four.status == 3)
        let unreadable = (1...Self.lineCount).filter { $0 % 7 == 2 }.count
        #expect(one.stderr == "conduct: \(unreadable) of \(Self.lineCount) lines could not be read\n")
        #expect(four.stderr == one.stderr)
        #expect(four.stdoutBytes == one.stdoutBytes)

        let lines = one.lines
        try #require(lines.count == Self.lineCount)
        var misplaced: [Int] = []
        for (index, line) in lines.enumerated() {
            let i = index + 1
            if !line.hasPrefix("{\"id\":\"\(Self.expectedID(i))\",") { misplaced.append(i) }
        }
        #expect(misplaced.isEmpty, "lines out of order: \(misplaced.prefix(10))")
        #expect(lines[6] == #"{"id":"p7","labels":["harassment"],"action":"review","scores":{"harassment":0.6,"selling":0},"hits":[{"rule":"harassment.insult","category":"harassment","weight":0.6,"start":12,"end":17,"match":"idiot"}]}"#)
        #expect(lines[7] == #"{"id":"p8","labels":["selling"],"action":"review","scores":{"harassment":0,"selling":0.5},"hits":[{"rule":"selling.pitch","category":"selling","weight":0.5,"start":15,"end":34,"match":"euros each, buy now"}]}"#)
        #expect(lines[8] == #"{"id":"9","error":"expected a JSON value, found end of line at byte 18"}"#)
        #expect(lines[9] == #"{"id":"p10","labels":["harassment"],"action":"remove","scores":{"harassment":0.9,"selling":0},"hits":[{"rule":"harassment.threat","category":"harassment","weight":0.9,"start":9,"end":24,"match":"I will find you"}]}"#)
        #expect(lines[1_993] == #"{"id":"p1994","labels":[],"action":"allow","scores":{"harassment":0,"selling":0},"hits":[]}"#)
        #expect(lines[19_999] == #"{"id":"p20000","labels":["selling"],"action":"review","scores":{"harassment":0,"selling":0.5},"hits":[{"rule":"selling.pitch","category":"selling","weight":0.5,"start":23,"end":42,"match":"euros each, buy now"}]}"#)
    }

    @Test func textFormatIsAlsoIdenticalAcrossJobs() throws {
        // The first 5,000 lines: two batches.
        var lines = 0
        let input = Array(Self.generated.prefix { byte in
            if lines == 5_000 { return false }
            if byte == 0x0A { lines += 1 }
            return true
        })
        let one = try CLI.run(["classify", "--rules", "rules", "--jobs", "1", "--format", "text", "--only-flagged"], stdin: input)
        let three = try CLI.run(["classify", "--rules", "rules", "--jobs", "3", "--format", "text", "--only-flagged"], stdin: input)
        #expect(three.stdoutBytes == one.stdoutBytes)
        #expect(three.status == one.status)
        let flagged = (1...5_000).filter { [0, 1, 2, 3].contains($0 % 7) }.count
        #expect(one.lines.count == flagged)
    }
}
