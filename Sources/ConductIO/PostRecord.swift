/// ``PostFields`` copied into owned, `Sendable` values: for corpora and tests, where
/// convenience beats the allocation per field.
///
/// ```swift
/// let record = try parser.parseRecord(Array(#"{"id":7,"text":"hi"}"#.utf8))
/// // record.id == "7", record.text == "hi"
/// ```
public struct PostRecord: Hashable, Sendable {
    /// See ``PostFields/id``.
    public var id: String?
    /// See ``PostFields/text``.
    public var text: String?
    /// See ``PostFields/lang``.
    public var lang: String?
    /// See ``PostFields/labels``.
    public var labels: [String]?
    /// See ``PostFields/ambiguous``.
    public var ambiguous: Bool?
    /// See ``PostFields/functionality``.
    public var functionality: String?

    /// A record from its fields (all absent by default).
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
