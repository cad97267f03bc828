/// The fields of one post that conduct reads, borrowed from the parsed line and from the
/// parser's scratch buffer: valid until the next `parse` call on the same parser, while the
/// line's memory lives and while the parser is alive. Every string is UTF-8 (invalid input bytes already replaced by
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

    /// Fields from their parts (all absent by default), e.g. for a plain-text post.
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
