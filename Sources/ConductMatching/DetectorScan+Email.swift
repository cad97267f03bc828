/// `email`, written with '@': `local@domain.tld`.
///
/// Local part: 1–64 of a–z, 0–9, '.', '_', '%', '+', '-'; no leading, trailing or doubled '.'
/// (a doubled dot and dots before the local part belong to the prose: "see...jan@x.nl" →
/// "jan@x.nl"). Domain: at least two
/// labels of a–z, 0–9, '-' (1–63 each, not starting or ending with '-') joined by single dots,
/// at most 253 bytes, the last label (TLD) at least two letters. A dot after the TLD is
/// sentence punctuation and stays out of the span.
///
/// Rejects: "jan@localhost", "jan@example.c", "jan@example.com2", "@example.com" (no local
/// part), "jan..x@example.com", local parts over 64 bytes.
/// "jan @ example.com" (spaced '@') is read like the spelled-out forms (see
/// `DetectorScan+SpelledEmail.swift`).
extension DetectorScan {
    /// The '@' family: emails and handles, one visit per '@' in the blocks of `blocks`.
    mutating func scanAtSigns(_ blocks: UInt64) {
        let wantEmail = wants(.email), wantHandle = wants(.handle)
        var cursor = DetectorBlockCursor(blocks, n)
        while let range = cursor.next() {
            for i in range.start..<range.end where p[i] == UInt8(ascii: "@") {
                if wantEmail {
                    if let (start, end) = emailAt(i) {
                        emit(.email, start, end)
                    } else if at(i - 1) == 0x20 && at(i + 1) == 0x20 {
                        spelledEmail(localEnd: i - 1, domainStart: i + 2)
                    }
                }
                if wantHandle, let end = handleEnd(at: i) { emit(.handle, i, end) }
            }
        }
    }

    @inline(__always) static func isLocalByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    @inline(__always) static func isLabelByte(_ b: UInt8) -> Bool { ByteClass.isAlnum(b) || b == UInt8(ascii: "-") }

    /// The start of a valid local part ending at `end` (exclusive), if any.
    func localPartStart(endingAt end: Int) -> Int? {
        var s = end
        while Self.isLocalByte(at(s - 1)) && !(at(s - 1) == UInt8(ascii: ".") && at(s - 2) == UInt8(ascii: ".")) {
            s -= 1
            if end - s > 64 + 8 { return nil }
        }
        while s < end && at(s) == UInt8(ascii: ".") { s += 1 }
        guard s < end, end - s <= 64, at(end - 1) != UInt8(ascii: ".") else { return nil }
        for k in s..<(end - 1) where p[k] == UInt8(ascii: ".") && p[k + 1] == UInt8(ascii: ".") { return nil }
        return s
    }

    private func emailAt(_ a: Int) -> (Int, Int)? {
        guard let start = localPartStart(endingAt: a), let end = domainEnd(from: a + 1) else { return nil }
        return (start, end)
    }

    /// The end of a domain name (≥ 2 labels, TLD ≥ 2 letters) that starts at `d`.
    func domainEnd(from d: Int) -> Int? {
        var j = d
        var labels = 0
        var lastStart = d
        var lastIsLetters = true
        while true {
            let ls = j
            var letters = true
            while Self.isLabelByte(at(j)) {
                letters = letters && ByteClass.isLetter(at(j))
                j += 1
                if j - ls > 63 { return nil }
            }
            guard j > ls, at(ls) != UInt8(ascii: "-"), at(j - 1) != UInt8(ascii: "-") else { return nil }
            labels += 1
            lastStart = ls
            lastIsLetters = letters
            guard at(j) == UInt8(ascii: "."), ByteClass.isAlnum(at(j + 1)) else { break }
            j += 1
            if j - d > 253 { return nil }
        }
        guard labels >= 2, lastIsLetters, j - lastStart >= 2 else { return nil }
        return j
    }
}
