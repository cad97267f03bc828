/// `url`: web addresses with a scheme ("https://example.com/x", "ftp://…"), starting with
/// "www." ("www.example.org/page"), or bare domains whose last label is a known TLD
/// ("example.com", "shop.nl", "bit.ly/abc", "t.me/xyz", "example.co.uk:8080/a?b=1#c").
///
/// A scheme is 2–12 letters followed by "://". After the host an optional port, path, query
/// and fragment run to the first white space or one of `< > " ' ` { } | \ ^`. Trailing
/// sentence punctuation (`. , ; : ! ? ' " *`) and closing brackets without an opening one in
/// the URL are left out: "(see https://en.wikipedia.org/wiki/x_(y))." → "https://…/x_(y)".
///
/// Rejects: file names and other dotted words whose last label is no known TLD ("index.html",
/// "node.js", "e.g.", "1.5"); TLDs that are also common words ("in", "is", "it", "me", "to",
/// "at", "no", "us", …) unless a path follows ("t.me/xyz" yes, "dat.is" no); "www.example"
/// (a www host needs at least three labels); hosts glued to an '@' (an email's domain or
/// local part) or to a preceding word character.
extension DetectorScan {
    /// The URL family: visits every '.' and ':' in the blocks of `blocks` once, each parse
    /// resuming where the last one stopped.
    ///
    /// Only a '.' before a host byte (an ASCII letter or digit, '-' or '.') and a ':' before
    /// '/' start a parse: every URL holds one ("example.com", "https://"). Any other '.' or ':'
    /// (a full stop, "note: …") is followed by a byte that is no host byte, so a parse there
    /// would find nothing and resume just after it, which is what skipping it does (tested
    /// against parsing at every mark).
    mutating func scanURLs(_ blocks: UInt64) {
        var cursor = DetectorBlockCursor(blocks, n)
        while let range = cursor.next() {
            var i = max(range.start, urlResume)
            while i < range.end {
                i = nextURLMark(from: i, to: range.end)
                guard i < range.end else { break }
                let b = p[i]
                guard visitsEveryURLMark || Self.mayContinueURL(b, at(i + 1)) else {
                    urlResume = i + 1
                    i += 1
                    continue
                }
                var s = i
                while s > urlResume && Self.isHostByte(at(s - 1)) { s -= 1 }
                urlResume = max(url(at: s), i + 1)
                i = urlResume
            }
        }
    }

    /// The first '.' or ':' in `p[from ..< end]` (`end` at most the text's length), or `end`:
    /// eight bytes at a time (SWAR, exact per byte).
    @inline(__always)
    func nextURLMark(from: Int, to end: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var i = from
        while i &+ 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let periods = x ^ 0x2E2E_2E2E_2E2E_2E2E, colons = x ^ 0x3A3A_3A3A_3A3A_3A3A
            let marks = ~(((periods & low) &+ low) | periods) & high | ~(((colons & low) &+ low) | colons) & high
            if marks != 0 { return i &+ marks.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < end && p[i] != UInt8(ascii: ".") && p[i] != UInt8(ascii: ":") { i &+= 1 }
        return i
    }

    @inline(__always) static func isHostByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// Whether `next` after `mark` ('.' or ':') can continue a URL: a host byte after '.',
    /// '/' after ':'.
    @inline(__always) static func mayContinueURL(_ mark: UInt8, _ next: UInt8) -> Bool {
        mark == UInt8(ascii: ":") ? next == UInt8(ascii: "/") : isHostByte(next)
    }

    @inline(__always) static func isURLByte(_ b: UInt8) -> Bool {
        guard b > 0x20 else { return false }
        switch b {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "'"), 0x7F:
            return false
        default:
            return true
        }
    }

    /// Bytes after which a URL may start: white space, the text's start, opening brackets and
    /// quotes, sentence punctuation, and non-ASCII (an emoji right before a link).
    @inline(__always) static func isURLStartBoundary(_ b: UInt8) -> Bool {
        if b <= 0x20 || b >= 0x80 { return true }
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: ">"), UInt8(ascii: "{"):
            return true
        default:
            return false
        }
    }

    /// Tries a URL starting at `s`; emits it if valid. Returns where parsing stopped.
    private mutating func url(at s: Int) -> Int {
        let boundary = Self.isURLStartBoundary(at(s - 1))
        var j = s
        while ByteClass.isLetter(at(j)) && j - s < 13 { j += 1 }
        if boundary && j - s >= 2 && j - s <= 12 && at(j) == UInt8(ascii: ":") && at(j + 1) == UInt8(ascii: "/")
            && at(j + 2) == UInt8(ascii: "/") {
            let host = j + 3
            guard ByteClass.isAlnum(at(host)) || at(host) == UInt8(ascii: "[") else { return host }
            let (end, stop) = urlRest(from: host)
            emit(.url, s, end)
            return stop
        }

        // A host: labels of letters, digits and '-' joined by single dots.
        j = s
        var labels = 0
        var lastStart = s, lastEnd = s
        var wellFormed = true
        while true {
            let ls = j
            while ByteClass.isAlnum(at(j)) || at(j) == UInt8(ascii: "-") { j += 1 }
            guard j > ls else { break }
            wellFormed = wellFormed && at(ls) != UInt8(ascii: "-") && at(j - 1) != UInt8(ascii: "-")
            labels += 1
            lastStart = ls
            lastEnd = j
            guard at(j) == UInt8(ascii: "."), ByteClass.isAlnum(at(j + 1)) else { break }
            j += 1
        }
        let hostEnd = j
        guard boundary, labels >= 2, wellFormed else { return max(hostEnd, s + 1) }
        let after = at(hostEnd)
        if after == UInt8(ascii: "@") || after == UInt8(ascii: "_") || after == UInt8(ascii: "-") { return hostEnd }

        let www = hasWord("www.", at: s)
        var known: Bool
        var ambiguous = false
        if www {
            known = labels >= 3 && lastEnd - lastStart >= 2
            for k in lastStart..<lastEnd where !ByteClass.isLetter(p[k]) { known = false }
        } else {
            known = DetectorWordList.topLevelDomains.contains(p, lastStart, lastEnd)
            if !known && DetectorWordList.wordLikeTopLevelDomains.contains(p, lastStart, lastEnd) {
                known = true
                ambiguous = true
            }
        }
        var e = hostEnd
        if at(e) == UInt8(ascii: ":") && ByteClass.isDigit(at(e + 1)) {
            var k = e + 1
            while ByteClass.isDigit(at(k)) && k - e <= 5 { k += 1 }
            if !ByteClass.isAlnum(at(k)) { e = k }
        }
        var end = e
        var stop = e
        var path = false
        let a = at(e)
        if a == UInt8(ascii: "/") || a == UInt8(ascii: "?") || a == UInt8(ascii: "#") {
            (end, stop) = urlRest(from: e)
            path = end > e + 1
        }
        guard known, !ambiguous || path else { return max(stop, s + 1) }
        emit(.url, s, end)
        return stop
    }

    /// Consumes URL bytes from `k`; returns the span end (trailing punctuation and unmatched
    /// closing brackets left out) and where consumption stopped.
    private func urlRest(from k: Int) -> (Int, Int) {
        var j = k
        var openParens = 0
        var openSquare = 0
        while Self.isURLByte(at(j)) {
            switch at(j) {
            case UInt8(ascii: "("): openParens += 1
            case UInt8(ascii: ")"): openParens -= 1
            case UInt8(ascii: "["): openSquare += 1
            case UInt8(ascii: "]"): openSquare -= 1
            default: break
            }
            j += 1
        }
        var end = j
        while end > k {
            let c = at(end - 1)
            if c == UInt8(ascii: ")") && openParens < 0 {
                openParens += 1
            } else if c == UInt8(ascii: "]") && openSquare < 0 {
                openSquare += 1
            } else if c == UInt8(ascii: "(") {
                openParens -= 1
            } else if !(c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";")
                        || c == UInt8(ascii: ":") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
                        || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "*")) {
                break
            }
            end -= 1
        }
        return (end, j)
    }
}

extension DetectorWordList {
    /// TLDs that mark a bare dotted word as a domain.
    static let topLevelDomains = DetectorWordList([
        "com", "net", "org", "info", "biz", "edu", "gov", "nl", "be", "de", "eu", "uk", "fr", "es",
        "ch", "se", "dk", "fi", "ie", "pt", "pl", "ca", "au", "nz", "io", "co", "ly", "tv", "gg",
        "ai", "app", "dev", "xyz", "online", "site", "shop", "store", "blog", "news", "tech", "club",
        "live", "link", "frl", "amsterdam", "email", "cloud", "page", "ru", "cn", "jp", "br", "mx",
    ])
    /// TLDs that are also common words: a bare domain ending in one needs a path.
    static let wordLikeTopLevelDomains = DetectorWordList([
        "me", "it", "at", "is", "to", "no", "us", "in", "so", "do", "go", "am", "my", "as", "by",
        "or", "on", "nu",
    ])
}
