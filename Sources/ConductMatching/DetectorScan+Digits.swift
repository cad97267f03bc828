/// The digit family: every detector anchored on a run of ASCII digits (number, money, phone,
/// BSN, card, SSN, IBAN, postcode, address) is dispatched from one walk over the maximal digit
/// runs.
///
/// Order per run: IBAN first (its span suppresses the others), then number and money, card
/// (its span suppresses phone and BSN), phone, BSN, SSN, postcode, address. Each detector reads a bounded window around the run or resumes
/// after its own previous end, so the walk stays linear.
extension DetectorScan {
    static let ibanDependents: UInt16 = DetectorKind.iban.bit | DetectorKind.phone.bit | DetectorKind.bsn.bit
        | DetectorKind.postcode.bit | DetectorKind.address.bit | DetectorKind.money.bit
    static let numberDependents: UInt16 = DetectorKind.number.bit | DetectorKind.money.bit
    static let phoneDependents: UInt16 = DetectorKind.phone.bit | DetectorKind.bsn.bit
    static let cardDependents: UInt16 = DetectorKind.card.bit | DetectorKind.phone.bit | DetectorKind.bsn.bit

    /// Visits every maximal digit run in the blocks of `blocks` (see ``DetectorTriggers``).
    mutating func scanDigitRuns(_ blocks: UInt64) {
        let needIBAN = enabled & Self.ibanDependents != 0
        let needNumber = enabled & Self.numberDependents != 0
        let needPhone = enabled & Self.phoneDependents != 0
        let needCard = enabled & Self.cardDependents != 0
        let wantSSN = wants(.ssn)
        let wantBSN = wants(.bsn), wantPostcode = wants(.postcode), wantAddress = wants(.address)
        var cursor = DetectorBlockCursor(blocks, n)
        var i = 0
        while let range = cursor.next() {
            if i < range.start { i = range.start }
            while i < range.end {
                if !ByteClass.isDigit(p[i]) {
                    i += 1
                    continue
                }
                let r = i
                repeat { i += 1 } while i < n && ByteClass.isDigit(p[i])
                if needIBAN && r >= ibanEnd && r >= 2 { ibanCandidate(r) }
                if needNumber && r >= numberEnd { numberAndMoney(r, i) }
                if r < ibanEnd { continue }
                if needCard { cardCandidate(r, i) }
                if needPhone { phoneCandidate(r, i) }
                if wantBSN { bsnCandidate(r, i) }
                if wantSSN { ssnCandidate(r, i) }
                if wantPostcode, let end = postcodeEnd(r, i) { emit(.postcode, r, end) }
                if wantAddress { addressCandidate(r, i) }
            }
        }
    }

    /// Whether a code-like number (phone, BSN, postcode, house number) may start at digit
    /// `r`: not glued to a letter, digit, '_', '+', '#', '@', and not continuing a digit
    /// group ("12.345", "2024-01", "12:30", "1/2").
    func isCleanStart(_ r: Int) -> Bool {
        let b = at(r - 1)
        if ByteClass.isAlnum(b) { return false }
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "&"):
            return false
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"):
            return !ByteClass.isDigit(at(r - 2))
        default:
            return true
        }
    }

    /// The start of a currency symbol ('$', '€', '£', '¥') that ends exactly at `k`, if any.
    func currencySymbol(endingAt k: Int) -> Int? {
        let b = at(k - 1)
        if b == UInt8(ascii: "$") { return k - 1 }
        if b == 0xAC && at(k - 2) == 0x82 && at(k - 3) == 0xE2 { return k - 3 }   // €
        if (b == 0xA3 || b == 0xA5) && at(k - 2) == 0xC2 { return k - 2 }          // £ ¥
        return nil
    }

    /// The end of a currency symbol that starts exactly at `k`, if any.
    func currencySymbol(startingAt k: Int) -> Int? {
        let b = at(k)
        if b == UInt8(ascii: "$") { return k + 1 }
        if b == 0xE2 && at(k + 1) == 0x82 && at(k + 2) == 0xAC { return k + 3 }
        if b == 0xC2 && (at(k + 1) == 0xA3 || at(k + 1) == 0xA5) { return k + 2 }
        return nil
    }

    /// Whether a currency symbol stands right before `k`, directly or with one space between.
    func hasCurrencyBefore(_ k: Int) -> Bool {
        currencySymbol(endingAt: k) != nil || (at(k - 1) == 0x20 && currencySymbol(endingAt: k - 1) != nil)
    }
}
