import ConductIO
import Testing

@Suite struct PlainTextLineParserTests {
    @Test func wholeLineIsTheTextAndTheLineNumberTheId() throws {
        let file = try TemporaryFile(Array("first post\n\n{\"not\": \"json\"}\r\nlast \u{FF}".utf8) + [0xFF])
        defer { file.remove() }
        let reader = try LineReader(path: file.path, chunkSize: 3)
        let plain = PlainTextLineParser()
        var posts: [PostRecord] = []
        withExtendedLifetime(plain) {
            while case .line(let line)? = try? reader.next() {
                posts.append(PostRecord(plain.parse(line)))
            }
        }
        #expect(posts == [
            PostRecord(id: "1", text: "first post"), PostRecord(id: "2", text: ""),
            PostRecord(id: "3", text: #"{"not": "json"}"#), PostRecord(id: "4", text: "last \u{FF}\u{FFFD}"),
        ])
    }

    @Test(arguments: [(1, "1"), (9, "9"), (10, "10"), (1_234_567, "1234567"), (Int.max, "9223372036854775807")])
    func idIsTheDecimalLineNumber(number: Int, expected: String) {
        let plain = PlainTextLineParser()
        let id = withExtendedLifetime(plain) {
            plain.parse(InputLine(number: number, bytes: UnsafeBufferPointer(start: nil, count: 0))).id.map(Array.init)
        }
        #expect(id == Array(expected.utf8))
    }
}
