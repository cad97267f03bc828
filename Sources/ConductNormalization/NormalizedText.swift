/// A post after normalization: the UTF-8 bytes the matcher scans, and for every one of those
/// bytes the range of original UTF-8 bytes it came from.
///
///     let text = Normalizer().normalize("ＩＤＩＯＴ")
///     text.bytes                                   // "idiot"
///     text.originalSpan(normalizedStart: 0, normalizedEnd: 5)   // 0..<15
///
/// Cost: two `Int32` per normalized byte besides the bytes themselves.
public struct NormalizedText: Sendable, Hashable {
    /// The normalized text, valid UTF-8.
    public let bytes: [UInt8]
    /// Invariant: `originStarts.count == bytes.count`, non-decreasing, each in `0...originalCount`.
    public let originStarts: [Int32]
    /// Invariant: `originEnds.count == bytes.count`, non-decreasing, `originEnds[i] >= originStarts[i]`.
    public let originEnds: [Int32]
    /// Length in bytes of the original text.
    public let originalCount: Int
    /// The steps that changed something in this text.
    public let applied: NormalizationOptions

    public init(bytes: [UInt8], originStarts: [Int32], originEnds: [Int32], originalCount: Int,
                applied: NormalizationOptions) {
        precondition(bytes.count == originStarts.count && bytes.count == originEnds.count)
        self.bytes = bytes
        self.originStarts = originStarts
        self.originEnds = originEnds
        self.originalCount = originalCount
        self.applied = applied
    }

    /// The normalized text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Maps normalized bytes `normalizedStart..<normalizedEnd` back to the original bytes that
    /// produced them. An empty normalized span maps to an empty original span at the position
    /// of the next normalized byte (or the end).
    public func originalSpan(normalizedStart: Int, normalizedEnd: Int) -> OriginalSpan {
        precondition(0 <= normalizedStart && normalizedStart <= normalizedEnd && normalizedEnd <= bytes.count,
                     "normalized span \(normalizedStart)..<\(normalizedEnd) outside 0..<\(bytes.count)")
        if normalizedStart == normalizedEnd {
            let at = normalizedStart < bytes.count ? Int(originStarts[normalizedStart]) : originalCount
            return OriginalSpan(start: at, end: at)
        }
        return OriginalSpan(start: Int(originStarts[normalizedStart]), end: Int(originEnds[normalizedEnd - 1]))
    }

    /// True when a word starts at normalized byte offset `offset` (UAX #29 word boundaries:
    /// a word character here and none, or a boundary, just before).
    public func isWordStart(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        return WordBoundaries.isWordByte(at: offset, in: bytes)
            && (offset == 0 || WordBoundaries.isBoundary(at: offset, in: bytes))
    }

    /// True when a word ends at normalized byte offset `offset` (exclusive end).
    public func isWordEnd(_ offset: Int) -> Bool {
        guard offset > 0 else { return false }
        return WordBoundaries.isWordByte(at: WordBoundaries.scalarStart(before: offset, in: bytes), in: bytes)
            && (offset == bytes.count || WordBoundaries.isBoundary(at: offset, in: bytes))
    }
}
