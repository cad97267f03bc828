/// A half-open range of byte offsets in the haystack the automaton scanned (for conduct,
/// normalized text). Never an offset into the original post: see `OriginalSpan`.
public struct Span: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    @inlinable public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    @inlinable public var count: Int { end - start }
    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "\(start)..<\(end)" }
}

/// Identifies one literal added to an ``AutomatonBuilder``: the n-th `add` call gets `n`.
public struct PatternID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: Int32
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public var index: Int { Int(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "P\(rawValue)" }
}

/// One occurrence of one literal.
public struct Match: Hashable, Sendable, CustomStringConvertible {
    public var pattern: PatternID
    public var span: Span
    @inlinable public init(pattern: PatternID, span: Span) {
        self.pattern = pattern
        self.span = span
    }
    public var description: String { "\(pattern)@\(span)" }
}
