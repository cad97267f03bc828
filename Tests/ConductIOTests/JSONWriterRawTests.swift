import ConductIO
import Testing

@Suite struct JSONWriterRawTests {
    @Test("raw bytes are copied as they are, and the next value gets no comma")
    func cachedRecordTail() {
        // The tail of a record after its id, cut from a record written in full.
        var full = JSONWriter()
        full.beginObject(); full.key("id"); full.string("")
        let head = full.count
        full.key("hits"); full.beginArray(); full.endArray(); full.endObject(); full.newline()
        let tail = Array(full.bytes[head...])
        #expect(String(decoding: tail, as: UTF8.self) == ",\"hits\":[]}\n")

        var json = JSONWriter()
        for id in ["a", "b"] {
            json.beginObject(); json.key("id"); json.string(id)
            tail.withUnsafeBufferPointer { json.raw($0) }
        }
        json.beginArray(); json.raw(UnsafeBufferPointer(start: nil, count: 0)); json.integer(1); json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "{\"id\":\"a\",\"hits\":[]}\n{\"id\":\"b\",\"hits\":[]}\n[1]")
    }
}
