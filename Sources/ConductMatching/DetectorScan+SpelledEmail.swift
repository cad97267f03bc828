/// `email`, spelled out to dodge filters: "jan at example dot com", "jan [at] example [dot] nl",
/// "jan(at)example(dot)com", "jan {at} example {dot} com", "jan at example.com",
/// "jan @ example.com", Dutch "jan apenstaartje example punt nl".
///
/// The "at" marker is "at" or "apenstaartje" between spaces, "(at)", "[at]" or "{at}" (glued
/// or spaced), or a spaced '@'. The local part is the word before it (email local-part
/// characters, at least one letter). The domain is 2–4 labels joined by dot markers — '.',
/// " dot ", " punt ", "(dot)", "[dot]", "{dot}", " . " — whose first label has at least two
/// characters and a letter, and whose last label is a common TLD (com, nl, org, net, be, de,
/// co … uk, io …); the longest such domain wins.
///
/// Rejects ordinary prose: "look at this dot" (no TLD), "i laughed at the dot com bubble" and
/// "meet me at home dot com" (function words or pronouns as local part or first label are
/// refused: see `spelledEmailStopwords`), "at example dot com" (no local part), and — for a
/// bare " at " before a domain with real dots — a local part that is just the next word of a
/// sentence: "making $3,000 per month at shop.com" (see ``isMailboxLike(_:_:)``); a "www."
/// domain is a web address, never an email.
extension DetectorScan {
    /// The spelled family: visits every "at" (and "apenstaartje") between delimiters, in the
    /// blocks of `blocks` and the two bytes after each (a trigger's "a" may cross a block end).
    mutating func scanSpelledEmails(_ blocks: UInt64) {
        var cursor = DetectorBlockCursor(blocks, n)
        var i = 1
        while let range = cursor.next() {
            if i < range.start { i = max(range.start, 1) }
            let end = min(range.end + 2, n - 1)
            while i < end {
                spelledTrigger(i)
                i += 1
            }
        }
    }

    /// Tries the "at" markers whose 'a' is at `i` (1 ≤ i < n − 1).
    private mutating func spelledTrigger(_ i: Int) {
        guard p[i] == UInt8(ascii: "a") else { return }
        let before = p[i - 1]
        if p[i + 1] == UInt8(ascii: "t") {
            let after = at(i + 2)
            if before == 0x20 && after == 0x20 {
                spelledEmail(localEnd: i - 1, domainStart: i + 3, plainAt: true)
            } else if let close = Self.closingBracket(before), after == close {
                let localEnd = at(i - 2) == 0x20 ? i - 2 : i - 1
                let domainStart = at(i + 3) == 0x20 ? i + 4 : i + 3
                spelledEmail(localEnd: localEnd, domainStart: domainStart)
            }
        } else if before == 0x20 && hasWord("apenstaartje", at: i) && at(i + 12) == 0x20 {
            spelledEmail(localEnd: i - 1, domainStart: i + 13)
        }
    }

    @inline(__always) static func closingBracket(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "("): UInt8(ascii: ")")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        default: nil
        }
    }

    /// Whether the bytes at `k` spell `word` (ASCII, lower-case).
    func hasWord(_ word: StaticString, at k: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        let w = word.utf8Start
        for i in 0..<count where ByteClass.lower(at(k + i)) != w[i] { return false }
        return true
    }

    /// Emits the email whose local part ends at `localEnd` and whose domain starts at
    /// `domainStart`, if both are plausible. `plainAt`: the marker was a bare " at ", which
    /// prose uses all the time ("per month at shop.com"); with it, a domain written with
    /// real dots needs more evidence (see ``isMailboxLike(_:_:)``).
    mutating func spelledEmail(localEnd: Int, domainStart: Int, plainAt: Bool = false) {
        guard let start = localPartStart(endingAt: localEnd), hasLetter(start, localEnd),
              !DetectorWordList.spelledEmailStopwords.contains(p, start, localEnd),
              let (end, spelledDot) = spelledDomainEnd(domainStart) else { return }
        if plainAt && !spelledDot && !isMailboxLike(start, localEnd) { return }
        emit(.email, start, end)
    }

    /// Whether the local part `start..<end` of "x at domain.tld" reads as a mailbox rather
    /// than prose: it holds a character words do not ('.', '_', '-', '+', a digit); or a mail
    /// word stands up to three words before it ("mail", "email", "contact", "adres", …); or no
    /// ordinary word precedes it (the post's start, or punctuation such as ':' or '(').
    func isMailboxLike(_ start: Int, _ end: Int) -> Bool {
        for k in start..<end where !ByteClass.isLetter(p[k]) { return true }
        var k = start
        for step in 0..<3 {
            var e = k
            var colon = false
            while e > 0 && (at(e - 1) == 0x20 || at(e - 1) == UInt8(ascii: ":") || at(e - 1) == UInt8(ascii: ",")) {
                colon = colon || at(e - 1) == UInt8(ascii: ":")
                e -= 1
            }
            // Nothing or punctuation right before the local part: "jan at x.nl", "(jan at x.nl)".
            if step == 0 && (colon || !ByteClass.isLetter(at(e - 1))) { return true }
            var s = e
            while s > 0 && (ByteClass.isLetter(at(s - 1)) || at(s - 1) == UInt8(ascii: "-")) && e - s < 20 { s -= 1 }
            if s == e { return false }
            if DetectorWordList.mailCueWords.contains(p, s, e) { return true }
            k = s
        }
        return false
    }

    private func hasLetter(_ start: Int, _ end: Int) -> Bool {
        for k in start..<end where ByteClass.isLetter(p[k]) { return true }
        return false
    }

    /// The end of the longest domain starting at `d` that ends in a known TLD, and whether
    /// any of its dots was spelled out (" dot ", "(dot)", " punt ", …).
    private func spelledDomainEnd(_ d: Int) -> (Int, Bool)? {
        var j = d
        var labels = 0
        var best = -1
        var spelledDot = false, bestSpelled = false
        while labels < 4 {
            let ls = j
            while Self.isLabelByte(at(j)) && j - ls <= 63 { j += 1 }
            guard j > ls, j - ls <= 63, at(ls) != UInt8(ascii: "-"), at(j - 1) != UInt8(ascii: "-") else { break }
            labels += 1
            if labels == 1 {
                guard j - ls >= 2, hasLetter(ls, j), !DetectorWordList.spelledEmailStopwords.contains(p, ls, j),
                      !hasWord("www", at: ls) || j - ls != 3 else { return nil }
            } else if DetectorWordList.spelledEmailTLDs.contains(p, ls, j) {
                best = j
                bestSpelled = spelledDot
            }
            guard let next = dotMarkerEnd(j) else { break }
            spelledDot = spelledDot || next != j + 1
            j = next
        }
        return best >= 0 ? (best, bestSpelled) : nil
    }

    /// The start of the next label after a dot marker at `j`, if one is there.
    private func dotMarkerEnd(_ j: Int) -> Int? {
        var end = -1
        if at(j) == UInt8(ascii: ".") {
            end = at(j + 1) == 0x20 ? -1 : j + 1
        }
        if end < 0 {
            let spaced = at(j) == 0x20
            let k = spaced ? j + 1 : j
            if spaced && hasWord("dot ", at: k) {
                end = k + 4
            } else if spaced && hasWord("punt ", at: k) {
                end = k + 5
            } else if spaced && hasWord(". ", at: k) {
                end = k + 2
            } else if let close = Self.closingBracket(at(k)) {
                var m = -1
                if hasWord("dot", at: k + 1) && at(k + 4) == close { m = k + 5 }
                if hasWord("punt", at: k + 1) && at(k + 5) == close { m = k + 6 }
                if m >= 0 { end = at(m) == 0x20 ? m + 1 : m }
            }
        }
        return end >= 0 && Self.isLabelByte(at(end)) ? end : nil
    }
}

extension DetectorWordList {
    /// Words announcing an email address.
    static let mailCueWords = DetectorWordList([
        "mail", "email", "e-mail", "mails", "emails", "mailen", "mailtje", "mailadres", "emailadres",
        "e-mailadres", "contact", "contacteer", "contacting", "adres", "address", "write", "schrijf",
        "reach", "bereikbaar", "inbox", "mailbox",
    ])

    /// TLDs accepted at the end of a spelled-out email.
    static let spelledEmailTLDs = DetectorWordList([
        "com", "net", "org", "info", "biz", "edu", "gov", "nl", "be", "de", "eu", "uk", "fr", "es",
        "it", "ch", "at", "se", "dk", "no", "fi", "ie", "pt", "pl", "us", "ca", "au", "nz", "io",
        "co", "me", "tv", "ai", "app", "dev", "xyz", "online", "shop", "email", "frl", "amsterdam",
        "nu", "cloud",
    ])
    /// Words that are never the local part or first domain label of a spelled-out email.
    static let spelledEmailStopwords = DetectorWordList([
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "me", "you", "him", "her",
        "us", "them", "my", "your", "his", "our", "their", "i", "we", "he", "she", "they", "at",
        "dot", "punt", "is", "are", "was", "were", "be", "look", "looking", "looked", "laugh",
        "laughing", "laughed", "stare", "staring", "home", "work", "school", "night", "noon",
        "least", "most", "all", "first", "last", "once", "times", "time", "one", "some", "any",
        "what", "where", "who", "and", "or", "to", "of", "in", "on", "so", "no", "not", "just",
        "de", "het", "een", "dit", "dat", "mijn", "je", "jij", "jou", "ons", "hun", "hem", "haar",
        "ik", "wij", "zij", "hij", "ze", "om", "op", "en", "of", "te",
    ])
}
