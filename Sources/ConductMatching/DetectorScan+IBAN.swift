/// `iban`: an International Bank Account Number: two letters of a country in the ISO 13616
/// registry, two check digits, then the BBAN, exactly as long as that country's IBAN; written
/// unbroken ("nl91abna0417164300") or in groups of four separated by single spaces
/// ("nl91 abna 0417 1643 00"), either case. Valid only when the mod-97 check (ISO 7064)
/// gives 1.
///
/// Rejects: unknown country codes, wrong lengths (a 17- or 19-character "NL" IBAN), a wrong
/// checksum, groups that are not of four, and codes glued to further letters or digits.
/// Digits inside a found IBAN are not also reported as phone, BSN, postcode, address or money.
extension DetectorScan {
    /// Tries an IBAN starting two letters before the digit run at `r`.
    mutating func ibanCandidate(_ r: Int) {
        let s = r - 2
        guard ByteClass.isLetter(at(s)), ByteClass.isLetter(at(s + 1)), ByteClass.isDigit(at(s + 3)),
              !ByteClass.isAlnum(at(s - 1)), at(s - 1) != UInt8(ascii: "_") else { return }
        let length = IBANRegistry.length(ByteClass.lower(at(s)), ByteClass.lower(at(s + 1)))
        guard length > 0 else { return }
        // The check digits and country code go last: value(BBAN ++ country ++ check) mod 97.
        var remainder = 0
        var count = 0
        var j = s
        var spaced = false
        while count < length {
            if count > 0 && count % 4 == 0 {
                if count == 4 && at(j) == 0x20 { spaced = true }
                if spaced {
                    guard at(j) == 0x20 else { return }
                    j += 1
                }
            }
            let b = at(j)
            guard ByteClass.isAlnum(b) else { return }
            if count >= 4 { remainder = Self.mod97(remainder, b) }
            j += 1
            count += 1
        }
        let after = at(j)
        guard !ByteClass.isAlnum(after), after != UInt8(ascii: "_") else { return }
        for k in s..<(s + 4) { remainder = Self.mod97(remainder, at(k)) }
        guard remainder == 1 else { return }
        emit(.iban, s, j)
        ibanEnd = j
    }

    /// Appends one IBAN character (a digit, or a letter worth 10…35) to a remainder mod 97.
    @inline(__always) static func mod97(_ remainder: Int, _ b: UInt8) -> Int {
        ByteClass.isDigit(b)
            ? (remainder * 10 + Int(b &- 0x30)) % 97
            : (remainder * 100 + ByteClass.letterValue(b)) % 97
    }
}

/// IBAN lengths per country, from the SWIFT IBAN registry (ISO 13616): every SEPA country
/// and the other registered ones.
enum IBANRegistry {
    /// 26×26 table indexed by the two lower-case letters; 0 = not an IBAN country. Allocated
    /// once for the program's lifetime, so reading it touches no reference count.
    nonisolated(unsafe) static let lengths: UnsafePointer<UInt8> = {
        let entries: [(String, UInt8)] = [
            ("ad", 24), ("ae", 23), ("al", 28), ("at", 20), ("az", 28), ("ba", 20), ("be", 16),
            ("bg", 22), ("bh", 22), ("bi", 27), ("br", 29), ("by", 28), ("ch", 21), ("cr", 22),
            ("cy", 28), ("cz", 24), ("de", 22), ("dj", 27), ("dk", 18), ("do", 28), ("ee", 20),
            ("eg", 29), ("es", 24), ("fi", 18), ("fk", 18), ("fo", 18), ("fr", 27), ("gb", 22),
            ("ge", 22), ("gi", 23), ("gl", 18), ("gr", 27), ("gt", 28), ("hn", 28), ("hr", 21),
            ("hu", 28), ("ie", 22), ("il", 23), ("iq", 23), ("is", 26), ("it", 27), ("jo", 30),
            ("kw", 30), ("kz", 20), ("lb", 28), ("lc", 32), ("li", 21), ("lt", 20), ("lu", 20),
            ("lv", 21), ("ly", 25), ("mc", 27), ("md", 24), ("me", 22), ("mk", 19), ("mn", 20),
            ("mr", 27), ("mt", 31), ("mu", 30), ("ni", 28), ("nl", 18), ("no", 15), ("om", 23),
            ("pk", 24), ("pl", 28), ("ps", 29), ("pt", 25), ("qa", 29), ("ro", 24), ("rs", 22),
            ("ru", 33), ("sa", 24), ("sc", 31), ("sd", 18), ("se", 24), ("si", 19), ("sk", 24),
            ("sm", 27), ("so", 23), ("st", 25), ("sv", 28), ("tl", 23), ("tn", 24), ("tr", 26),
            ("ua", 29), ("va", 22), ("vg", 24), ("xk", 20), ("ye", 30),
        ]
        var table = [UInt8](repeating: 0, count: 26 * 26)
        for (code, length) in entries {
            let u = Array(code.utf8)
            table[Int(u[0] - 0x61) * 26 + Int(u[1] - 0x61)] = length
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: table.count)
        buffer.initialize(from: table, count: table.count)
        return UnsafePointer(buffer)
    }()

    /// The IBAN length for the lower-case country letters `a`, `b`, or 0.
    static func length(_ a: UInt8, _ b: UInt8) -> Int {
        let i = Int(a &- 0x61) * 26 + Int(b &- 0x61)
        return i < 26 * 26 ? Int(lengths[i]) : 0
    }
}
