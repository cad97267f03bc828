/// Parses one JSONL line (one JSON object, RFC 8259) and extracts the fields conduct reads,
/// without creating `String`s: a string without escapes or invalid UTF-8 is returned as a slice
/// of the line, any other is decoded into a reusable scratch buffer.
///
/// ```swift
/// let parser = JSONLineParser()
/// let post = try parser.parse(line.bytes)        // PostFields, valid until the next parse
/// classify(post.text!, id: post.id)              // UnsafeBufferPointer<UInt8>s
/// ```
///
/// Extracted: `id` (string → its value; number → its literal text; null → nil), `text`
/// (string), `lang` (string), `labels` (array of strings), `ambiguous` (boolean),
/// `functionality` (string). `null` counts as absent for every field but `text`. Every other
/// member is skipped but must be valid JSON. The whole line must be one object, optionally
/// surrounded by white space. Rejected with a ``JSONLineError``: invalid JSON, a raw control
/// character in a string, nesting deeper than `maximumDepth`, an extracted key that occurs
/// twice (`duplicate key "text"`; keys compare after unescaping), a field of the wrong type
/// (`field "text" must be a string, found number`). Invalid UTF-8 inside strings is not an
/// error: each maximal subpart becomes U+FFFD; so does a `\u` surrogate that is not half of a
/// pair. Strip a byte order mark before parsing (``LineReader`` does).
///
/// Cost: linear in the line's length in every case (no recursion, no backtracking); strings
/// are scanned 8 bytes at a time. Memory: the scratch buffer grows to the largest decoded
/// content seen (at most 3× a line's length) and is reused. Not thread-safe: one parser per
/// thread.
public final class JSONLineParser {
    /// 512.
    public static let defaultMaximumDepth = 512

    /// The deepest nesting of arrays and objects accepted, the line's object counting as 1.
    public let maximumDepth: Int

    // `scratch` and `labelRefs` are used by every parse: without the runtime's exclusivity
    // checks (two calls each a line). A parser is not shared between threads (it is not
    // `Sendable`), and no access to either overlaps another.
    @exclusivity(unchecked) private var scratch: ScratchBytes
    private let kinds: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var labelRefs: [StringRef] = []
    private var labelStorage: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    private var labelCapacity = 16

    /// - Precondition: `maximumDepth >= 2` (an object holding the `labels` array).
    public init(maximumDepth: Int = JSONLineParser.defaultMaximumDepth) {
        precondition(maximumDepth >= 2, "maximumDepth must be at least 2, got \(maximumDepth)")
        self.maximumDepth = maximumDepth
        self.scratch = ScratchBytes(capacity: 4096)
        let words = maximumDepth / 64 + 1
        self.kinds = .allocate(capacity: words)
        self.kinds.initialize(repeating: 0, count: words)
        self.labelStorage = .allocate(capacity: labelCapacity)
    }

    deinit {
        scratch.deallocate()
        kinds.deallocate()
        labelStorage.deallocate()
    }

    /// Parses `line` (without its terminator). The result borrows from `line` and from this
    /// parser: use it before the next `parse` on this parser, while `line`'s memory is valid,
    /// and while the parser is alive (a parser reused across a loop is; for a one-off use
    /// `withExtendedLifetime(parser) { … }` or ``parseRecord(_:)``).
    public func parse(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLineError) -> PostFields {
        guard let base = line.baseAddress, !line.isEmpty else {
            throw JSONLineError("expected a JSON object, found end of line", at: 0)
        }
        scratch.count = 0
        labelRefs.removeAll(keepingCapacity: true)
        var s = JSONScanner(p: base, n: line.count, scratch: scratch, maxDepth: maximumDepth, kinds: kinds)
        defer { scratch = s.scratch }
        let found = try members(&s)

        let scratchBase = UnsafePointer(s.scratch.base)
        func resolve(_ ref: StringRef) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: (ref.inScratch ? scratchBase : base) + ref.start, count: ref.count)
        }
        var labels: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>?
        if found.hasLabels {
            if labelRefs.count > labelCapacity {
                labelStorage.deallocate()
                labelCapacity = max(labelRefs.count, labelCapacity * 2)
                labelStorage = .allocate(capacity: labelCapacity)
            }
            for (index, ref) in labelRefs.enumerated() { (labelStorage + index).initialize(to: resolve(ref)) }
            labels = UnsafeBufferPointer(start: labelStorage, count: labelRefs.count)
        }
        return PostFields(id: found.id.map(resolve), text: found.text.map(resolve), lang: found.lang.map(resolve),
                          labels: labels, ambiguous: found.ambiguous,
                          functionality: found.functionality.map(resolve))
    }

    /// Parses `line` and copies the fields out (see ``PostRecord``).
    public func parseRecord(_ line: [UInt8]) throws(JSONLineError) -> PostRecord {
        try line.withUnsafeBufferPointer { (bytes) throws(JSONLineError) in try PostRecord(parse(bytes)) }
    }

    // MARK: the object

    private enum Field: Int {
        case id, text, lang, labels, ambiguous, functionality

        var name: String { "\(self)" }

        /// The field a key names, comparing the key's decoded bytes.
        static func named(_ key: UnsafePointer<UInt8>, count: Int) -> Field? {
            @inline(__always) func equals(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { expected in
                    (0..<count).allSatisfy { key[$0] == expected[$0] }
                }
            }
            switch count {
            case 2: return equals("id") ? .id : nil
            case 4: return equals("text") ? .text : equals("lang") ? .lang : nil
            case 6: return equals("labels") ? .labels : nil
            case 9: return equals("ambiguous") ? .ambiguous : nil
            case 13: return equals("functionality") ? .functionality : nil
            default: return nil
            }
        }
    }

    private struct Found {
        var id: StringRef?
        var text: StringRef?
        var lang: StringRef?
        var functionality: StringRef?
        var ambiguous: Bool?
        var hasLabels = false
        var seen = 0
    }

    private func members(_ s: inout JSONScanner) throws(JSONLineError) -> Found {
        var found = Found()
        s.skipWhitespace()
        if s.i + 2 < s.n && s.p[s.i] == 0xEF && s.p[s.i + 1] == 0xBB && s.p[s.i + 2] == 0xBF {
            throw JSONLineError("unexpected byte order mark (U+FEFF); it is allowed only at the start of the input", at: s.i)
        }
        guard s.i < s.n && s.p[s.i] == UInt8(ascii: "{") else {
            throw JSONLineError("expected a JSON object, found \(s.kind(s.i) ?? s.found(s.i))", at: s.i)
        }
        s.i += 1
        s.skipWhitespace()
        if s.i < s.n && s.p[s.i] == UInt8(ascii: "}") {
            s.i += 1
        } else {
            while true {
                guard s.i < s.n && s.p[s.i] == UInt8(ascii: "\"") else {
                    throw JSONLineError("expected a string key, found \(s.found(s.i))", at: s.i)
                }
                let keyAt = s.i
                let mark = s.scratch.count
                let key = try s.string()
                let field = Field.named((key.inScratch ? UnsafePointer(s.scratch.base) : s.p) + key.start, count: key.count)
                s.scratch.count = mark
                try s.colon()
                if let field {
                    let bit = 1 << field.rawValue
                    if found.seen & bit != 0 { throw JSONLineError("duplicate key \"\(field.name)\"", at: keyAt) }
                    found.seen |= bit
                    try value(of: field, into: &found, &s)
                } else {
                    try s.skipValue(depth: 1)
                }
                s.skipWhitespace()
                if s.i < s.n && s.p[s.i] == UInt8(ascii: ",") {
                    s.i += 1
                    s.skipWhitespace()
                    continue
                }
                if s.i < s.n && s.p[s.i] == UInt8(ascii: "}") {
                    s.i += 1
                    break
                }
                throw s.afterMember()
            }
        }
        s.skipWhitespace()
        guard s.i == s.n else {
            throw JSONLineError("unexpected data after the JSON object, found \(s.found(s.i))", at: s.i)
        }
        return found
    }

    private func value(of field: Field, into found: inout Found, _ s: inout JSONScanner) throws(JSONLineError) {
        guard s.i < s.n else { throw s.expectedValue() }
        let c = s.p[s.i]
        if c == UInt8(ascii: "n") && field != .text {
            _ = try s.literal()
            return
        }
        switch field {
        case .id:
            if c == UInt8(ascii: "\"") {
                found.id = try s.string()
            } else if c == UInt8(ascii: "-") || s.isDigit(c) {
                let start = try s.number()
                found.id = StringRef(start: start, count: s.i - start, inScratch: false)
            } else {
                throw try typeError(field, "a string or number", &s)
            }
        case .text, .lang, .functionality:
            guard c == UInt8(ascii: "\"") else { throw try typeError(field, "a string", &s) }
            let ref = try s.string()
            switch field {
            case .text: found.text = ref
            case .lang: found.lang = ref
            default: found.functionality = ref
            }
        case .ambiguous:
            guard c == UInt8(ascii: "t") || c == UInt8(ascii: "f") else { throw try typeError(field, "a boolean", &s) }
            found.ambiguous = try s.literal() == UInt8(ascii: "t")
        case .labels:
            guard c == UInt8(ascii: "[") else { throw try typeError(field, "an array of strings", &s) }
            found.hasLabels = true
            try labels(&s)
        }
    }

    private func labels(_ s: inout JSONScanner) throws(JSONLineError) {
        s.i += 1
        s.skipWhitespace()
        if s.i < s.n && s.p[s.i] == UInt8(ascii: "]") {
            s.i += 1
            return
        }
        while true {
            guard s.i < s.n && s.p[s.i] == UInt8(ascii: "\"") else {
                let at = s.i
                guard let kind = s.kind(at) else { throw s.expectedValue() }
                try s.skipValue(depth: 2)
                throw JSONLineError("field \"labels\" must be an array of strings, found \(kind) at index \(labelRefs.count)", at: at)
            }
            labelRefs.append(try s.string())
            s.skipWhitespace()
            if s.i < s.n && s.p[s.i] == UInt8(ascii: ",") {
                s.i += 1
                s.skipWhitespace()
                continue
            }
            if s.i < s.n && s.p[s.i] == UInt8(ascii: "]") {
                s.i += 1
                return
            }
            throw JSONLineError("expected ',' or ']' after an array element, found \(s.found(s.i))", at: s.i)
        }
    }

    /// The error for a value of the wrong type, reported only once the value proved to be
    /// valid JSON (a malformed value gets its syntax error instead).
    private func typeError(_ field: Field, _ expected: String, _ s: inout JSONScanner) throws(JSONLineError) -> JSONLineError {
        let at = s.i
        guard let kind = s.kind(at) else { throw s.expectedValue() }
        try s.skipValue(depth: 1)
        return JSONLineError("field \"\(field.name)\" must be \(expected), found \(kind)", at: at)
    }
}
