/// `bsn`: a Dutch citizen service number (burgerservicenummer) that passes the 11-proef:
/// 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − d9 ≡ 0 (mod 11), not all zeros.
///
/// Accepts 9 digits written "123456782", "123.456.782", "123 456 782", "123-456-782" (3-3-3,
/// one separator repeated) or "1234.56.782" (4-2-3); and 8 digits whose leading zero was
/// dropped ("12345672" for 012345672) only right after a BSN word: "bsn", "burgerservicenummer",
/// "sofinummer", "sofi" (connectors such as "nummer", "nr", "is", ':' may stand between).
///
/// Rejects: numbers failing the 11-proef, 10-digit numbers (a phone number is not a BSN), digit
/// strings after a code word ("order 123456782", see ``precedingContext(_:)``), after a
/// currency symbol, glued to letters or further digit groups, inside an IBAN or a phone number.
extension DetectorScan {
    mutating func bsnCandidate(_ r: Int, _ runEnd: Int) {
        guard r >= bsnEnd, r >= phoneEnd, isCleanStart(r) else { return }
        let first = runEnd - r
        var end = runEnd
        switch first {
        case 8, 9:
            break
        case 3, 4:
            // 3-3-3 with one separator repeated, or 4-2-3.
            let sep = at(runEnd)
            guard sep == UInt8(ascii: ".") || sep == 0x20 || sep == UInt8(ascii: "-") else { return }
            let second = first == 3 ? 3 : 2
            var k = runEnd + 1
            guard allDigits(k, second), at(k + second) == sep else { return }
            k += second + 1
            guard allDigits(k, 3) else { return }
            k += 3
            end = k
        default:
            return
        }
        let a = at(end)
        if ByteClass.isAlnum(a) || a == UInt8(ascii: "_") { return }
        if (a == UInt8(ascii: ".") || a == UInt8(ascii: ",") || a == UInt8(ascii: "-") || a == UInt8(ascii: "/"))
            && ByteClass.isDigit(at(end + 1)) {
            return
        }
        if hasCurrencyBefore(r) { return }

        var weighted = 0
        var digitCount = 0
        var nonZero = false
        for k in r..<end where ByteClass.isDigit(p[k]) {
            let d = Int(p[k] &- 0x30)
            digitCount += 1
            nonZero = nonZero || d != 0
            weighted = weighted * 10 + d   // collected first, weighed below
        }
        guard digitCount == 8 || digitCount == 9, nonZero, Self.passesElevenTest(weighted) else { return }
        let context = precedingContext(r)
        guard context != .blocked, digitCount == 9 || context == .citizenNumber else { return }
        emit(.bsn, r, end)
        bsnEnd = end
    }

    private func allDigits(_ start: Int, _ count: Int) -> Bool {
        for k in start..<(start + count) where !ByteClass.isDigit(at(k)) { return false }
        return true
    }

    /// The 11-proef on a number of at most 9 digits, read with leading zeros up to 9 digits.
    static func passesElevenTest(_ value: Int) -> Bool {
        var v = value
        let last = v % 10
        v /= 10
        var sum = -last
        var weight = 2
        while weight <= 9 {
            sum += weight * (v % 10)
            v /= 10
            weight += 1
        }
        return sum % 11 == 0
    }
}
