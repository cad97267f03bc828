/// A range of UTF-8 byte offsets in the text exactly as the caller gave it.
///
/// Distinct from a span in normalized text: the two are converted in one place only,
/// ``NormalizedText/originalSpan(normalizedStart:normalizedEnd:)``.
public struct OriginalSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        precondition(start <= end, "OriginalSpan start \(start) after end \(end)")
        self.start = start
        self.end = end
    }
    public var count: Int { end - start }
    public var range: Range<Int> { start..<end }
    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "\(start)..<\(end)" }
}
