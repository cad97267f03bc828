/// A post after normalization: the UTF-8 bytes the matcher scans, and for every one of those
/// bytes the range of original UTF-8 bytes it came from.
///
///     let text = Normalizer().normalize("ＩＤＩＯＴ")
///     text.bytes                                   // "idiot"
///     text.originalSpan(normalizedStart: 0, normalizedEnd: 5)   // 0..<15
///
/// Cost: two `Int32` per normalized byte besides the bytes themselves.
///
/// Invariants of the offset map, for every normalized byte `i` (tested on random input):
/// - `0 <= originStarts[i] < originEnds[i] <= originalCount`: every byte comes from at least
///   one original byte;
/// - `originStarts` and `originEnds` are non-decreasing;
/// - bytes produced together (one scalar's UTF-8, "ss" from "ß", one squeezed letter) share one
///   range, and two different ranges never overlap: for `i < j`, either the ranges are equal or
///   `originEnds[i] <= originStarts[j]`. So the original span of a normalized span holds
///   exactly the original bytes that produced it, plus any dropped bytes between them.
public struct NormalizedText: Sendable, Hashable {
    /// The normalized text, valid UTF-8.
    public internal(set) var bytes: [UInt8]
    /// Invariant: `originStarts.count == bytes.count`, non-decreasing, each in `0..<originalCount`.
    public internal(set) var originStarts: [Int32]
    /// Invariant: `originEnds.count == bytes.count`, non-decreasing, `originEnds[i] > originStarts[i]`.
    public internal(set) var originEnds: [Int32]
    /// Length in bytes of the original text.
    public internal(set) var originalCount: Int
    /// The steps that changed something in this text.
    public internal(set) var applied: NormalizationOptions

    /// An empty text: the starting point for ``Normalizer/normalize(utf8:into:)``, which
    /// reuses its storage.
    public init() {
        bytes = []
        originStarts = []
        originEnds = []
        originalCount = 0
        applied = []
    }

    public init(bytes: [UInt8], originStarts: [Int32], originEnds: [Int32], originalCount: Int,
                applied: NormalizationOptions) {
        precondition(bytes.count == originStarts.count && bytes.count == originEnds.count)
        self.bytes = bytes
        self.originStarts = originStarts
        self.originEnds = originEnds
        self.originalCount = originalCount
        self.applied = applied
    }

    /// Sets the three arrays to `count` elements, keeping their storage (new elements are 0).
    mutating func resize(to count: Int) {
        Self.resize(&bytes, to: count)
        Self.resize(&originStarts, to: count)
        Self.resize(&originEnds, to: count)
    }

    /// Sets the text to the ASCII bytes `p[0 ..< count]`, each mapped to its own offset and
    /// lower-cased when `casefold` is on (what NFKC_Casefold does to ASCII). Returns whether a
    /// byte changed case.
    ///
    /// The offsets are copied from a shared table of consecutive offsets, so each element is
    /// written once, by `memcpy`: growing the arrays through ``resize(to:)`` writes zeros
    /// first, and a loop then writes the offsets over them.
    mutating func assignASCII(_ p: UnsafePointer<UInt8>, count: Int, casefold: Bool) -> Bool {
        guard count < Self.offsetCount else {
            resize(to: count)
            return writeASCII(p, count: count, casefold: casefold)
        }
        Self.assign(&bytes, from: p, count: count)
        Self.assign(&originStarts, from: Self.offsets, count: count)
        Self.assign(&originEnds, from: Self.offsets + 1, count: count)
        guard casefold else { return false }
        return bytes.withUnsafeMutableBufferPointer { bytes in
            var upper: UInt8 = 0
            for k in 0..<count {
                let b = bytes[k]
                let isUpper: UInt8 = b &- 0x41 < 26 ? 1 : 0
                upper |= isUpper
                bytes[k] = b | (isUpper << 5)
            }
            return upper != 0
        }
    }

    /// Writes the ASCII bytes `p[0 ..< count]` with identity ranges into the first `count`
    /// elements, which exist, lower-casing them when `casefold` is on. Returns whether the
    /// case changed.
    mutating func writeASCII(_ p: UnsafePointer<UInt8>, count: Int, casefold: Bool) -> Bool {
        guard count > 0 else { return false }
        let capacity = bytes.count
        return bytes.withUnsafeMutableBufferPointer { bytes in
            originStarts.withUnsafeMutableBufferPointer { starts in
                originEnds.withUnsafeMutableBufferPointer { ends in
                    var sink = ByteSink(bytes: bytes.baseAddress!, starts: starts.baseAddress!, ends: ends.baseAddress!,
                                        capacity: capacity, count: 0)
                    return sink.appendASCII(p, from: 0, to: count, casefold: casefold)
                }
            }
        }
    }

    /// `offsets[i] == i` for `i` in `0 ..< offsetCount`: the offset map of ASCII text, which
    /// ``assignASCII(_:count:casefold:)`` copies (a post of up to 4 KiB; longer ones are
    /// written in place). Written once by its initializer and only read afterwards, so every
    /// thread may share it.
    private static let offsetCount = 4097
    nonisolated(unsafe) private static let offsets: UnsafePointer<Int32> = {
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: offsetCount)
        for i in 0..<offsetCount { table[i] = Int32(i) }
        return UnsafePointer(table)
    }()

    /// Sets `array` to `source[0 ..< count]`: the elements it has are overwritten, the rest
    /// appended or removed (emptying it first would cost a call per array and post).
    @inline(__always)
    private static func assign<T: FixedWidthInteger>(_ array: inout [T], from source: UnsafePointer<T>, count: Int) {
        let kept = min(array.count, count)
        array.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source, count: kept) }
        if array.count > count {
            array.removeLast(array.count - count)
        } else if kept < count {
            array.append(contentsOf: UnsafeBufferPointer(start: source + kept, count: count - kept))
        }
    }

    private static func resize<T: FixedWidthInteger>(_ array: inout [T], to count: Int) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(0, count: count - array.count))
        }
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

    /// True when a word starts at normalized byte offset `offset`: a word character (letter,
    /// digit, Katakana, `_`, ideograph) begins there and UAX #29 puts a word boundary before it
    /// (see `WordBoundaries` for the rules and the deviations). False inside a scalar.
    ///
    ///     let text = Normalizer().normalize("a don't")
    ///     text.isWordStart(2)   // true
    ///     text.isWordStart(6)   // false: "t" continues "don't"
    ///
    /// Cost: constant (a few scalars either side are classified).
    public func isWordStart(_ offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { WordBoundaries.isWordStart(offset, in: $0) }
    }

    /// True when a word ends at normalized byte offset `offset` (exclusive end): the character
    /// before it (marks skipped) is a word character and UAX #29 puts a boundary there.
    ///
    /// Cost: constant.
    public func isWordEnd(_ offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { WordBoundaries.isWordEnd(offset, in: $0) }
    }

    /// The words of the normalized text as byte ranges, in order (UAX #29 word segments that
    /// hold a letter, digit or ideograph).
    ///
    ///     Normalizer().normalize("Don't  STOP, 1,5 km").wordRanges   // [0..<5, 6..<10, 12..<15, 16..<18]
    ///
    /// Cost: linear in the text; allocates the array.
    public var wordRanges: [Range<Int>] {
        bytes.withUnsafeBufferPointer { WordBoundaries.words(in: $0) }
    }
}
