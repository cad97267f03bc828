/// `number`: a run of ASCII digits, with further digit groups joined by a single '.' or ','
/// ("20", "3.5", "1.234,56", "$1,234,567.00" → "1,234,567.00", "192.168.1.1").
///
/// Purely lexical, so it also fires on the digit groups of phones, dates, IBANs and URLs;
/// consumers choose. Rejects digits glued to a preceding letter or '_' ("covid19", "v2",
/// "nl91abna…"), keeps digits followed by letters ("10k", "5a", "2nd" → "10", "5", "2").
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
        if !glued { emit(.number, r, e) }
        if wants(.money) && r >= ibanEnd { money(r, e, glued: glued) }
    }
}
