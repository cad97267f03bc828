/// Inside one token: confusables folded, leet folded, runs of a letter squeezed.
///
/// Confusables (UTS #39, ``ConfusableTable``) fold only in a token that has a Latin letter
/// (leet letters count: "д55о" → "дsso"), mixes two other scripts, or consists wholly of
/// look-alikes of the Cyrillic or Greek script in a post whose letters end up mostly Latin
/// ("you are аѕѕ"). A Russian or Greek word among words of its own script is left alone.
///
/// Leet (0→o, 1→i, 11→ll, 3→e, 4→a, 5→s, 7→t, @→a, $→s, !→i) folds only in a token that has
/// a letter and none of these shapes, which are numbers, codes and addresses rather than words:
/// - a digit other than 0 1 3 4 5 7, or a run of three or more digits (prices, phone numbers,
///   dates, IBANs, postcodes: "2024", "0612345678", "NL91ABNA0417164300", "1234ab");
/// - letters then digits ("save20", "ab12", "mp3", "a55"), or two or more digits then letters
///   ("20th", "10am");
/// - one digit then one letter or a unit or ordinal suffix ("3d", "4u", "5kg", "7pm", "1st",
///   "3rd", "1e", "5ste");
/// - a "$" before a digit ("$20", "us$5"), a leading "0x", a leading "@" (a handle: "@name",
///   "@ss" stay as written);
/// - a token inside a chunk (text between spaces) that looks like an address: an email, "://",
///   "www.", or a dotted domain name ("jan4@x.nl", "m0ney.com").
/// "1" becomes "i" except in a run of ones, which becomes "ll" ("ki11" → "kill"): "i" is the
/// common reading ("1d10t", "sh1t"), a doubled one nearly always stands for "ll". "@" folds only
/// between letters, "!" only between letters after at most three letters ("b!tch", not
/// "great!thanks"), a run of "$" when a letter touches it ("$hit", "a$$").
///
/// Squeeze: a run of three or more of the same letter becomes one letter ("loooser" → "loser")
/// mapped to the whole run; double letters stay; digits and punctuation are never squeezed,
/// nor are letters in an address ("www.example.nl").
extension TokenPass {
    @inline(__always) static func isLeetDigit(_ b: UInt8) -> Bool {
        b == 0x30 || b == 0x31 || b == 0x33 || b == 0x34 || b == 0x35 || b == 0x37
    }

    /// Processes the token at `a..<t` (read offsets at or after ``write``), writing it at
    /// ``write``. `joined` tokens come from spaced letters and skip the address check.
    mutating func processToken(from a: Int, to t: Int, joined: Bool) {
        var i = a
        var run = 0
        var previous: UInt8 = 0
        var needsSqueeze = false
        while i < t {
            let b = bytes[i]
            guard Self.isASCIILetter(b) else { break }
            if b == previous {
                run += 1
                if run == 3 { needsSqueeze = true }
            } else {
                run = 1
                previous = b
            }
            i += 1
        }
        let tokenStart = write
        if i == t {
            copy(from: a, to: t)
        } else {
            needsSqueeze = foldToken(from: a, to: t, joined: joined)
        }
        if needsSqueeze && options.contains(.squeezeRepeats) && (joined || !chunkLooksLikeAddress(outputEnd: write, inputFrom: t)) {
            squeezeRuns(from: tokenStart)
        }
    }

    /// The general case: analyses the token, then writes it with the folds it qualifies for.
    /// Returns whether the written token may hold a run to squeeze.
    private mutating func foldToken(from a: Int, to t: Int, joined: Bool) -> Bool {
        var letters = 0, latinLetters = 0, candidates = 0
        var candidatesFromSpoofScripts = true
        var foreignScript: UInt32 = 0
        var mixedScripts = false
        var leetCharacters = 0, otherDigits = 0, digitRun = 0, longestDigitRun = 0
        var dollarBeforeDigit = false
        // L/D shape: number of letter/digit runs, first run kind and length, second run range.
        var runs = 0, lastKind = 0, firstRunIsDigits = false, firstRunLength = 0
        var secondRunStart = 0, secondRunEnd = 0
        var i = a
        while i < t {
            let b = bytes[i]
            var kind = 0
            var length = 1
            if b < 0x80 {
                if Self.isASCIILetter(b) {
                    letters += 1
                    latinLetters += 1
                    kind = 1
                } else if Self.isDigit(b) {
                    if Self.isLeetDigit(b) { leetCharacters += 1 } else { otherDigits += 1 }
                    kind = 2
                } else {
                    leetCharacters += 1
                    if b == 0x24 && i + 1 < t && Self.isDigit(bytes[i + 1]) { dollarBeforeDigit = true }
                }
            } else {
                let (scalar, scalarLength) = UTF8Scan.decodeValid(bytes, at: i)
                length = scalarLength
                let info = table.info(scalar)
                if info & ScalarInfo.letter != 0 {
                    letters += 1
                    kind = 1
                    let script = ScalarInfo.script(info)
                    if script == ScalarInfo.latin {
                        latinLetters += 1
                    } else if foreignScript == 0 {
                        foreignScript = script
                    } else if script != foreignScript {
                        mixedScripts = true
                    }
                    if ScalarInfo.confusableTarget(info) != 0 {
                        candidates += 1
                        if script != ScalarInfo.cyrillic && script != ScalarInfo.greek && script != ScalarInfo.latin {
                            candidatesFromSpoofScripts = false
                        }
                    }
                } else if info & ScalarInfo.digit != 0 {
                    otherDigits += 1
                    kind = 2
                }
            }
            if kind == 2 {
                digitRun += 1
                longestDigitRun = max(longestDigitRun, digitRun)
            } else {
                digitRun = 0
            }
            if kind != 0 {
                if kind != lastKind {
                    runs += 1
                    lastKind = kind
                    if runs == 1 { firstRunIsDigits = kind == 2 }
                    if runs == 2 { secondRunStart = i }
                }
                if runs == 1 { firstRunLength += 1 }
                if runs == 2 { secondRunEnd = i + length }
            }
            i += length
        }

        var foldLeet = options.contains(.foldLeet) && letters > 0 && leetCharacters > 0
            && bytes[a] != 0x40 && otherDigits == 0 && longestDigitRun < 3 && !dollarBeforeDigit
        if foldLeet && runs == 2 {
            if !firstRunIsDigits {
                foldLeet = false
            } else if firstRunLength >= 2 || secondRunEnd - secondRunStart < 2
                        || Self.isUnitSuffix(bytes + secondRunStart, count: secondRunEnd - secondRunStart) {
                foldLeet = false
            }
        }
        if foldLeet && t - a >= 2 && bytes[a] == 0x30 && bytes[a + 1] == 0x78 { foldLeet = false }
        if foldLeet && !joined && chunkLooksLikeAddress(outputEnd: write, inputFrom: a) { foldLeet = false }

        let tokenStart = write
        var leetLetters = 0
        if foldLeet {
            leetLetters = writeLeet(from: a, to: t)
        } else {
            copy(from: a, to: t)
        }
        // Letters that leet made count as Latin: the token reads the same on a second pass.
        let foldConfusables = mayHaveConfusables && candidates > 0 && options.contains(.foldConfusables)
            && (latinLetters + leetLetters > 0 || mixedScripts
                || (candidates == letters && candidatesFromSpoofScripts && latinDominant))
        if foldConfusables { foldConfusablesInPlace(from: tokenStart) }
        return hasTripleRun(from: tokenStart)
    }

    /// True when the output from `start` on holds the same scalar three times in a row.
    private func hasTripleRun(from start: Int) -> Bool {
        var i = start
        var previous = (start: -1, length: 0)
        var repeats = 0
        while i < write {
            let length = UTF8Scan.length(lead: bytes[i])
            if length == previous.length && (0..<length).allSatisfy({ bytes[i + $0] == bytes[previous.start + $0] }) {
                repeats += 1
                if repeats == 3 { return true }
            } else {
                repeats = 1
            }
            previous = (i, length)
            i += length
        }
        return false
    }

    /// Writes the token at `a..<t` with its leet characters folded. Returns how many became
    /// letters.
    private mutating func writeLeet(from a: Int, to t: Int) -> Int {
        var folded = 0
        var previousRaw: UInt8 = 0
        // What the previous character became: a symbol's neighbours are judged as the folded
        // text reads, so a second pass makes the same decisions.
        var previousOut: UInt8 = 0
        // Letters since the last non-letter, counted as they read after folding and squeezing
        // (a leet character that became a letter is a letter, a look-alike is the Latin letter
        // it folds to, a run of three or more of one letter is one letter), so "ddd!d" folds
        // like "d!d", "0oots!h" like "ots!h", and the token reads the same on a second pass.
        var lettersBefore = 0
        let squeezes = options.contains(.squeezeRepeats)
        var runLetter: UInt32 = 0
        var runLength = 0
        func countLetter(_ letter: UInt32) {
            if squeezes && letter == runLetter {
                runLength += 1
                if runLength <= 2 { lettersBefore += 1 } else if runLength == 3 { lettersBefore -= 1 }
            } else {
                runLetter = letter
                runLength = 1
                lettersBefore += 1
            }
        }
        var dollarRunEnd = a
        var dollarRunFolds = false
        var i = a
        while i < t {
            let b = bytes[i]
            guard b < 0x80 else {
                let length = UTF8Scan.length(lead: b)
                let scalar = UTF8Scan.decodeValid(bytes, at: i).scalar
                let info = table.info(scalar)
                if info & ScalarInfo.letter != 0 {
                    // A look-alike counts as the Latin letter it may fold to.
                    let target = ScalarInfo.confusableTarget(info)
                    countLetter(target != 0 ? UInt32(target) : scalar)
                } else {
                    runLetter = 0
                    lettersBefore += 1
                }
                copy(from: i, to: i + length)
                previousRaw = 0x61  // a letter or mark: counts as a letter for the leet neighbours
                previousOut = 0x61
                i += length
                continue
            }
            var out = b
            if b == 0x24 {
                if i >= dollarRunEnd {
                    // A run of "$" folds when a letter touches it on either side.
                    dollarRunEnd = i
                    while dollarRunEnd < t && bytes[dollarRunEnd] == 0x24 { dollarRunEnd += 1 }
                    let after: UInt8 = dollarRunEnd < t ? bytes[dollarRunEnd] : 0
                    dollarRunFolds = Self.isLetterLike(previousOut) || Self.isLetterLike(after)
                }
                if dollarRunFolds { out = 0x73 }
            } else if !Self.isASCIILetter(b) {
                var next: UInt8 = i + 1 < t ? bytes[i + 1] : 0
                if next == 0x24 {
                    // A "$" run that will fold reads as the letter it becomes ("u@$hand" →
                    // "uashand" in one pass, as a second pass would read "u@shand").
                    var end = i + 1
                    while end < t && bytes[end] == 0x24 { end += 1 }
                    if end < t && Self.isLetterLike(bytes[end]) { next = 0x73 }
                }
                out = leet(b, previous: previousRaw, previousOut: previousOut, next: next, lettersBefore: lettersBefore)
            }
            if out != b {
                applied.insert(.foldLeet)
                folded += 1
            }
            if Self.isASCIILetter(out) {
                countLetter(UInt32(out))
            } else {
                lettersBefore = 0
                runLetter = 0
            }
            previousRaw = b
            previousOut = out
            bytes[write] = out
            starts[write] = starts[i]
            ends[write] = ends[i]
            write += 1
            i += 1
        }
        return folded
    }

    /// Folds the look-alike letters of the token written from `start` on, in place.
    private mutating func foldConfusablesInPlace(from start: Int) {
        let end = write
        write = start
        var i = start
        while i < end {
            let b = bytes[i]
            guard b >= 0x80 else {
                copy(from: i, to: i + 1)
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scan.decodeValid(bytes, at: i)
            let info = table.info(scalar)
            let target = ScalarInfo.confusableTarget(info)
            if target != 0 && info & ScalarInfo.letter != 0 {
                applied.insert(.foldConfusables)
                let s = starts[i]
                let e = ends[i + length - 1]
                bytes[write] = target
                starts[write] = s
                ends[write] = e
                write += 1
            } else {
                copy(from: i, to: i + length)
            }
            i += length
        }
    }

    /// A letter, a mark or a leet digit: what may stand next to a leet symbol in a word.
    @inline(__always)
    static func isLetterLike(_ c: UInt8) -> Bool {
        c >= 0x80 || isASCIILetter(c) || isLeetDigit(c)
    }

    /// The leet reading of `b` (not "$") given its neighbours inside the token (0 at an edge):
    /// `previous` as written in the post, `previousOut` as folded.
    @inline(__always)
    private func leet(_ b: UInt8, previous: UInt8, previousOut: UInt8, next: UInt8, lettersBefore: Int) -> UInt8 {
        switch b {
        case 0x30: return 0x6F  // 0 → o
        case 0x31: return previous == 0x31 || next == 0x31 ? 0x6C : 0x69  // 1 → i, 11 → ll
        case 0x33: return 0x65  // 3 → e
        case 0x34: return 0x61  // 4 → a
        case 0x35: return 0x73  // 5 → s
        case 0x37: return 0x74  // 7 → t
        case 0x40: return Self.isLetterLike(previousOut) && Self.isLetterLike(next) ? 0x61 : b  // @ → a
        case 0x21:  // ! → i
            return Self.isLetterLike(previousOut) && Self.isLetterLike(next) && lettersBefore <= 3 ? 0x69 : b
        default: return b
        }
    }

    /// Unit and ordinal suffixes after one digit that keep the digit a digit ("5kg", "7pm").
    private static let unitSuffixes: [[UInt8]] = [
        "st", "nd", "rd", "th", "de", "ste", "am", "pm", "kg", "km", "cm", "mm", "ml", "mg", "gb",
        "mb", "tb", "kb", "hz", "fps", "ft", "in", "lb", "lbs", "oz", "yo", "yr", "yrs", "hr", "hrs",
        "min", "mins", "sec", "ms", "eur", "euro", "euros", "usd", "gbp", "px", "pt", "ct", "dl", "cl",
        "kw", "kwh", "mp", "gig", "jr", "yd", "mi", "mph", "kmh", "x4", "ply",
    ].map { Array($0.utf8) }

    private static func isUnitSuffix(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        unitSuffixes.contains { suffix in
            suffix.count == count && suffix.withUnsafeBufferPointer { s in
                (0..<count).allSatisfy { s[$0] == (p[$0] | 0x20) }
            }
        }
    }

    /// Squeezes runs of three or more identical letters in the output from `start` on.
    mutating func squeezeRuns(from start: Int) {
        let end = write
        write = start
        var i = start
        while i < end {
            let length = UTF8Scan.length(lead: bytes[i])
            guard isLetter(at: i) else {
                copy(from: i, to: i + length)
                i += length
                continue
            }
            var j = i + length
            var repeats = 1
            while j + length <= end && (0..<length).allSatisfy({ bytes[j + $0] == bytes[i + $0] }) {
                j += length
                repeats += 1
            }
            if repeats >= 3 {
                applied.insert(.squeezeRepeats)
                if j < end && starts[j] == starts[j - 1] && ends[j] == ends[j - 1] { mergedPartOfAGroup = true }
                let s = starts[i]
                let e = ends[j - 1]
                for k in 0..<length { appendMerged(bytes[i + k], start: s, end: e) }
            } else {
                copy(from: i, to: j)
            }
            i = j
        }
    }

    @inline(__always)
    private func isLetter(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return Self.isASCIILetter(b) }
        return table.info(UTF8Scan.decodeValid(bytes, at: i).scalar) & ScalarInfo.letter != 0
    }
}
