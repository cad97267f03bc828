/// Word boundaries over normalized UTF-8, following the word rules of UAX #29 (Unicode Text
/// Segmentation, rules WB1–WB13b) on the scalars the normalizer leaves:
/// - letters, digits, Katakana and connector punctuation (`_`) form words; marks, ZWJ and
///   format characters extend the character before them (WB4);
/// - an apostrophe, a period or a middle dot between letters does not break a word ("don't",
///   "e.g", "l·l"); a comma, period or apostrophe between digits does not break a number
///   ("1,000.50");
/// - each Han ideograph and each Hiragana letter is a word of its own; emoji, symbols and
///   punctuation are not word characters.
///
/// Deviations, on purpose: the colon is not MidLetter (UAX #29 keeps "a:b" together for
/// Swedish; in posts "dm:me" is two words); scripts written without spaces (Thai, Lao, Khmer,
/// Myanmar) are treated as ordinary letters instead of dictionary segmentation; regional
/// indicator pairs and the other non-word rules (WB3a–WB3d, WB15–WB16) are not needed to tell
/// where words start and end and are left out.
///
///     let text = Normalizer().normalize("don't, idiot")
///     text.isWordStart(0)   // true
///     text.isWordEnd(5)     // true ("don't")
///
/// Cost: constant per query (a few scalars looked at either side).
enum WordBoundaries {
    enum Kind: UInt8 {
        case other, aLetter, hebrewLetter, numeric, katakana, extendNumLet
        case midLetter, midNum, midNumLet, singleQuote, doubleQuote, extend, ideographic
    }

    /// Offset of the first byte of the scalar that ends just before `offset`.
    @inline(__always)
    static func scalarStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = offset - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    static func kind(of scalar: UInt32) -> Kind {
        if scalar < 0x80 {
            switch scalar {
            case 0x61...0x7A, 0x41...0x5A: return .aLetter
            case 0x30...0x39: return .numeric
            case 0x5F: return .extendNumLet
            case 0x2E: return .midNumLet
            case 0x27: return .singleQuote
            case 0x22: return .doubleQuote
            case 0x2C, 0x3B: return .midNum
            default: return .other
            }
        }
        switch scalar {
        case 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A: return .midLetter
        case 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E: return .midNumLet
        case 0x037E, 0x0589, 0x060C, 0x060D, 0x066C, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54,
             0xFF0C, 0xFF1B: return .midNum
        case 0x202F, 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D...0xFE4F, 0xFF3F: return .extendNumLet
        case 0x1F3FB...0x1F3FF: return .extend  // emoji modifiers
        default: break
        }
        let info = ScalarTable.shared.info(scalar)
        if info & (ScalarInfo.mark | ScalarInfo.ignorable) != 0 { return .extend }
        if info & ScalarInfo.digit != 0 { return .numeric }
        guard info & ScalarInfo.letter != 0 else { return .other }
        if info & ScalarInfo.katakana != 0 { return .katakana }
        if info & ScalarInfo.ideographic != 0 {
            // Hangul syllables are ALetter in UAX #29; Han and Hiragana stand alone.
            return ScalarInfo.script(info) == 18 ? .aLetter : .ideographic
        }
        if ScalarInfo.script(info) == ScalarInfo.hebrew { return .hebrewLetter }
        return .aLetter
    }

    @inline(__always)
    static func kind(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        let b = bytes[offset]
        if b < 0x80 { return kind(of: UInt32(b)) }
        return kind(of: UTF8Scan.decodeValid(bytes.baseAddress!, at: offset).scalar)
    }

    /// True for the kinds that make up words.
    @inline(__always)
    static func isWord(_ kind: Kind) -> Bool {
        switch kind {
        case .aLetter, .hebrewLetter, .numeric, .katakana, .extendNumLet, .ideographic: return true
        default: return false
        }
    }

    /// The kind of the character ending before `offset`, extending marks skipped (WB4), and
    /// the offset where it starts; `.other` at the start of the text.
    static func kind(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Kind, Int) {
        var start = offset
        while start > 0 {
            start = scalarStart(before: start, in: bytes)
            let k = kind(at: start, in: bytes)
            if k != .extend { return (k, start) }
        }
        return (.other, 0)
    }

    /// The kind of the character after the one starting at `offset`, extending marks skipped.
    static func kind(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        var i = offset + UTF8Scan.length(lead: bytes[offset])
        while i < bytes.count {
            let k = kind(at: i, in: bytes)
            if k != .extend { return k }
            i += UTF8Scan.length(lead: bytes[i])
        }
        return .other
    }

    /// True when UAX #29 puts a word boundary at `offset` (a scalar boundary).
    static func isBoundary(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 && offset < bytes.count else { return true }
        guard bytes[offset] & 0xC0 != 0x80 else { return false }
        let next = kind(at: offset, in: bytes)
        if next == .extend { return false }  // WB4
        let rawPrevious = scalarStart(before: offset, in: bytes)
        if bytes[rawPrevious] == 0xE2 && bytes[rawPrevious + 1] == 0x80 && bytes[rawPrevious + 2] == 0x8D {
            // WB3c: ZWJ × Extended_Pictographic.
            let scalar = UTF8Scan.decodeValid(bytes.baseAddress!, at: offset).scalar
            if ScalarTable.shared.info(scalar) & ScalarInfo.pictographic != 0 { return false }
        }
        let (previous, previousStart) = kind(before: offset, in: bytes)
        let isAHLetter: (Kind) -> Bool = { $0 == .aLetter || $0 == .hebrewLetter }
        let isMidLetterQ: (Kind) -> Bool = { $0 == .midLetter || $0 == .midNumLet || $0 == .singleQuote }
        let isMidNumQ: (Kind) -> Bool = { $0 == .midNum || $0 == .midNumLet || $0 == .singleQuote }
        if isAHLetter(previous) && isAHLetter(next) { return false }  // WB5
        if isAHLetter(previous) && isMidLetterQ(next) && isAHLetter(kind(after: offset, in: bytes)) {
            return false  // WB6
        }
        if isMidLetterQ(previous) && isAHLetter(next) && isAHLetter(kind(before: previousStart, in: bytes).0) {
            return false  // WB7
        }
        if previous == .hebrewLetter && next == .singleQuote { return false }  // WB7a
        if previous == .hebrewLetter && next == .doubleQuote && kind(after: offset, in: bytes) == .hebrewLetter {
            return false  // WB7b
        }
        if previous == .doubleQuote && next == .hebrewLetter
            && kind(before: previousStart, in: bytes).0 == .hebrewLetter {
            return false  // WB7c
        }
        let letterOrDigit: (Kind) -> Bool = { isAHLetter($0) || $0 == .numeric }
        if letterOrDigit(previous) && letterOrDigit(next) { return false }  // WB8, WB9, WB10
        if isMidNumQ(previous) && next == .numeric && kind(before: previousStart, in: bytes).0 == .numeric {
            return false  // WB11
        }
        if previous == .numeric && isMidNumQ(next) && kind(after: offset, in: bytes) == .numeric {
            return false  // WB12
        }
        if previous == .katakana && next == .katakana { return false }  // WB13
        if next == .extendNumLet && (letterOrDigit(previous) || previous == .katakana || previous == .extendNumLet) {
            return false  // WB13a
        }
        if previous == .extendNumLet && (letterOrDigit(next) || next == .katakana) { return false }  // WB13b
        return true  // WB999
    }

    /// True when a word starts at `offset`.
    static func isWordStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 0 && offset < bytes.count, bytes[offset] & 0xC0 != 0x80 else { return false }
        return isWord(kind(at: offset, in: bytes)) && isBoundary(at: offset, in: bytes)
    }

    /// True when a word ends at `offset` (exclusive).
    static func isWordEnd(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 && offset <= bytes.count else { return false }
        guard offset == bytes.count || bytes[offset] & 0xC0 != 0x80 else { return false }
        return isWord(kind(before: offset, in: bytes).0) && isBoundary(at: offset, in: bytes)
    }

    /// The words of `bytes`, in order, as byte ranges.
    static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            guard isWordStart(i, in: bytes) else {
                i += UTF8Scan.length(lead: bytes[i])
                continue
            }
            var j = i + UTF8Scan.length(lead: bytes[i])
            while j < bytes.count && !isBoundary(at: j, in: bytes) { j += UTF8Scan.length(lead: bytes[j]) }
            ranges.append(i..<j)
            i = j
        }
        return ranges
    }
}
