/// `money`: a number with a currency before or after it, or a Dutch price dash.
///
/// Accepts (span from the first to the last part):
/// - a symbol before, with or without one space: "€15", "€ 15", "$20", "£9.99", "¥500";
/// - a code before: "eur 15", "usd 20", "gbp 10", also glued ("eur15");
/// - a currency after: "15 euro", "15 euros", "20 dollars", "15 eur", "15 usd", "15€", "20 $";
/// - the Dutch price dash with or without currency: "15,-", "1.299,-", "€ 15,-", "12,--";
/// - a multiplier, only together with a currency: "€10k", "$1.5m", "€1,2 mln", "€ 2 miljoen",
///   "$3 million", "10k euro", "$1b", "£3bn".
///
/// Rejects: a bare number ("15"), a multiplier without currency ("10k steps"), weights that
/// share a currency's name ("20 pounds" is not money: pounds/pond are left out), words that
/// merely start like a currency ("15 europe"). A currency word or symbol belongs to one
/// amount: in "15 euro 20 dollars" the "euro" is the suffix of 15, not the prefix of 20.
extension DetectorScan {
    mutating func money(_ r: Int, _ numberEnd: Int, glued: Bool) {
        var start = r
        var currency = false
        if glued {
            // Letters glued to the number must be a whole currency code: "eur15", "usd20".
            var k = r
            while ByteClass.isLetter(at(k - 1)) && r - k < 5 { k -= 1 }
            guard !ByteClass.isAlnum(at(k - 1)), DetectorWordList.currencyCodesBefore.contains(p, k, r) else { return }
            start = k
            currency = true
        } else {
            var k = r
            if at(k - 1) == 0x20 { k -= 1 }
            if let s = currencySymbol(endingAt: k), s >= moneyEnd {
                start = s
                currency = true
            } else if k < r, let word = previousToken(before: r, limit: 8), word.start >= moneyEnd,
                      DetectorWordList.currencyCodesBefore.contains(p, word.start, word.end) {
                start = word.start
                currency = true
            }
        }

        var end = numberEnd
        var dash = false
        if (at(end) == UInt8(ascii: ",") || at(end) == UInt8(ascii: ".")) && at(end + 1) == UInt8(ascii: "-") {
            end += 2
            if at(end) == UInt8(ascii: "-") { end += 1 }
            dash = true
        }

        // A multiplier, glued ("10k", "1.5m") or as the next word ("1,2 mln").
        var multiplierEnd = -1
        if ByteClass.isLetter(at(end)) {
            var k = end
            while ByteClass.isLetter(at(k)) && k - end < 8 { k += 1 }
            if !ByteClass.isAlnum(at(k)) && DetectorWordList.moneyMultipliers.contains(p, end, k) { multiplierEnd = k }
        } else if let word = nextToken(after: end, limit: 10), DetectorWordList.moneyMultipliers.contains(p, word.start, word.end) {
            multiplierEnd = word.end
        }

        // A currency after the number (and after the multiplier, if any).
        let tail = multiplierEnd >= 0 ? multiplierEnd : end
        if let suffixEnd = currencyAfter(tail, prefixed: currency) {
            end = suffixEnd
            currency = true
        } else if currency && multiplierEnd >= 0 {
            end = multiplierEnd
        }
        guard currency || dash else { return }
        emit(.money, start, end)
        moneyEnd = end
    }

    /// The end of a currency symbol or word right after `k` (optionally after one space). A
    /// spaced symbol followed by a number is that number's prefix instead ("€15 € 20"); so is a
    /// spaced word when this amount already has a prefix ("eur 15 usd 20").
    private func currencyAfter(_ k: Int, prefixed: Bool) -> Int? {
        var j = k
        if at(j) == 0x20 { j += 1 }
        let e: Int
        if let symbolEnd = currencySymbol(startingAt: j) {
            e = symbolEnd
        } else {
            guard ByteClass.isLetter(at(j)) else { return nil }
            var w = j
            while ByteClass.isLetter(at(w)) && w - j < 10 { w += 1 }
            guard !ByteClass.isAlnum(at(w)), DetectorWordList.currencyWordsAfter.contains(p, j, w) else { return nil }
            e = w
        }
        if j > k && (prefixed || at(e - 1) >= 0x80 || at(e - 1) == UInt8(ascii: "$"))
            && (ByteClass.isDigit(at(e)) || (at(e) == 0x20 && ByteClass.isDigit(at(e + 1)))) {
            return nil
        }
        return e
    }
}

extension DetectorWordList {
    static let currencyCodesBefore = DetectorWordList(["eur", "euro", "usd", "gbp", "chf", "jpy", "cad", "aud"])
    static let currencyWordsAfter = DetectorWordList([
        "euro", "euros", "eur", "usd", "gbp", "chf", "jpy", "cad", "aud", "dollar", "dollars", "bucks",
    ])
    static let moneyMultipliers = DetectorWordList([
        "k", "m", "b", "mln", "mio", "bn", "mld", "miljoen", "million", "millions", "miljard", "billion",
        "billions",
    ])
}
