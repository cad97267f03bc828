import ConductIO
import Foundation
import Testing

@Suite struct LineReaderTests {
    @Test(arguments: [
        ("", []),
        ("a", [ReadItem.line(1, "a")]),
        ("a\n", [.line(1, "a")]),
        ("a\nb", [.line(1, "a"), .line(2, "b")]),
        ("a\nb\n", [.line(1, "a"), .line(2, "b")]),
        ("\n", [.line(1, "")]),
        ("\n\n", [.line(1, ""), .line(2, "")]),
        ("a\n\nb\n\n", [.line(1, "a"), .line(2, ""), .line(3, "b"), .line(4, "")]),
        ("a\r\nb\r\n", [.line(1, "a"), .line(2, "b")]),
        ("\r\n", [.line(1, "")]),
        ("a\r\n\r\nb", [.line(1, "a"), .line(2, ""), .line(3, "b")]),
        ("a\rb\n", [.line(1, "a\rb")]),
        ("a\r", [.line(1, "a\r")]),
        ("a\r\r\n", [.line(1, "a\r")]),
    ] as [(String, [ReadItem])])
    func terminators(input: String, expected: [ReadItem]) throws {
        #expect(try readAll(Array(input.utf8)) == expected)
        #expect(try readAll(Array(input.utf8), chunkSize: 1) == expected)
    }

    /// Lines of every length up to 40 bytes, CRLF and LF mixed, split by every small chunk size:
    /// the reader must agree with a plain split.
    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 13, 64])
    func linesCrossingChunkBoundaries(chunkSize: Int) throws {
        var input: [UInt8] = []
        var expected: [ReadItem] = []
        for length in 0...40 {
            let text = String((0..<length).map { Character(Unicode.Scalar(UInt8(97 + ($0 + length) % 26))) })
            input += Array(text.utf8) + (length % 3 == 0 ? [0x0D, 0x0A] : [0x0A])
            expected.append(.line(length + 1, text))
        }
        input += Array("last é".utf8)
        expected.append(.line(42, "last é"))
        #expect(try readAll(input, chunkSize: chunkSize, maximumLineLength: 100) == expected)
    }

    @Test(arguments: [1, 3, 4, 16, 1024])
    func lineLongerThanTheMaximumIsReportedAndSkipped(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 30)
        let input = "good\n" + long + "\nok\n" + long + "\r\nexact678\r\nexact6789\n" + long + "\r"
        #expect(try readAll(Array(input.utf8), chunkSize: chunkSize, maximumLineLength: 8) == [
            .line(1, "good"), .tooLong(2, 30), .line(3, "ok"), .tooLong(4, 30), .line(5, "exact678"),
            .tooLong(6, 9), .tooLong(7, 31),
        ])
    }

    @Test func longLinesGrowTheBufferUpToTheMaximum() throws {
        let long = String(repeating: "y", count: 1000)
        #expect(try readAll(Array(("a\n" + long + "\r\nb").utf8), chunkSize: 4, maximumLineLength: 1000)
                == [.line(1, "a"), .line(2, long), .line(3, "b")])
    }

    @Test func tooLongLineAtEndWithoutNewline() throws {
        #expect(try readAll(Array("ok\n0123456789".utf8), chunkSize: 2, maximumLineLength: 4)
                == [.line(1, "ok"), .tooLong(2, 10)])
    }

    @Test func tooLongDescriptionNamesLengthLimitAndFix() {
        #expect(LineTooLong(number: 7, byteCount: 70_000_000, limit: 67_108_864).description
                == "line 7 is 70000000 bytes long, over the limit of 67108864 bytes; split the post or raise the limit")
    }

    @Test func byteOrderMarkIsSkippedOnlyAtTheStart() throws {
        let bom = "\u{FEFF}"
        #expect(try readAll(Array((bom + "a\n" + bom + "b").utf8), chunkSize: 1)
                == [.line(1, "a"), .line(2, bom + "b")])
        #expect(try readAll(Array(bom.utf8)) == [])
        #expect(try readAll(Array((bom + "\n").utf8)) == [.line(1, "")])
        #expect(try readAll([0xEF, 0xBB]) == [.line(1, "\u{FFFD}")])
        #expect(try readAll(Array((bom + "a").utf8), skipsByteOrderMark: false) == [.line(1, bom + "a")])
    }

    @Test func countsLinesAndBytes() throws {
        let file = try TemporaryFile(Array("ab\r\ncd\n\nef".utf8))
        defer { file.remove() }
        let reader = try LineReader(path: file.path, chunkSize: 3)
        while try reader.next() != nil {}
        #expect(reader.linesRead == 4)
        #expect(reader.bytesRead == 10)
        #expect(try reader.next() == nil)
    }

    @Test func readsFromAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = Array("{\"id\":1}\n\n{\"id\":2}".utf8)
        #expect(payload.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == payload.count)
        close(ends[1])
        let reader = LineReader(fileDescriptor: ends[0], chunkSize: 5, closesOnDeinit: true)
        var items: [ReadItem] = []
        while let item = try reader.next() { items.append(ReadItem(item)) }
        #expect(items == [.line(1, #"{"id":1}"#), .line(2, ""), .line(3, #"{"id":2}"#)])
    }

    @Test func openErrorNamesPathAndReason() {
        #expect(throws: LineReaderError(operation: .open(path: "/nonexistent/posts.jsonl"), code: ENOENT)) {
            try LineReader(path: "/nonexistent/posts.jsonl")
        }
        #expect(LineReaderError(operation: .open(path: "/nonexistent/posts.jsonl"), code: ENOENT).description
                == "cannot open /nonexistent/posts.jsonl: No such file or directory (errno 2)")
    }

    @Test func readErrorIsSurfaced() throws {
        let reader = try LineReader(path: NSTemporaryDirectory())
        #expect(throws: LineReaderError(operation: .read(afterLine: 0), code: EISDIR)) { try reader.next() }
        #expect(LineReaderError(operation: .read(afterLine: 0), code: EISDIR).description
                == "read failed after line 0: Is a directory (errno 21)")
        #expect(try reader.next() == nil)
    }
}
