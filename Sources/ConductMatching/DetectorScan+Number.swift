/// `number`: a run of ASCII digits, with further digit groups joined by a single '.' or ','
/// ("20", "3.5", "1.234,56", "$1,234,567.00" → "1,234,567.00", "192.168.1.1").
///
/// Purely lexical, so it also fires on the digit groups of phones, dates, IBANs, card numbers
/// and URLs; consumers choose. Rejects digits glued to a preceding letter or '_' ("covid19",
/// "v2", "nl91abna…"), keeps digits followed by other letters ("10k", "5a" → "10", "5").
/// Not numbers either: the code of an HTML character reference ("&#8221;", "&#39;"; "&#x27;"
/// is glued to its 'x'), and ordinals, digits followed by "st", "nd", "rd", "th" or the Dutch
/// "ste", "de" that end the word ("5th", "21st", "2nd", "1ste", "3de"); "5e" stays "5", as
/// "e" is also an exponent or a unit.
/// A separator must be followed by a digit, so "3." and "1.299,-" end before it; a sign is
/// never part of the number. No length limit: a 1 MB digit run is one number.
extension DetectorScan {
    mutating func numberAndMoney(_ r: Int, _ runEnd: Int) {
        var e = runEnd
        while true {
            let s = at(e)
            guard s == UInt8(ascii: ".") || s == UInt8(ascii: ","), ByteClass.isDigit(at(e + 1)) else { break }
            e += 2
            while ByteClass.isDigit(at(e)) { e += 1 }
        }
        numberEnd = e
        let before = at(r - 1)
        let glued = ByteClass.isLetter(before) || before == UInt8(ascii: "_")
            || (before == UInt8(ascii: "#") && at(r - 2) == UInt8(ascii: "&") && e == runEnd && at(e) == UInt8(ascii: ";"))
        if !glued && !isOrdinalSuffix(e) { emit(.number, r, e) }
        if wants(.money) && r >= ibanEnd { money(r, e, glued: glued) }
    }

    /// Whether an ordinal suffix ("st", "nd", "rd", "th", "ste", "de") starts at `k` and ends
    /// the word.
    private func isOrdinalSuffix(_ k: Int) -> Bool {
        let a = at(k), b = at(k + 1)
        let two: Bool
        switch (a, b) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")),
             (UInt8(ascii: "d"), UInt8(ascii: "e")):
            two = true
        default:
            two = false
        }
        guard two else { return false }
        if !ByteClass.isAlnum(at(k + 2)) { return true }
        return a == UInt8(ascii: "s") && at(k + 2) == UInt8(ascii: "e") && !ByteClass.isAlnum(at(k + 3))
    }
}
