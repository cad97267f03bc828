/// The fields of one post that conduct reads, borrowed from the parsed line and from the
/// parser's scratch buffer: valid until the next `parse` call on the same parser and while the
/// line's memory lives. Every string is UTF-8 (invalid input bytes already replaced by
/// U+FFFD, escapes decoded). `nil` means the field was absent (or, for `id`, null).
///
/// ```swift
/// let post = try parser.parse(line.bytes)
/// guard let text = post.text else { … }      // text is UnsafeBufferPointer<UInt8>
/// ```
public struct PostFields {
    /// The `id`: a string's decoded value, or a number's literal text as written (`1e999`, `-0`).
    public var id: UnsafeBufferPointer<UInt8>?
    /// The post's text.
    public var text: UnsafeBufferPointer<UInt8>?
    /// The `lang` code.
    public var lang: UnsafeBufferPointer<UInt8>?
    /// The `labels`, each a UTF-8 string, in input order.
    public var labels: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>?
    /// The `ambiguous` flag.
    public var ambiguous: Bool?
    /// The `functionality` name.
    public var functionality: UnsafeBufferPointer<UInt8>?

    public init(
        id: UnsafeBufferPointer<UInt8>? = nil,
        text: UnsafeBufferPointer<UInt8>? = nil,
        lang: UnsafeBufferPointer<UInt8>? = nil,
        labels: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>? = nil,
        ambiguous: Bool? = nil,
        functionality: UnsafeBufferPointer<UInt8>? = nil
    ) {
        self.id = id
        self.text = text
        self.lang = lang
        self.labels = labels
        self.ambiguous = ambiguous
        self.functionality = functionality
    }
}

/// ``PostFields`` copied into owned, `Sendable` values: for corpora and tests, where
/// convenience beats the allocation per field.
///
/// ```swift
/// let record = try parser.parseRecord(Array(#"{"id":7,"text":"hi"}"#.utf8))
/// // record.id == "7", record.text == "hi"
/// ```
public struct PostRecord: Hashable, Sendable {
    public var id: String?
    public var text: String?
    public var lang: String?
    public var labels: [String]?
    public var ambiguous: Bool?
    public var functionality: String?

    public init(id: String? = nil, text: String? = nil, lang: String? = nil, labels: [String]? = nil,
                ambiguous: Bool? = nil, functionality: String? = nil) {
        self.id = id
        self.text = text
        self.lang = lang
        self.labels = labels
        self.ambiguous = ambiguous
        self.functionality = functionality
    }

    /// Copies borrowed fields.
    public init(_ fields: PostFields) {
        func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
            bytes.map { String(decoding: $0, as: UTF8.self) }
        }
        self.init(id: string(fields.id), text: string(fields.text), lang: string(fields.lang),
                  labels: fields.labels.map { $0.map { String(decoding: $0, as: UTF8.self) } },
                  ambiguous: fields.ambiguous, functionality: string(fields.functionality))
    }
}
