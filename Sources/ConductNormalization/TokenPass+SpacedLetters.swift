/// Joining spaced or dotted single letters: "s e l l", "s.e.l.l", "s-e-l-l", "s_e_l_l",
/// "s*e*l*l" → "sell".
///
/// A run is at least three single-letter words (a leet character such as "3" may stand in
/// for a letter, but at least three of the units must be letters), separated every time by the
/// same separator: white space, or one of `. - _ *` with spaces around it on the same
/// sides every time. A run starts only after the start of the text, white space or an opening bracket or
/// quote, so "mr.a.b" or "don't a b" do not start one inside a word. Two single letters are
/// never joined ("e.g.", "a b testing" stay). Three single-letter words in a row are joined even
/// when they are real words ("a b c" → "abc"; "you are a b i t c h" → "you are abitch"): the
/// normalizer has no lexicon to tell an article from a spelled-out letter.
///
/// One exception, decided by case: English writes the pronoun "I" as a capital everywhere,
/// while a spelled-out word is typed in one case. So a capital "I", as typed, before spaced
/// letters typed in lower case that make a run of their own stays a word: "I h a t e you" →
/// "i hate you", "so I h a t e it" → "so i hate it"; "i d i o t" and "I D I O T" → "idiot",
/// "I a m" → "iam" (two letters are no run). The cost: a word spelled in sentence case from an
/// "i" reads as the pronoun ("I d i o t" → "i diot"). No other one-letter word is split off:
/// "a" and the Dutch "u" are capitals only where a sentence starts, where a spelled-out word is
/// capitalized too, and the letters alone cannot tell "a b i t c h" from "a s s h o l e".
///
/// Runs are found in the text the word steps wrote, not in the post as given: a word is a
/// single letter when it reads as one after leet folding and squeezing ("$$$$s" → "s",
/// "EE3E" → "e", "sss" → "s"), exactly as a second normalization would see it. The joined
/// letters are one word, folded and squeezed as a whole ("s 3 l l" → "sell"). When that word
/// squeezes to a single letter ("a a a", "e 3 e e" → "e"), it is a single letter again and may
/// start or lengthen a run ("a a a.b.c.d" → "abcd"). So normalized text holds no run to join:
/// normalizing it again changes nothing.
///
/// Cost: linear. The word steps count one-letter words in a row as they write them; the
/// joining pass runs only in posts with three in a row, from the first such row on.
extension TokenPass {
    /// The letter (not ideographic) or the leet character (a leet digit, "@", "$") whose scalar
    /// starts at `i`, with its length; nil for anything else.
    @inline(__always)
    func spacedScalar(at i: Int) -> (length: Int, isLetter: Bool)? {
        let b = bytes[i]
        if b < 0x80 {
            if Self.isASCIILetter(b) { return (1, true) }
            if Self.isLeetDigit(b) || b == 0x40 || b == 0x24 { return (1, false) }
            return nil
        }
        let (scalar, length) = UTF8Scan.decodeValid(bytes, at: i)
        let info = table.info(scalar)
        guard info & ScalarInfo.letter != 0, info & ScalarInfo.ideographic == 0 else { return nil }
        return (length, true)
    }

    /// A whole word of one letter or one leet character at `i` in the written text. Exclamation
    /// marks that end the word end the sentence, not the word: "s.e.l.l!".
    @inline(__always)
    func spacedUnit(at i: Int) -> (length: Int, isLetter: Bool)? {
        guard i < count, let unit = spacedScalar(at: i) else { return nil }
        var after = i + unit.length
        while after < count && bytes[after] == 0x21 { after += 1 }
        if after < count && isTokenUnit(at: after) { return nil }
        return unit
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
            if Self.isSeparatorPunctuation(b) {
                kind = UInt16(b) | (j > i ? 0x100 : 0)
                j += 1
                let afterPunctuation = j
                while j < count && Self.isSpace(bytes[j]) { j += 1 }
                if j > afterPunctuation { kind |= 0x200 }
            }
        }
        return j > i ? (kind, j) : nil
    }

    /// `. - _ *`: the punctuation that may separate spaced letters.
    @inline(__always)
    static func isSeparatorPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2D || b == 0x5F || b == 0x2A
    }

    /// True when what was written last lets a run of spaced letters start.
    func mayStartSpacedRun() -> Bool {
        guard write > 0 else { return true }
        let b = bytes[write - 1]
        if b < 0x80 {
            switch b {
            case 0x20, 0x09...0x0D, 0x28, 0x5B, 0x7B, 0x22, 0x3C, 0x2A: return true
            default: return false
            }
        }
        var lead = write - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let scalar = UTF8Scan.decodeValid(bytes, at: lead).scalar
        if scalar == 0x2019 || scalar == 0x2018 { return false }
        return !isTokenUnit(at: lead)
    }

    /// Called by the word steps after writing a word from `start` to ``write``: counts words of
    /// one letter or leet character written in a row with nothing but white space and
    /// separator punctuation between them, and notes where the first row of three starts. Every
    /// run of spaced letters lies inside such a row, so joining needs to look only from there
    /// on, and not at all in most posts. Cost: constant, plus the bytes between two such words.
    mutating func noteSpacedUnit(from start: Int) {
        guard joinFrom == nil, start < write, let unit = spacedScalar(at: start) else { return }
        var i = start + unit.length
        while i < write {
            if bytes[i] != 0x21 { return }
            i += 1
        }
        var inRow = unitRow > 0
        i = start
        while inRow && i > unitRowEnd {
            let c = bytes[i - 1]
            if !Self.isSpace(c) && !Self.isSeparatorPunctuation(c) { inRow = false }
            i -= 1
        }
        if inRow {
            unitRow += 1
        } else {
            unitRow = 1
            unitRowStart = start
        }
        unitRowEnd = write
        if unitRow == 3 { joinFrom = unitRowStart }
    }

    /// Joins the runs of spaced letters in the text written from `start` to ``write``, in place.
    mutating func joinSpacedRuns(from start: Int) {
        count = write
        write = start
        noJoinBefore = start
        var r = start
        while r < count {
            let b = bytes[r]
            if b < 0x80 && !Self.isTokenASCII(b) {
                copy(from: r, to: r + 1)
                r += 1
                continue
            }
            guard isTokenUnit(at: r) else {
                let length = UTF8Scan.length(lead: b)
                copy(from: r, to: r + length)
                r += length
                continue
            }
            if r >= noJoinBefore, let next = joinSpacedLetters(from: r) {
                r = next
                continue
            }
            let t = tokenEnd(from: r)
            copy(from: r, to: t)
            r = t
        }
    }

    /// Joins the run of spaced letters starting at `r`. Returns the read offset to go on from,
    /// or nil (and marks the units seen) when there is no run.
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
        if units >= 4 && kind == 0x20 && first.isLetter && letters >= 4 && isPronounI(at: r)
            && unitsAreTypedInLowerCase(from: r + first.length, count: units - 1) {
            // "I h a t e": the pronoun, then a run of its own.
            let rest = separator(at: r + first.length)!.end
            copy(from: r, to: rest)
            return joinRun(from: rest, units: units - 1, end: position)
        }
        return joinRun(from: r, units: units, end: position)
    }

    /// Joins the `units` spaced units from `r` (a run that ends at `end`) into one word.
    /// Returns the read offset to go on from.
    private mutating func joinRun(from r: Int, units: Int, end position: Int) -> Int {
        let joinedStart = write
        var end = r + spacedUnit(at: r)!.length
        copy(from: r, to: end)
        for _ in 1..<units {
            let unitStart = separator(at: end)!.end
            end = unitStart + spacedUnit(at: unitStart)!.length
            copy(from: unitStart, to: end)
        }
        let joinedEnd = write
        write = joinedStart
        applied.insert(.joinSpacedLetters)
        processToken(from: joinedStart, to: joinedEnd, joined: true)
        // Squeezed to one letter: put it back where the last unit was and read on from it.
        // Every unit folds to that letter and is at least as long, so it fits after the output.
        if let unit = spacedScalar(at: joinedStart), unit.isLetter, joinedStart + unit.length == write {
            let at = position - unit.length
            Self.move(bytes, starts, ends, from: joinedStart, to: at, count: unit.length)
            write = joinedStart
            return at
        }
        return position
    }

    /// True when the letter at `i` is an "i" typed as the capital "I" alone.
    @inline(__always)
    func isPronounI(at i: Int) -> Bool {
        bytes[i] | 0x20 == 0x69 && ends[i] - starts[i] == 1 && original[Int(starts[i])] == 0x49
    }

    /// True when none of the `count` units that follow the separator at `position` was typed
    /// with an ASCII capital.
    func unitsAreTypedInLowerCase(from position: Int, count: Int) -> Bool {
        var position = position
        for _ in 0..<count {
            let start = separator(at: position)!.end
            let end = start + spacedUnit(at: start)!.length
            for k in Int(starts[start])..<Int(ends[end - 1]) where original[k] &- 0x41 < 26 { return false }
            position = end
        }
        return true
    }
}
