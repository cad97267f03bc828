/// Why a JSONL line was rejected: a short, stable message and the 0-based byte offset in the
/// line where the problem was found.
///
/// ```swift
/// do { _ = try parser.parse(line) }
/// catch { print(error) }   // duplicate key "text" at byte 17
/// ```
public struct JSONLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable text without the offset, e.g. `field "text" must be a string, found number`.
    public let message: String
    /// 0-based byte offset into the line.
    public let offset: Int

    /// An error with `message` found at byte `offset`.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `"<message> at byte <offset>"`.
    public var description: String { "\(message) at byte \(offset)" }
}
