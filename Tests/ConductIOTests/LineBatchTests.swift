import ConductIO
import Testing

@Suite struct LineBatchTests {
    private func batches(_ input: String, maxLines: Int, maxBytes: Int, maximumLineLength: Int = 100) throws
        -> [(first: Int, items: [ReadItem])]
    {
        let file = try TemporaryFile(Array(input.utf8))
        defer { file.remove() }
        let reader = try LineReader(path: file.path, chunkSize: 4, maximumLineLength: maximumLineLength)
        var result: [(Int, [ReadItem])] = []
        while let batch = try reader.nextBatch(maxLines: maxLines, maxBytes: maxBytes) {
            var items: [ReadItem] = []
            batch.forEach { items.append(ReadItem($0)) }
            #expect(batch.count == items.count)
            #expect(batch.lastLineNumber == batch.firstLineNumber + items.count - 1)
            result.append((batch.firstLineNumber, items))
        }
        return result
    }

    @Test func batchesHoldAtMostMaxLines() throws {
        let found = try batches("a\nbb\n\nccc\r\nd\n", maxLines: 2, maxBytes: 1000)
        #expect(found.map(\.first) == [1, 3, 5])
        #expect(found.map(\.items) == [[.line(1, "a"), .line(2, "bb")], [.line(3, ""), .line(4, "ccc")], [.line(5, "d")]])
    }

    @Test func batchesStopAfterTheLineReachingMaxBytes() throws {
        let found = try batches("aaaa\nb\ncc\nddddddddd\ne", maxLines: 100, maxBytes: 5)
        #expect(found.map(\.items) == [
            [.line(1, "aaaa"), .line(2, "b")], [.line(3, "cc"), .line(4, "ddddddddd")], [.line(5, "e")],
        ])
    }

    @Test func tooLongLinesKeepTheirPlaceInABatch() throws {
        let found = try batches("ok\n0123456789\nfine\n", maxLines: 10, maxBytes: 100, maximumLineLength: 5)
        #expect(found.map(\.items) == [[.line(1, "ok"), .tooLong(2, 10), .line(3, "fine")]])
    }

    @Test func emptyInputHasNoBatch() throws {
        #expect(try batches("", maxLines: 10, maxBytes: 10).isEmpty)
    }

    @Test func batchesCrossThreads() async throws {
        let file = try TemporaryFile(Array((1...1000).map { #"{"id":\#($0),"text":"post \#($0)"}"# + "\n" }.joined().utf8))
        defer { file.remove() }
        let reader = try LineReader(path: file.path, chunkSize: 64)
        var all: [LineBatch] = []
        while let batch = try reader.nextBatch(maxLines: 97, maxBytes: 1 << 20) { all.append(batch) }
        let ids = await withTaskGroup(of: [String].self) { group in
            for batch in all {
                group.addTask {
                    let parser = JSONLineParser()
                    var ids: [String] = []
                    withExtendedLifetime(parser) {
                        batch.forEach { item in
                            guard case .line(let line) = item, let post = try? parser.parse(line.bytes) else { return }
                            ids.append(String(decoding: post.id!, as: UTF8.self))
                        }
                    }
                    return ids
                }
            }
            var collected: [String] = []
            for await part in group { collected += part }
            return collected
        }
        #expect(ids.count == 1000)
        #expect(Set(ids) == Set((1...1000).map(String.init)))
    }
}
