/// The built-in linear-time detectors, usable in patterns as `{email}`, `{phone}`, ….
public enum DetectorKind: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case email, phone, url, handle, iban, bsn, postcode, address, number, money

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One thing a detector found, as a span of the scanned (normalized) bytes.
public struct Detection: Hashable, Sendable, CustomStringConvertible {
    public var kind: DetectorKind
    public var span: Span
    public init(kind: DetectorKind, span: Span) {
        self.kind = kind
        self.span = span
    }
    public var description: String { "\(kind.rawValue)@\(span)" }
}
