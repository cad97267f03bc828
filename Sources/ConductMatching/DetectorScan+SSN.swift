/// `ssn`: a US social security number written area-group-serial, 3-2-4 digits joined by one
/// repeated dash or space: "123-45-6789", "123 45 6789".
///
/// Validity rules of the Social Security Administration: the area is not 000, 666 or
/// 900–999; the group is not 00; the serial is not 0000.
///
/// Rejects: those invalid numbers, mixed separators ("123-45 6789"), nine contiguous digits
/// (a BSN or a code as often as an SSN), other groupings ("1234-56-789", "123-456-789"),
/// digits glued to letters or continuing with "-digit", ".digit", ",digit" ("123-45-6789-1"),
/// numbers after a currency symbol or a code word ("order 123-45-6789", see
/// ``precedingContext(_:)``), and digits inside an IBAN.
extension DetectorScan {
    mutating func ssnCandidate(_ r: Int, _ runEnd: Int) {
        guard runEnd - r == 3, isCleanStart(r) else { return }
        let separator = at(runEnd)
        guard separator == UInt8(ascii: "-") || separator == 0x20 else { return }
        let group = runEnd + 1
        guard ByteClass.isDigit(at(group)), ByteClass.isDigit(at(group + 1)), at(group + 2) == separator else { return }
        let serial = group + 3
        for k in serial..<(serial + 4) where !ByteClass.isDigit(at(k)) { return }
        let end = serial + 4
        guard isCleanCardEnd(end) else { return }
        func value(_ start: Int, _ count: Int) -> Int {
            var v = 0
            for k in start..<(start + count) { v = v * 10 + Int(p[k] &- 0x30) }
            return v
        }
        let area = value(r, 3)
        guard area != 0, area != 666, area < 900, value(group, 2) != 0, value(serial, 4) != 0 else { return }
        guard !hasCurrencyBefore(r), precedingContext(r) != .blocked else { return }
        emit(.ssn, r, end)
    }
}
