/// `card`: a payment card number (PAN) of 13–19 digits that passes the Luhn checksum and
/// starts with an issuer prefix of a known brand, for that brand's lengths:
/// Visa 4 (13, 16, 19 digits); Mastercard 51–55 and 2221–2720 (16); Amex 34, 37 (15);
/// Diners 36, 38 (14–19); JCB 3528–3589 (16–19); Discover 6011, 65 and Maestro 50, 56–69
/// (13–19).
///
/// Accepts the digits contiguous ("4111111111111111") or in groups joined by one repeated
/// separator, a single space or a dash: three or more groups of 4 where the last may hold
/// 1–4 ("4111 1111 1111 1111", "4111-1111-1111-1111", "4222 2222 2222 2"), or Amex 4-6-5
/// and Diners 4-6-4 ("3782 822463 10005", "3056 930902 5904" is not: Diners needs 36/38).
/// Of several groups the longest prefix that forms a valid card wins, so a trailing
/// " 2024" stays outside.
///
/// Rejects: a failed checksum, 13 contiguous digits that pass the EAN-13 check (a product
/// barcode: "4901234567894"), an unknown prefix or a length the brand does not issue,
/// mixed separators ("4111 1111-1111 1111"), dots, runs of 20 or more digits, digits glued
/// to letters, continuing with "-digit", ".digit", ",digit" or continuing a digit group before
/// it ("7441 6019 1817 1052 0" holds no card starting at 6019), a number after a currency
/// symbol ("$4111111111111111") or a code word ("order 4111 1111 1111 1111", see
/// ``precedingContext(_:)``), and digits inside an IBAN.
///
/// A card's span ends every phone and BSN candidate inside it; `number` still reports each
/// digit group, as it does for phones and dates.
extension DetectorScan {
    mutating func cardCandidate(_ r: Int, _ runEnd: Int) {
        guard r >= cardEnd else { return }
        let first = p[r]
        guard first >= UInt8(ascii: "2"), first <= UInt8(ascii: "6"), isCleanStart(r) else { return }
        // Not the tail of a longer grouped digit string: "7441 6019 1817 1052 0".
        let before = at(r - 1)
        if (before == 0x20 || before == UInt8(ascii: "-")) && ByteClass.isDigit(at(r - 2)) { return }
        let runLength = runEnd - r
        guard runLength == 4 || (13...19).contains(runLength) else { return }
        let prefix = Int(first &- 0x30) * 1000 + Int(p[r + 1] &- 0x30) * 100 + Int(p[r + 2] &- 0x30) * 10
            + Int(p[r + 3] &- 0x30)
        var best = -1
        if runLength > 4 {
            if isCard(r, runEnd, prefix: prefix, digits: runLength) && !(runLength == 13 && Self.passesEAN13(p, r)) {
                best = runEnd
            }
        } else {
            let separator = at(runEnd)
            guard separator == 0x20 || separator == UInt8(ascii: "-") else { return }
            var end = runEnd
            var groups = 1
            while groups < 5, let next = nextCardGroup(after: end, separator) {
                let length = next - end - 1
                groups += 1
                end = next
                if groups == 2 && length == 6 {
                    // Amex 4-6-5 or Diners 4-6-4: exactly one more group.
                    if first == UInt8(ascii: "3"), let last = nextCardGroup(after: end, separator), last - end - 1 == 4 || last - end - 1 == 5,
                       isCard(r, last, prefix: prefix, digits: 10 + last - end - 1) {
                        best = last
                    }
                    break
                }
                guard (1...4).contains(length) else { break }
                let digits = 4 * (groups - 1) + length
                if groups >= 3 && digits >= 13 && isCard(r, end, prefix: prefix, digits: digits) { best = end }
                if length != 4 { break }
            }
        }
        guard best >= 0, !hasCurrencyBefore(r), precedingContext(r) != .blocked else { return }
        emit(.card, r, best)
        cardEnd = best
        phoneEnd = max(phoneEnd, best)
        bsnEnd = max(bsnEnd, best)
    }

    /// The end of the digit group that follows `separator` at `k`, if one does (at most 7
    /// digits are read).
    private func nextCardGroup(after k: Int, _ separator: UInt8) -> Int? {
        guard at(k) == separator, ByteClass.isDigit(at(k + 1)) else { return nil }
        var j = k + 1
        while ByteClass.isDigit(at(j)) && j - k <= 7 { j += 1 }
        return j
    }

    /// Whether `p[r..<end]`, holding `digits` digits, is a card number ending cleanly.
    private func isCard(_ r: Int, _ end: Int, prefix: Int, digits: Int) -> Bool {
        Self.cardBrandIssues(prefix, digits) && isCleanCardEnd(end) && Self.passesLuhn(p, r, end)
    }

    /// Whether a brand issues `count`-digit numbers starting with `prefix` (the first four
    /// digits).
    static func cardBrandIssues(_ prefix: Int, _ count: Int) -> Bool {
        guard (13...19).contains(count) else { return false }
        let two = prefix / 100
        switch prefix / 1000 {
        case 2: return (2221...2720).contains(prefix) && count == 16
        case 3:
            if two == 34 || two == 37 { return count == 15 }
            if two == 36 || two == 38 { return count >= 14 }
            return (3528...3589).contains(prefix) && count >= 16
        case 4: return count == 13 || count == 16 || count == 19
        case 5:
            if (51...55).contains(two) { return count == 16 }
            return two == 50 || two >= 56
        case 6: return true
        default: return false
        }
    }

    /// The Luhn checksum over the digits of `p[start..<end]` (other bytes skipped): from the
    /// right, every second digit doubled (minus 9 past 9), the sum a multiple of 10.
    static func passesLuhn(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var sum = 0
        var double = false
        var k = end
        while k > start {
            k -= 1
            let b = p[k]
            guard ByteClass.isDigit(b) else { continue }
            var d = Int(b &- 0x30)
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// The EAN-13 check over the 13 digits at `start`: weights 1 and 3 alternating from the
    /// left, the sum a multiple of 10 (a product barcode, not a 13-digit Visa number).
    static func passesEAN13(_ p: UnsafePointer<UInt8>, _ start: Int) -> Bool {
        var sum = 0
        for k in 0..<13 { sum += Int(p[start + k] &- 0x30) * (k % 2 == 0 ? 1 : 3) }
        return sum % 10 == 0
    }

    /// Nothing glued after a code-like number: no letter, digit or '_', and no '-', '.', ',',
    /// '/' followed by a digit.
    func isCleanCardEnd(_ end: Int) -> Bool {
        let a = at(end)
        if ByteClass.isAlnum(a) || a == UInt8(ascii: "_") { return false }
        if a == UInt8(ascii: "-") || a == UInt8(ascii: ".") || a == UInt8(ascii: ",") || a == UInt8(ascii: "/") {
            return !ByteClass.isDigit(at(end + 1))
        }
        return true
    }
}
