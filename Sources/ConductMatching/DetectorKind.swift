/// The built-in linear-time detectors, usable in patterns as `{email}`, `{phone}`, ….
///
///     let detectors = Detectors(kinds: [.phone, .number])
///     detectors.detections(in: Array("bel 06-12345678".utf8))
///     // [number@4..<6, phone@4..<15, number@7..<15]
///
/// Kinds order by their raw value (alphabetically), which is also the order in which
/// ``Detectors`` reports detections that start at the same offset.
public enum DetectorKind: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case email, phone, url, handle, iban, bsn, card, ssn, postcode, address, number, money

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Position in the alphabetical order of raw values (address = 0 … url = 11); the same
    /// order as comparing `rawValue`s, without comparing strings.
    @inlinable var rank: Int {
        switch self {
        case .address: 0
        case .bsn: 1
        case .card: 2
        case .email: 3
        case .handle: 4
        case .iban: 5
        case .money: 6
        case .number: 7
        case .phone: 8
        case .postcode: 9
        case .ssn: 10
        case .url: 11
        }
    }

    /// This kind's bit in a set of kinds packed into a `UInt16`.
    @inlinable var bit: UInt16 { 1 << UInt16(rank) }
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
