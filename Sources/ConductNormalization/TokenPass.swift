/// The second pass of the normalizer, word by word, in place over the first pass's output:
/// white space collapsed and inside each word confusables folded, leet folded and letter runs
/// squeezed (see `TokenPass+Word.swift`); then, over what that wrote, spaced letters joined
/// (see `TokenPass+SpacedLetters.swift`). Joining looks at the words as written, so that it
/// takes the same decisions on its own output.
///
/// In place: every step writes at most as many bytes as it reads (ASCII leet for ASCII,
/// an ASCII letter for a non-ASCII look-alike, one letter for a run, one space for a run), so
/// the write index never passes the read index and unread input is never overwritten.
///
/// A *token* is a maximal run of letters, marks, digits and the leet symbols `@ $ !`.
struct TokenPass {
    let options: NormalizationOptions
    let table: ScalarTable
    /// The post as given: the bytes the offset map points into.
    let original: UnsafePointer<UInt8>
    let bytes: UnsafeMutablePointer<UInt8>
    let starts: UnsafeMutablePointer<Int32>
    let ends: UnsafeMutablePointer<Int32>
    /// Bytes of first-pass output (while joining spaced letters: bytes of word-step output).
    var count: Int
    /// The post has more Latin letters than letters of other scripts.
    let latinDominant: Bool
    /// The first pass wrote a letter that has a confusable fold.
    let mayHaveConfusables: Bool
    /// Output bytes written so far.
    var write = 0
    var applied: NormalizationOptions = []
    /// Read offsets below this may not start a run of spaced letters (they were part of a run
    /// that was too short).
    var noJoinBefore = 0
    /// Single-letter words written in a row, with nothing but separators between them (see
    /// ``noteSpacedUnit(from:)``): where the first row of three starts, if any, and the row
    /// being counted.
    var joinFrom: Int?
    var unitRow = 0
    var unitRowStart = 0
    var unitRowEnd = 0
    /// Output offset where the current white-space-delimited chunk starts.
    var chunkStart = 0
    /// A merge took part of a group of bytes that share one range (see ``fixPartialGroups()``).
    var mergedPartOfAGroup = false

    init(options: NormalizationOptions, table: ScalarTable, original: UnsafePointer<UInt8>, bytes: UnsafeMutablePointer<UInt8>,
         starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, count: Int,
         latinDominant: Bool, mayHaveConfusables: Bool) {
        self.options = options
        self.table = table
        self.original = original
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.count = count
        self.latinDominant = latinDominant
        self.mayHaveConfusables = mayHaveConfusables
    }

    // MARK: Character classes

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b &- 0x09) < 5 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLeetSymbol(_ b: UInt8) -> Bool { b == 0x40 || b == 0x24 || b == 0x21 }
    @inline(__always) static func isTokenASCII(_ b: UInt8) -> Bool {
        isASCIILetter(b) || isDigit(b) || isLeetSymbol(b)
    }

    /// True when the scalar starting at `i` (a lead byte) belongs in a token.
    @inline(__always)
    func isTokenUnit(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return Self.isTokenASCII(b) }
        let info = table.info(UTF8Scan.decodeValid(bytes, at: i).scalar)
        return info & (ScalarInfo.letter | ScalarInfo.mark | ScalarInfo.digit) != 0
    }

    /// End of the token starting at `i`.
    @inline(__always)
    func tokenEnd(from i: Int) -> Int {
        var t = i
        while t < count {
            let b = bytes[t]
            if b < 0x80 {
                if !Self.isTokenASCII(b) { break }
                t += 1
            } else {
                if !isTokenUnit(at: t) { break }
                t += UTF8Scan.length(lead: b)
            }
        }
        return t
    }

    // MARK: Writing

    /// Moves the bytes `from..<to` with their ranges to the write position.
    @inline(__always)
    mutating func copy(from: Int, to: Int) {
        let length = to - from
        if write != from { Self.move(bytes, starts, ends, from: from, to: write, count: length) }
        write += length
    }

    /// Moves `count` bytes and their ranges from offset `from` down to offset `to`.
    @inline(__always)
    static func move(_ bytes: UnsafeMutablePointer<UInt8>, _ starts: UnsafeMutablePointer<Int32>,
                     _ ends: UnsafeMutablePointer<Int32>, from: Int, to: Int, count: Int) {
        if count <= 16 {
            for k in 0..<count {
                bytes[to + k] = bytes[from + k]
                starts[to + k] = starts[from + k]
                ends[to + k] = ends[from + k]
            }
        } else {
            (bytes + to).update(from: bytes + from, count: count)
            (starts + to).update(from: starts + from, count: count)
            (ends + to).update(from: ends + from, count: count)
        }
    }

    /// Writes one byte that stands for several original ranges, `start..<end`. The range is
    /// clamped so that it never overlaps the range of the byte before unless it is the same
    /// range (a merge can begin inside a group of bytes that share one range, like the second
    /// "s" of "ß" → "ss").
    @inline(__always)
    mutating func appendMerged(_ byte: UInt8, start: Int32, end: Int32) {
        var s = start
        var e = end
        if write > 0 {
            let previousStart = starts[write - 1]
            let previousEnd = ends[write - 1]
            if s < previousEnd && !(s == previousStart && e == previousEnd) {
                s = previousEnd
                if s >= e {
                    s = previousStart
                    e = previousEnd
                }
            }
        }
        bytes[write] = byte
        starts[write] = s
        ends[write] = e
        write += 1
    }

    // MARK: Main loop

    /// Runs the pass and returns the number of bytes written.
    mutating func run() -> Int {
        let collapse = options.contains(.collapseWhitespace)
        let join = options.contains(.joinSpacedLetters)
        var r = 0
        if collapse {
            while r < count && Self.isSpace(bytes[r]) { r += 1 }
            if r > 0 { applied.insert(.collapseWhitespace) }
        }
        let bytes = self.bytes
        let count = self.count
        while r < count {
            Self.fastLane(bytes, starts, ends, count: count, read: &r, write: &write, chunkStart: &chunkStart)
            guard r < count else { break }
            let b = bytes[r]
            if Self.isSpace(b) {
                if collapse {
                    var j = r + 1
                    while j < count && Self.isSpace(bytes[j]) { j += 1 }
                    if j == count {
                        applied.insert(.collapseWhitespace)
                        break
                    }
                    if j - r == 1 && b == 0x20 {
                        copy(from: r, to: j)
                        r = j
                        chunkStart = write
                        continue
                    }
                    applied.insert(.collapseWhitespace)
                    if starts[j] == starts[j - 1] && ends[j] == ends[j - 1] { mergedPartOfAGroup = true }
                    appendMerged(0x20, start: starts[r], end: ends[j - 1])
                    r = j
                } else {
                    copy(from: r, to: r + 1)
                    r += 1
                }
                chunkStart = write
                continue
            }
            let isToken: Bool
            let unitLength: Int
            if b < 0x80 {
                isToken = Self.isTokenASCII(b)
                unitLength = 1
            } else {
                isToken = isTokenUnit(at: r)
                unitLength = UTF8Scan.length(lead: b)
            }
            if !isToken {
                copy(from: r, to: r + unitLength)
                r += unitLength
                continue
            }
            let t = tokenEnd(from: r)
            let tokenStart = write
            processToken(from: r, to: t, joined: false)
            if join { noteSpacedUnit(from: tokenStart) }
            r = t
        }
        if let joinFrom { joinSpacedRuns(from: joinFrom) }
        if mergedPartOfAGroup { fixPartialGroups() }
        return write
    }

    /// The fast lane of ``run()``: plain words, single spaces and sentence-ending runs of "!"
    /// copied down as they are, from `read` until something else comes. A function of its
    /// own, with the indices in registers: the call costs once per lane, not once per word.
    ///
    /// Whole stretches of plain words go at once (``plainStretch(from:bytes:count:)``, 16
    /// bytes per step); word by word only from where a stretch stops to just past the byte
    /// that stopped it.
    @inline(never)
    static func fastLane(_ bytes: UnsafeMutablePointer<UInt8>, _ starts: UnsafeMutablePointer<Int32>,
                         _ ends: UnsafeMutablePointer<Int32>, count: Int, read: inout Int, write: inout Int,
                         chunkStart: inout Int) {
        var r = read, w = write, chunk = chunkStart
        defer { read = r; write = w; chunkStart = chunk }
        // Word by word up to and including this offset, then a stretch again.
        var wordByWordThrough = -1
        while r < count {
            if r > wordByWordThrough {
                let stretch = plainStretch(from: r, bytes: bytes, count: count)
                if stretch.end > r {
                    if w != r { move(bytes, starts, ends, from: r, to: w, count: stretch.end - r) }
                    w += stretch.end - r
                    r = stretch.end
                    chunk = w
                }
                wordByWordThrough = stretch.stop
            }
            let c = bytes[r]
            if c == 0x20 {
                guard r + 1 < count && !isSpace(bytes[r + 1]) else { return }
                if w != r { move(bytes, starts, ends, from: r, to: w, count: 1) }
                w += 1
                r += 1
                chunk = w
                continue
            }
            if c == 0x21, let end = exclamationsEnd(from: r, bytes: bytes, count: count) {
                if w != r { move(bytes, starts, ends, from: r, to: w, count: end - r) }
                w += end - r
                r = end
                continue
            }
            guard isASCIILetter(c), let end = plainWordEnd(from: r, bytes: bytes, count: count) else { return }
            if w != r { move(bytes, starts, ends, from: r, to: w, count: end - r) }
            w += end - r
            r = end
        }
    }

    /// The plain stretch at `r`, a word start or a byte outside any token: the longest run of
    /// bytes from `r` to just after a space that ``fastLane`` and ``run()`` would copy as they
    /// are, one plain word, single space or punctuation mark at a time. `end` is `r` when no
    /// such space comes before `stop`, the first byte that may need more than a copy; `stop`
    /// is `count` when fewer than 18 bytes were left to scan (those go word by word).
    ///
    /// A byte stops the stretch when it is none of an ASCII letter, a space and the
    /// punctuation `" ' ( ) * + , - . / : ; < = > ?` (so digits, "@", "$", "!", other
    /// punctuation, control bytes and non-ASCII bytes all stop it, even where a word by word
    /// reading would copy them); when it is a space followed by a byte up to 0x20 (a run of
    /// white space); when it is a letter with no letter on either side (a one-letter word,
    /// which may belong to spaced letters); and when it is a letter followed by two more of
    /// itself (a run to squeeze). Every word inside a stretch is thus two letters or more,
    /// ended by a space or one of those marks: a plain word (``plainWordEnd(from:bytes:count:)``).
    ///
    /// 16 bytes per step as SIMD (SSE2 on x86-64); the lanes' masks combine as two words.
    @inline(__always)
    static func plainStretch(from r: Int, bytes: UnsafeMutablePointer<UInt8>, count: Int) -> (end: Int, stop: Int) {
        // Signed lanes: SSE2 compares signed bytes in one instruction. A range test
        // `lower ≤ b < lower + n` is `b + (0x80 - lower) < n - 128`, wrapping.
        typealias Lanes = SIMD16<Int8>
        @inline(__always) func below(_ x: Lanes, lower: UInt8, _ n: UInt8) -> SIMD2<UInt64> {
            words(x &+ Lanes(repeating: Int8(bitPattern: 0x80 &- lower)) .< Lanes(repeating: Int8(bitPattern: n &+ 0x80)))
        }
        @inline(__always) func words(_ mask: SIMDMask<Lanes>) -> SIMD2<UInt64> {
            unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        }
        @inline(__always) func letters(_ x: Lanes) -> SIMD2<UInt64> { below(x | Lanes(repeating: 0x20), lower: 0x61, 26) }
        // The byte before `r` is read, to tell whether a letter at `r` stands alone: a byte
        // outside any token, the same in the input and in what the pass wrote (it writes in
        // place, so bytes further back may be output). The first byte of a post goes word by
        // word.
        guard r > 0 else { return (r, r) }
        let raw = UnsafeRawPointer(bytes)
        var i = r
        var end = r
        while i + 18 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
            let x0 = raw.loadUnaligned(fromByteOffset: i - 1, as: Lanes.self)
            let x1 = raw.loadUnaligned(fromByteOffset: i + 1, as: Lanes.self)
            let x2 = raw.loadUnaligned(fromByteOffset: i + 2, as: Lanes.self)
            let letter = letters(x)
            let spaces = words(x .== Lanes(repeating: 0x20))
            let marks = below(x, lower: 0x27, 9) | below(x, lower: 0x3A, 6) | words(x .== Lanes(repeating: 0x22))
            let blankNext = below(x1, lower: 0, 0x21)
            let triples = words(x .== x1) & words(x .== x2)
            let stops = ~(letter | spaces | marks) | (spaces & blankNext)
                | (letter & ~letters(x0) & ~letters(x1)) | (letter & triples)
            if stops[0] | stops[1] == 0 {
                if spaces[0] | spaces[1] != 0 { end = i + 1 + lastLane(spaces) }
                i += 16
                continue
            }
            let stop = stops[0] != 0 ? stops[0].trailingZeroBitCount >> 3 : 8 + stops[1].trailingZeroBitCount >> 3
            var before = spaces
            if stop < 8 {
                before[0] &= (1 << UInt64(stop * 8)) &- 1
                before[1] = 0
            } else {
                before[1] &= (1 << UInt64((stop - 8) * 8)) &- 1
            }
            if before[0] | before[1] != 0 { end = i + 1 + lastLane(before) }
            return (end, i + stop)
        }
        return (end, count)
    }

    /// The highest set lane of a nonzero 16-lane mask held as two words.
    @inline(__always)
    static func lastLane(_ mask: SIMD2<UInt64>) -> Int {
        mask[1] != 0 ? 15 - mask[1].leadingZeroBitCount >> 3 : 7 - mask[0].leadingZeroBitCount >> 3
    }

    /// The end of the token at `r` when it is a plain word that no step changes: two or more
    /// ASCII letters, no run of three of the same letter, ended by something that is neither a
    /// letter, a digit, a mark nor a leet symbol. Nil otherwise (the general path decides).
    ///
    /// Eight bytes at a time while they are all letters (SWAR), then byte by byte.
    /// Static, with the buffer passed in: the hot loop does not copy the pass's state.
    @inline(__always)
    static func plainWordEnd(from r: Int, bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        var t = r
        let raw = UnsafeRawPointer(bytes)
        let high: UInt64 = 0x8080_8080_8080_8080
        while t + 10 <= count {
            let x = raw.loadUnaligned(fromByteOffset: t, as: UInt64.self)
            let letters = Self.letterMask(x)
            // Three equal bytes in a row starting at t + k: byte k of x equals byte k of the
            // loads one and two bytes further (equal to a letter means a letter).
            let y = raw.loadUnaligned(fromByteOffset: t + 1, as: UInt64.self)
            let z = raw.loadUnaligned(fromByteOffset: t + 2, as: UInt64.self)
            let triples = Self.zeroByteMask((x ^ y) | (x ^ z)) & letters
            if letters == high {
                if triples != 0 { return nil }
                t += 8
                continue
            }
            // The first byte that is not a letter ends the word; triples must start before it.
            let end = (~letters & high).trailingZeroBitCount >> 3
            let startsBeforeEnd: UInt64 = end >= 3 ? (1 << UInt64((end - 2) * 8)) - 1 : 0
            if triples & startsBeforeEnd != 0 { return nil }
            return Self.endsPlainWord(at: t + end, r: r, bytes: bytes, count: count)
        }
        var previous: UInt8 = t > r ? bytes[t - 1] : 0
        var run = t - 2 >= r && bytes[t - 2] == previous ? 2 : (t > r ? 1 : 0)
        while t < count {
            let c = bytes[t]
            guard Self.isASCIILetter(c) else { break }
            if c == previous {
                run += 1
                if run == 3 { return nil }
            } else {
                previous = c
                run = 1
            }
            t += 1
        }
        return Self.endsPlainWord(at: t, r: r, bytes: bytes, count: count)
    }

    /// `t` when the plain word `r..<t` may end there (two letters at least, and the next byte
    /// neither a digit, a leet symbol nor the start of a non-ASCII scalar).
    @inline(__always)
    static func endsPlainWord(at t: Int, r: Int, bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        guard t - r >= 2 else { return nil }
        if t < count {
            let c = bytes[t]
            if c == 0x21 { return exclamationsEnd(from: t, bytes: bytes, count: count) != nil ? t : nil }
            if c >= 0x80 || isDigit(c) || isLeetSymbol(c) { return nil }
        }
        return t
    }

    /// The end of the run of "!" at `t` when it ends a word or sentence ("wow!!"), so that the
    /// marks are punctuation and no leet; nil when a letter, digit or leet symbol follows
    /// ("sh!t", "b!!tch").
    @inline(__always)
    static func exclamationsEnd(from t: Int, bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        var end = t
        while end < count && bytes[end] == 0x21 { end += 1 }
        if end < count {
            let c = bytes[end]
            if c >= 0x80 || isTokenASCII(c) { return nil }
        }
        return end
    }

    /// 0x80 in each byte of `x` that is an ASCII letter, 0 elsewhere.
    @inline(__always)
    static func letterMask(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ascii = ~x & high                      // bytes below 0x80
        let folded = (x & ~high) | 0x2020_2020_2020_2020
        let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & high
        let atMostZ = ~(folded &+ 0x0505_0505_0505_0505) & high
        return ascii & atLeastA & atMostZ
    }

    /// 0x80 in each byte of `x` that is zero, 0 elsewhere (exact per byte).
    @inline(__always)
    static func zeroByteMask(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// After a merge that took only part of a group of bytes sharing one range (the space of
    /// "¨" → " ̈" merged into a run of spaces, the "a" of "æ" → "ae" squeezed into "aaa"), the
    /// rest of that group overlaps the merged range. The rest joins the merged range, or is
    /// clamped to start after it, so that distinct ranges never overlap.
    mutating func fixPartialGroups() {
        var i = 1
        while i < write {
            let s = starts[i]
            let e = ends[i]
            let previousStart = starts[i - 1]
            let previousEnd = ends[i - 1]
            if s < previousEnd && !(s == previousStart && e == previousEnd) {
                if e <= previousEnd {
                    starts[i] = previousStart
                    ends[i] = previousEnd
                } else {
                    starts[i] = previousEnd
                }
            }
            i += 1
        }
    }
}
