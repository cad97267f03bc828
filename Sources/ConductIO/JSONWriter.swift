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
/// Cost: linear in the bytes written; plain runs are copied in bulk; numbers are formatted
/// without allocating. The caller validates structure (one value per key, balanced
/// containers); the writer does not.
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public var bytes: [UInt8]
    /// True when the next key or value must be preceded by a comma.
    private var needsComma = false

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage, to write the next record.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// `{`
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// `}`
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `[`
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// `]`
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `\n`, ending a JSONL record; the next value starts a new top level.
    public mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
    }

    /// An object key and its colon; the value follows.
    public mutating func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { appendQuoted($0) }
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An object key (UTF-8 bytes) and its colon; the value follows.
    public mutating func key(_ name: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A string value from UTF-8 bytes (invalid sequences become U+FFFD).
    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// A string value.
    public mutating func string(_ value: StaticString) {
        separate()
        value.withUTF8Buffer { appendQuoted($0) }
        needsComma = true
    }

    /// A string value.
    public mutating func string(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { appendQuoted($0) }
        needsComma = true
    }

    /// A decimal integer as a string value, e.g. a line number as an id: `"42"`.
    public mutating func string(decimal value: Int) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDecimal(value)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An integer value: `-12`.
    public mutating func integer(_ value: Int) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        needsComma = true
    }

    /// `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// A number rounded to 4 decimal places and printed minimally: `0`, `0.6`, `0.72`, `1`,
    /// `0.12345` → `0.1235`. Rounds the exact binary value, ties to even (as C's `%.4f`);
    /// `-0` and values that round to zero print `0`. Non-finite values print `null`.
    public mutating func score(_ value: Double) {
        separate()
        appendRounded(value)
        needsComma = true
    }
}
