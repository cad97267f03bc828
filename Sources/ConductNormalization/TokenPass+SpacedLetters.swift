/// Joining spaced or dotted single letters: "s e l l", "s.e.l.l", "s-e-l-l", "s_e_l_l",
/// "s*e*l*l" → "sell".
///
/// A run is at least three single-letter tokens (a leet character such as "3" may stand in
/// for a letter, but at least three of the units must be letters), separated every time by the
/// same separator: white space, or one of `. - _ *` with spaces around it on the same
/// sides every time. A run starts only after the start of the text, white space or an opening bracket or
/// quote, so "mr.a.b" or "don't a b" do not start one inside a word. Two single letters are
/// never joined ("e.g.", "a b testing" stay). Three single-letter words in a row are joined even
/// when they are real words ("a b c" → "abc"; "you are a b i t c h" → "you are abitch"): the
/// normalizer has no lexicon to tell an article from a spelled-out letter.
extension TokenPass {
    /// A whole token of one letter (not ideographic) or one leet character at `i`; three or
    /// more of the same letter count as one when runs are squeezed.
    @inline(__always)
    func spacedUnit(at i: Int) -> (length: Int, isLetter: Bool)? {
        guard i < count else { return nil }
        let b = bytes[i]
        let length: Int
        let isLetter: Bool
        if b < 0x80 {
            if Self.isASCIILetter(b) {
                isLetter = true
            } else if Self.isLeetDigit(b) || b == 0x40 || b == 0x24 {
                isLetter = false
            } else {
                return nil
            }
            length = 1
        } else {
            let (scalar, scalarLength) = UTF8Scan.decodeValid(bytes, at: i)
            let info = table.info(scalar)
            guard info & ScalarInfo.letter != 0, info & ScalarInfo.ideographic == 0 else { return nil }
            length = scalarLength
            isLetter = true
        }
        var end = i + length
        if isLetter && options.contains(.squeezeRepeats) {
            // "sss" squeezes to one letter, so it counts as one: a second pass sees "s".
            var repeats = 1
            while end + length <= count && (0..<length).allSatisfy({ bytes[end + $0] == bytes[i + $0] }) {
                end += length
                repeats += 1
            }
            if repeats == 2 { return nil }
        }
        // Exclamation marks that end the word end the sentence, not the word: "s.e.l.l!".
        var after = end
        while after < count && bytes[after] == 0x21 { after += 1 }
        if after < count && isTokenUnit(at: after) { return nil }
        return (end - i, isLetter)
    }

    /// The separator at `i` and where it ends. Its kind is the punctuation byte (0x20 for
    /// spaces alone), plus 0x100 when spaces precede the punctuation and 0x200 when spaces
    /// follow it: "s.e.l.l" and "s. e. l. l" are runs, "e.g. a" is not.
    @inline(__always)
    func separator(at i: Int) -> (kind: UInt16, end: Int)? {
        var j = i
        while j < count && Self.isSpace(bytes[j]) { j += 1 }
        var kind: UInt16 = 0x20
        if j < count {
            let b = bytes[j]
            if b == 0x2E || b == 0x2D || b == 0x5F || b == 0x2A {
                kind = UInt16(b) | (j > i ? 0x100 : 0)
                j += 1
                let afterPunctuation = j
                while j < count && Self.isSpace(bytes[j]) { j += 1 }
                if j > afterPunctuation { kind |= 0x200 }
            }
        }
        return j > i ? (kind, j) : nil
    }

    /// True when what was written last lets a run of spaced letters start.
    func mayStartSpacedRun() -> Bool {
        guard write > 0 else { return true }
        let b = bytes[write - 1]
        if b < 0x80 {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x28, 0x5B, 0x7B, 0x22, 0x3C, 0x2A: return true
            default: return false
            }
        }
        var lead = write - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let scalar = UTF8Scan.decodeValid(bytes, at: lead).scalar
        if scalar == 0x2019 || scalar == 0x2018 { return false }
        return !isTokenUnit(at: lead)
    }

    /// Joins the run of spaced letters starting with the one-unit token at `r`. Returns the
    /// read offset after the run, or nil (and marks the units seen) when there is no run.
    mutating func joinSpacedLetters(from r: Int) -> Int? {
        guard let first = spacedUnit(at: r), mayStartSpacedRun() else { return nil }
        var units = 1
        var letters = first.isLetter ? 1 : 0
        var position = r + first.length
        var kind: UInt16?
        while let separator = separator(at: position) {
            if let kind, kind != separator.kind { break }
            guard let unit = spacedUnit(at: separator.end) else { break }
            kind = separator.kind
            units += 1
            if unit.isLetter { letters += 1 }
            position = separator.end + unit.length
        }
        guard units >= 3 && letters >= 3 else {
            noJoinBefore = position
            return nil
        }
        let joinedStart = write
        copy(from: r, to: r + first.length)
        position = r + first.length
        for _ in 1..<units {
            let end = separator(at: position)!.end
            let length = spacedUnit(at: end)!.length
            copy(from: end, to: end + length)
            position = end + length
        }
        let joinedEnd = write
        write = joinedStart
        applied.insert(.joinSpacedLetters)
        processToken(from: joinedStart, to: joinedEnd, joined: true)
        return position
    }
}
