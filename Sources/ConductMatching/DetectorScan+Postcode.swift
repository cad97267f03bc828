/// `postcode`: a Dutch postcode, four digits (the first 1–9) and two letters, "1234ab" or
/// "1234 ab". The span is the postcode alone; an address that follows it is not included
/// (the `address` detector covers "kerkstraat 12, 1234 ab amsterdam" as a whole).
///
/// Rejects: the letter pairs never issued ("sa", "sd", "ss"), units and times in either form
/// ("1030am", "2500ul", "1500 km"), a leading zero, codes glued to other letters or digits
/// ("1234abc", "12345 ab", "6570 jiří"), and in the spaced form a second word that is a
/// common short word ("2019 we", "2000 en", "2015 im") — the glued form keeps those.
extension DetectorScan {
    /// The end of the postcode whose digits are the run `r..<runEnd`, if it is one.
    func postcodeEnd(_ r: Int, _ runEnd: Int) -> Int? {
        guard runEnd - r == 4, at(r) != UInt8(ascii: "0"), r >= ibanEnd, isCleanStart(r) else { return nil }
        var j = runEnd
        let spaced = at(j) == 0x20
        if spaced { j += 1 }
        let l1 = ByteClass.lower(at(j)), l2 = ByteClass.lower(at(j + 1))
        guard ByteClass.isLetter(l1), ByteClass.isLetter(l2) else { return nil }
        let after = at(j + 2)
        guard !ByteClass.isAlnum(after), after != UInt8(ascii: "_"), after != UInt8(ascii: "@"), after < 0x80 else {
            return nil
        }
        if l1 == UInt8(ascii: "s") && (l2 == UInt8(ascii: "a") || l2 == UInt8(ascii: "d") || l2 == UInt8(ascii: "s")) {
            return nil
        }
        if DetectorWordList.postcodeUnits.contains(p, j, j + 2) { return nil }
        if spaced && DetectorWordList.postcodeLookalikes.contains(p, j, j + 2) { return nil }
        if hasCurrencyBefore(r) { return nil }
        return j + 2
    }
}

extension DetectorWordList {
    /// Units, times and ordinals: after four digits they are a quantity, glued or not.
    static let postcodeUnits = DetectorWordList([
        "am", "pm", "km", "cm", "mm", "kg", "mg", "ml", "cl", "dl", "ul", "gb", "mb", "kb", "tb",
        "hz", "th", "nd", "rd", "st", "ft", "lb", "oz", "px", "pt", "kw", "mw", "hp", "ps", "bc", "ad",
    ])
    /// Two-letter words that follow a four-digit number (often a year) far more often than a
    /// postcode's letters do.
    static let postcodeLookalikes = DetectorWordList([
        "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my",
        "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "ye", "yo", "im", "id",
        "ie", "eg", "al", "de", "en", "er", "ga", "ik", "je", "na", "nu", "om", "op", "te", "ze",
        "zo", "ce", "pp", "vs", "ca", "nr", "uk", "eu", "nl", "ex", "tv", "pc", "cc", "pk",
    ])
}
