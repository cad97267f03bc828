/// Appends JSON to a byte buffer: objects and arrays with commas placed for you, keys in the
/// order written, strings escaped, scores rounded to 4 decimals.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject(); json.key("id"); json.string(decimal: 42); json.key("score"); json.score(0.72)
/// json.endObject(); json.newline()               // {"id":"42","score":0.72}\n
/// ```
///
/// Strings: `"` and `\` escaped; `\b \f \n \r \t` as such, other control characters as
/// `\u00XX`; U+2028 and U+2029 as `\u2028`/`\u2029` (so the output is also valid JavaScript);
/// other non-ASCII UTF-8 written raw; invalid UTF-8 replaced by U+FFFD per maximal subpart,
/// so the output is always valid UTF-8 and valid JSON.
///
/// Cost: linear in the bytes written; plain runs are copied in bulk; a key or number is
/// written straight into the buffer's free space, with no allocation (the buffer doubles when
/// full). The caller validates structure (one value per key, balanced containers); the writer
/// does not. A value type (copy-on-write), so a finished buffer can be handed to another
/// thread.
public struct JSONWriter: Sendable {
    var output: OutputBuffer
    /// True when the next key or value must be preceded by a comma.
    var needsComma = false

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        output = OutputBuffer(capacity: capacity)
    }

    /// The number of bytes written.
    public var count: Int { output.count }

    /// A copy of the JSON written so far.
    public var bytes: [UInt8] { output.withBytes { Array($0) } }

    /// Calls `body` with the JSON written so far, without copying it (e.g. to `write(2)` it).
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try output.withBytes(body)
    }

    /// Empties the buffer, keeping its storage, to write the next record or batch.
    public mutating func removeAll() {
        output.removeAll()
        needsComma = false
    }

    /// `{`
    public mutating func beginObject() { opening(UInt8(ascii: "{")) }

    /// `}`
    public mutating func endObject() { closing(UInt8(ascii: "}")) }

    /// `[`
    public mutating func beginArray() { opening(UInt8(ascii: "[")) }

    /// `]`
    public mutating func endArray() { closing(UInt8(ascii: "]")) }

    /// `\n`, ending a JSONL record; the next value starts a new top level.
    public mutating func newline() {
        output.append(0x0A)
        needsComma = false
    }

    /// An object key and its colon; the value follows.
    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { appendKey($0) }
    }

    /// An object key (UTF-8 bytes) and its colon; the value follows.
    public mutating func key(_ name: UnsafeBufferPointer<UInt8>) {
        appendKey(name)
    }

    /// A string value from UTF-8 bytes (invalid sequences become U+FFFD).
    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) {
        appendString(value)
    }

    /// A string value.
    public mutating func string(_ value: StaticString) {
        value.withUTF8Buffer { appendString($0) }
    }

    /// A string value.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendString($0) }
    }

    /// A decimal integer as a string value, e.g. a line number as an id: `"42"`.
    public mutating func string(decimal value: Int) {
        emit(upTo: 24) { out in
            out[0] = UInt8(ascii: "\"")
            var count = 1 + Self.writeDecimal(value, to: out + 1)
            out[count] = UInt8(ascii: "\"")
            count += 1
            return count
        }
    }

    /// An integer value: `-12`.
    public mutating func integer(_ value: Int) {
        emit(upTo: 22) { Self.writeDecimal(value, to: $0) }
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        emit(upTo: 5) { out in
            if value {
                out[0] = 0x74; out[1] = 0x72; out[2] = 0x75; out[3] = 0x65
                return 4
            }
            out[0] = 0x66; out[1] = 0x61; out[2] = 0x6C; out[3] = 0x73; out[4] = 0x65
            return 5
        }
    }

    /// `null`.
    public mutating func null() {
        emit(upTo: 4) { Self.writeNull(to: $0) }
    }

    /// Appends `json` unchanged: bytes a writer produced earlier (say, the constant tail of a
    /// record, `…,"hits":[]}` and its newline), so repeating them costs one copy. The caller
    /// keeps the output valid; no comma is placed before the next value.
    ///
    ///     json.beginObject(); json.key("id"); json.string(id); json.raw(cachedTail)
    public mutating func raw(_ json: UnsafeBufferPointer<UInt8>) {
        if let base = json.baseAddress, json.count > 0 { output.append(base, count: json.count) }
        needsComma = false
    }

    /// A number rounded to 4 decimal places and printed minimally: `0`, `0.6`, `0.72`, `1`,
    /// `0.12345` → `0.1235`. Rounds the exact binary value, ties to even (as C's `%.4f`);
    /// `-0` and values that round to zero print `0`. Non-finite values print `null`.
    public mutating func score(_ value: Double) {
        guard value.isFinite && value.magnitude < 1e11 else {
            // No score is this large: its shortest round-trip form is valid JSON too.
            emit(upTo: 4) { value.isFinite ? 0 : Self.writeNull(to: $0) }
            if value.isFinite {
                var text = value.description
                text.withUTF8 { output.append($0.baseAddress!, count: $0.count) }
            }
            return
        }
        emit(upTo: 24) { Self.writeRounded(value, to: $0) }
    }
}
