/// `postcode`: a Dutch postcode, four digits (the first 1–9) and two letters, "1234ab" or
/// "1234 ab". The span is the postcode alone; an address that follows it is not included
/// (the `address` detector covers "kerkstraat 12, 1234 ab amsterdam" as a whole).
///
/// Rejects: the letter pairs never issued ("sa", "sd", "ss"), "am"/"pm" (times: "1030am"),
/// a leading zero, codes glued to other letters or digits ("1234abc", "12345 ab"), and in the
/// spaced form a second word that is a common short word or unit ("2019 we", "1500 km",
/// "2000 en") — the glued form keeps those.
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
        guard !ByteClass.isAlnum(after), after != UInt8(ascii: "_"), after != UInt8(ascii: "@") else { return nil }
        if l1 == UInt8(ascii: "s") && (l2 == UInt8(ascii: "a") || l2 == UInt8(ascii: "d") || l2 == UInt8(ascii: "s")) {
            return nil
        }
        if (l1 == UInt8(ascii: "a") || l1 == UInt8(ascii: "p")) && l2 == UInt8(ascii: "m") { return nil }
        if spaced && DetectorWordList.postcodeLookalikes.contains(p, j, j + 2) { return nil }
        if hasCurrencyBefore(r) { return nil }
        return j + 2
    }
}

extension DetectorWordList {
    /// Two-letter words and units that follow a four-digit number far more often than a
    /// postcode's letters do.
    static let postcodeLookalikes = DetectorWordList([
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me",
        "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "ye", "yo",
        "al", "de", "en", "er", "ga", "ik", "je", "na", "nu", "om", "op", "te", "ze", "zo",
        "km", "cm", "mm", "kg", "mg", "gb", "mb", "kb", "tb", "hz", "ad", "bc", "ce", "th", "nd",
        "rd", "st", "ft", "lb", "oz", "ml", "cl", "dl", "pp", "vs", "ca", "nr", "uk", "eu", "nl",
        "ex", "tv", "pc", "cc", "kw", "mw", "hp", "ps", "pk",
    ])
}
