import ConductNormalization

/// Word starts and ends in normalized text, as ``NormalizedText/isWordStart(_:)`` and
/// ``NormalizedText/isWordEnd(_:)`` define them (UAX #29 word boundaries), with a fast path for
/// ASCII: where the bytes from two before to one after a position are all ASCII, the boundary
/// rules reduce to a few comparisons of byte classes; anywhere else the general functions
/// decide.
///
///     let text = Normalizer().normalize("don't stop")
///     text.bytes.withUnsafeBufferPointer { WordScanner.isWordStart(6, in: $0, text) }   // true
///
/// Invariant (tested on random text against the general functions): for every offset, both
/// answers equal the general ones.
///
/// Cost: constant per query; ``tokenize(_:starts:ends:)`` is linear, about one table load per byte
/// inside ASCII words.
enum WordScanner {
    /// ASCII byte classes: 0 other, 1 letter, 2 digit, 3 `_` (ExtendNumLet), 4 `.` (MidNumLet),
    /// 5 `'` (Single_Quote), 6 `"` (Double_Quote), 7 `,` `;` (MidNum). Bytes ≥ 0x80: 8.
    static let classes: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x61...0x7A, 0x41...0x5A: 1
        case 0x30...0x39: 2
        case 0x5F: 3
        case 0x2E: 4
        case 0x27: 5
        case 0x22: 6
        case 0x2C, 0x3B: 7
        case 0x80...: 8
        default: 0
        }
    }

    /// `classes` in memory of its own, for the per-post loops (never written after it is made).
    nonisolated(unsafe) static let classTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(from: classes, count: 256)
        return UnsafePointer(table)
    }()

    static let letter: UInt8 = 1, digit: UInt8 = 2, underscore: UInt8 = 3, period: UInt8 = 4
    static let quote: UInt8 = 5, comma: UInt8 = 7, nonASCII: UInt8 = 8

    /// Letters, digits and `_`: the ASCII classes that make up words.
    @inline(__always)
    static func isWordClass(_ c: UInt8) -> Bool { c &- 1 < 3 }

    /// The boundary rules of `WordBoundaries.isBoundary` for a position strictly inside the
    /// text whose surrounding bytes are ASCII: `before2`, `before`, `next`, `after` are the
    /// classes of the bytes at offsets −2, −1, 0, +1 (0 where outside the text).
    @inline(__always)
    static func asciiBoundary(_ before2: UInt8, _ before: UInt8, _ next: UInt8, _ after: UInt8) -> Bool {
        // WB5, WB8–WB10, WB13a, WB13b: letters, digits and '_' never break among themselves.
        if isWordClass(before) && isWordClass(next) { return false }
        // WB6, WB7: a '.' or '\'' between letters.
        if before == letter && (next == period || next == quote) && after == letter { return false }
        if (before == period || before == quote) && next == letter && before2 == letter { return false }
        // WB11, WB12: ',', ';', '.' or '\'' between digits.
        let midNumBefore = before == comma || before == period || before == quote
        if midNumBefore && next == digit && before2 == digit { return false }
        let midNumNext = next == comma || next == period || next == quote
        if before == digit && midNumNext && after == digit { return false }
        return true
    }

    /// Class of the byte at `i`, 0 outside the text.
    @inline(__always)
    static func classAt(_ i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafePointer<UInt8>) -> UInt8 {
        i >= 0 && i < n ? table[Int(p[i])] : 0
    }

    /// True when a word starts at `offset`; equal to `text.isWordStart(offset)`.
    @inline(__always)
    static func isWordStart(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafePointer<UInt8>,
                            _ text: NormalizedText) -> Bool {
        guard offset >= 0 && offset < n else { return false }
        let next = table[Int(p[offset])]
        if next != nonASCII {
            guard isWordClass(next) else { return false }
            if offset == 0 { return true }
            let before = table[Int(p[offset - 1])]
            let before2 = classAt(offset - 2, p, n, table)
            let after = classAt(offset + 1, p, n, table)
            if before != nonASCII && before2 != nonASCII && after != nonASCII {
                return asciiBoundary(before2, before, next, after)
            }
        }
        return text.isWordStart(offset)
    }

    /// True when a word ends at `offset` (exclusive); equal to `text.isWordEnd(offset)`.
    @inline(__always)
    static func isWordEnd(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafePointer<UInt8>,
                          _ text: NormalizedText) -> Bool {
        guard offset > 0 && offset <= n else { return false }
        let before = table[Int(p[offset - 1])]
        if before != nonASCII {
            guard isWordClass(before) else { return false }
            if offset == n { return true }
            let next = table[Int(p[offset])]
            let before2 = classAt(offset - 2, p, n, table)
            let after = classAt(offset + 1, p, n, table)
            if next != nonASCII && before2 != nonASCII && after != nonASCII {
                return asciiBoundary(before2, before, next, after)
            }
        }
        return text.isWordEnd(offset)
    }

    /// `isWordStart` with the commonest case first: an ASCII letter, digit or `_` at the start
    /// of the text or after a byte of class 0 (space, most punctuation) always starts a word.
    @inline(__always)
    static func isWordStartQuick(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafePointer<UInt8>,
                                 _ text: NormalizedText) -> Bool {
        if offset < n && isWordClass(table[Int(p[offset])]) && (offset == 0 || table[Int(p[offset &- 1])] == 0) {
            return true
        }
        return isWordStart(offset, p, n, table, text)
    }

    /// `isWordEnd` with the commonest cases first: between two ASCII letters, digits or `_`
    /// no word ends; before a byte of class 0 after one, a word always ends.
    @inline(__always)
    static func isWordEndQuick(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafePointer<UInt8>,
                               _ text: NormalizedText) -> Bool {
        if offset > 0 && offset < n {
            let before = table[Int(p[offset &- 1])]
            if isWordClass(before) {
                let next = table[Int(p[offset])]
                if isWordClass(next) { return false }
                if next == 0 { return true }
            }
        }
        return isWordEnd(offset, p, n, table, text)
    }

    /// Writes the words of `text` to `starts`/`ends` (each with room for one word per byte of
    /// the text) and returns how many there are: from each word start, the word runs to the
    /// next word end (or the end of the text).
    static func tokenize(_ text: NormalizedText, starts: UnsafeMutablePointer<Int32>,
                         ends: UnsafeMutablePointer<Int32>) -> Int {
        text.bytes.withUnsafeBufferPointer { bytes -> Int in
            guard let p = bytes.baseAddress else { return 0 }
            let table = classTable
            let n = bytes.count
            var count = 0
            var i = 0
            while i < n {
                let c = table[Int(p[i])]
                if c != nonASCII && !isWordClass(c) {
                    i &+= 1
                    continue
                }
                guard isWordStartQuick(i, p, n, table, text) else {
                    i &+= 1
                    continue
                }
                var j = i &+ 1
                while j < n {
                    // Inside a run of ASCII letters, digits and '_' no word ends.
                    if isWordClass(table[Int(p[j &- 1])]) {
                        while j < n && isWordClass(table[Int(p[j])]) { j &+= 1 }
                        if j == n { break }
                    }
                    if isWordEndQuick(j, p, n, table, text) { break }
                    j &+= 1
                }
                starts[count] = Int32(truncatingIfNeeded: i)
                ends[count] = Int32(truncatingIfNeeded: j)
                count &+= 1
                i = j
            }
            return count
        }
    }

    /// The words of `text` as start and end offsets (see ``tokenize(_:starts:ends:)``).
    static func words(_ text: NormalizedText) -> (starts: [Int32], ends: [Int32]) {
        let n = text.bytes.count
        var ends: [Int32] = []
        let starts = [Int32](unsafeUninitializedCapacity: n) { startBuffer, startCount in
            ends = [Int32](unsafeUninitializedCapacity: n) { endBuffer, endCount in
                endCount = n == 0 ? 0 : tokenize(text, starts: startBuffer.baseAddress!, ends: endBuffer.baseAddress!)
                startCount = endCount
            }
        }
        return (starts, ends)
    }
}
