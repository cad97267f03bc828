/// `phone`: telephone numbers, Dutch, British, North American and international.
///
/// A candidate is a sequence of digit groups joined by one separator each (' ', '-', '.',
/// '/', a dash or slash with spaces around it, or parentheses: "(020) …", "+31 (0)6 …").
/// The first separator (after the area or country code) is free; every later separator not
/// next to a parenthesised group must repeat the same character, so "05-01-2024 12" does not
/// read as one number. The longest prefix of groups that forms a valid number wins.
///
/// Accepts:
/// - national with trunk 0, 10 digits (NL) or 11 (UK): "0612345678", "06-12345678",
///   "06 1234 5678", "06 12 34 56 78", "020-1234567", "010 123 4567", "(020) 1234567",
///   "07911 123456", "020 7946 0958", "0489 25 37 29", "079 2718 1155"; the first group 2–5
///   digits, later groups ≥ 2 digits; not day-month-year ("05 01 2024 12");
/// - national with trunk 0, 9 digits (Belgian landlines) in 3 or more groups of 2–3 digits,
///   the last of 2: "02 123 45 67", "050 12 34 56" (not "012 345 672" or "078-05-1120");
/// - a parenthesised area code of 2–4 digits, then 6–9 local digits in groups of 3–5:
///   "(64) 3591-3246", "(99) 645-791", "(11) 98765-4321" (no year: "(20) 2024-2025");
/// - a bare run of 11–13 digits opening with a country code 1, 31, 32, 33, 34, 39, 41, 44,
///   46 or 49 and that country's national length: "447801259231", "31612345678",
///   "15558675309" (not a 13-digit EAN barcode, no trunk 0 after the code);
/// - '+' and a country code: +31 needs 9 national digits, +44 9–10, +1 10 (area code 2–9),
///   +32 8–9, +33/+34/+41 9, +39 6–11, +45/+47 8, +46 7–9, +49 7–11; a trunk "(0)" or a kept
///   0 after the code is dropped ("+31 (0)6 12345678", "+31 06 12345678"); any other code
///   is generic E.164: 8–15 digits in all ("+7 495 123 4567");
/// - "00" and a country code from that list: "0031 6 12345678", "0031 20 1234567",
///   "001-541-754-3010";
/// - North American 3-3-4 with separators: "(555) 123-4567", "555-123-4567", "555.123.4567",
///   "555 123 4567", "1-555-123-4567".
///
/// Rejects: prices ("€ 1.234.567", "$1,234,567.00", "1.299,-"), dates ("2024-01-05",
/// "05/01/2024", "5-1-2024", "05.01.2024"), times ("12:30"), years and ranges ("1990-2024"),
/// version numbers ("1.2.3"), numbers after a code word ("order no. 0612345678",
/// "factuur 0612345678", "#0612345678"; see ``precedingContext(_:)``) or a BSN word, digits
/// inside an IBAN or a card number, candidates glued to letters or continuing with "-digit",
/// ".digit", any group of more than 15 digits, and bare runs of 9–10 or 14 and more digits
/// that do not start with 0 ("1234567890", "12345678901234"). An extension glued with 'x' stays outside the span:
/// "(555) 123-4567x890" → "(555) 123-4567".
extension DetectorScan {
    mutating func phoneCandidate(_ r: Int, _ runEnd: Int) {
        guard r >= phoneEnd else { return }
        var c = r
        let before = at(r - 1)
        if before == UInt8(ascii: "+") {
            c = r - 1
        } else if before == UInt8(ascii: "(") && at(runEnd) == UInt8(ascii: ")") {
            c = r - 1
        }
        let b = at(c - 1)
        if c == r {
            guard isCleanStart(r) else { return }
        } else if ByteClass.isAlnum(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "#") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "@") || b == UInt8(ascii: "/") {
            return
        }
        let (found, scanned) = parsePhone(c)
        guard let end = found else {
            // The groups after a failed "+country" are not a national number: "+1 055 123 4567".
            if at(c) == UInt8(ascii: "+") { phoneEnd = scanned }
            return
        }
        guard !hasCurrencyBefore(c), precedingContext(c) == .neutral else { return }
        emit(.phone, c, end)
        phoneEnd = end
    }

    /// The end of the longest valid phone number starting at `c` ('+', '(' or a digit), and
    /// how far the groups were read.
    private func parsePhone(_ c: Int) -> (Int?, Int) {
        var j = c
        let plus = at(j) == UInt8(ascii: "+")
        if plus { j += 1 }
        var shape = PhoneShape(plus: plus)
        var best = -1
        var separators = 0
        var restSeparator: UInt8 = 0xFF
        var previousParen = false
        var trunkAdjacent = false
        while true {
            var paren = false
            if at(j) == UInt8(ascii: "(") {
                paren = true
                j += 1
            }
            let gs = j
            while ByteClass.isDigit(at(j)) && j - gs < 16 { j += 1 }
            let length = j - gs
            if length == 0 || length == 16 { break }
            if paren && at(j) != UInt8(ascii: ")") { break }
            if shape.groups == 0 && !plus && !paren && !Self.canStartPhone(at(gs), length) { break }
            if paren && length == 1 && at(gs) == UInt8(ascii: "0") && shape.groups == 1 && shape.international && !shape.trunk {
                shape.trunk = true
                trunkAdjacent = true
            } else {
                shape.add(p, gs, j, paren: paren)
                if shape.isValid { best = j }
                if !shape.canGrow { break }
                trunkAdjacent = false
            }
            if paren { j += 1 }
            previousParen = paren

            // One separator, then the next group.
            let sepStart = j
            var core: UInt8 = 0
            if at(j) == 0x20 {
                j += 1
                core = 0x20
            }
            let d = at(j)
            if d == UInt8(ascii: "-") || d == UInt8(ascii: ".") || d == UInt8(ascii: "/") {
                core = d
                j += 1
                if at(j) == 0x20 && core != UInt8(ascii: ".") { j += 1 }
            }
            let nextParen = at(j) == UInt8(ascii: "(")
            guard ByteClass.isDigit(at(j)) || (nextParen && ByteClass.isDigit(at(j + 1))) else { break }
            guard j > sepStart || previousParen || nextParen else { break }
            let free = separators == 0 || previousParen || nextParen || trunkAdjacent
            if !free {
                if restSeparator == 0xFF {
                    restSeparator = core
                } else if restSeparator != core {
                    break
                }
            }
            shape.addSeparator(core)
            separators += 1
            if shape.groups >= 8 { break }
        }
        guard best >= 0 else { return (nil, j) }
        let a = at(best)
        let extensionFollows = a == UInt8(ascii: "x") && ByteClass.isDigit(at(best + 1))
        if (ByteClass.isAlnum(a) || a == UInt8(ascii: "_")) && !extensionFollows { return (nil, j) }
        if (a == UInt8(ascii: "-") || a == UInt8(ascii: ".") || a == UInt8(ascii: "/") || a == UInt8(ascii: ","))
            && ByteClass.isDigit(at(best + 1)) {
            return (nil, j)
        }
        return (best, j)
    }
}

extension DetectorScan {
    /// Without '+' or '(' a number starts with a national trunk 0 (at least "0x"), "00", a
    /// North American area code (3 digits, 2–9 first) or its country code "1".
    /// A bare 11–13-digit run may carry its country code without '+' ("447911123456").
    @inline(__always) static func canStartPhone(_ first: UInt8, _ length: Int) -> Bool {
        if first == UInt8(ascii: "0") { return length >= 2 }
        return (length == 3 && first >= UInt8(ascii: "2")) || (length == 1 && first == UInt8(ascii: "1"))
            || (11...13).contains(length)
    }
}

/// What ``DetectorScan`` knows about a phone candidate's groups so far, enough to decide
/// whether they form a valid number. Fixed size: no allocation per candidate.
struct PhoneShape {
    let plus: Bool
    /// The first 16 digits, 4 bits each, the first digit in the lowest bits.
    var digits: UInt64 = 0
    var total = 0
    var groups = 0
    /// Lengths of the first 8 groups, one byte each.
    var lengths: UInt64 = 0
    /// Bit g set when group g (0-based) was in parentheses.
    var parens: UInt8 = 0
    /// Core character of the first 4 separators, one byte each (0 = only a parenthesis).
    var separators: UInt32 = 0
    var separatorCount = 0
    var minLaterLength = Int.max
    /// A "(0)" trunk after the country code was seen (and not counted as a group).
    var trunk = false

    init(plus: Bool) { self.plus = plus }

    /// Written with '+' or "00": a trunk "(0)" may follow the country code.
    var international: Bool { plus || (total >= 2 && digit(0) == 0 && digit(1) == 0) }

    @inline(__always) func digit(_ i: Int) -> Int { i < 16 ? Int((digits >> (4 * UInt64(i))) & 0xF) : -1 }
    @inline(__always) func length(_ g: Int) -> Int { Int((lengths >> (8 * UInt64(g))) & 0xFF) }
    @inline(__always) func separator(_ s: Int) -> UInt8 { UInt8(truncatingIfNeeded: separators >> (8 * UInt32(s))) }

    mutating func add(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, paren: Bool) {
        for k in start..<end where total + (k - start) < 16 {
            digits |= UInt64(p[k] &- 0x30) << (4 * UInt64(total + (k - start)))
        }
        total += end - start
        if groups > 0 { minLaterLength = min(minLaterLength, end - start) }
        if groups < 8 {
            lengths |= UInt64(end - start) << (8 * UInt64(groups))
            if paren { parens |= 1 << UInt8(groups) }
        }
        groups += 1
    }

    mutating func addSeparator(_ core: UInt8) {
        if separatorCount < 4 { separators |= UInt32(core) << (8 * UInt32(separatorCount)) }
        separatorCount += 1
    }

    /// Whether appending more groups could still give a valid number (keeps every candidate
    /// to a few groups: "1 1 1 1 …" stops after its second group).
    var canGrow: Bool {
        if plus { return total < 15 }
        if digit(0) == 0 && digit(1) == 0 { return total < 17 }
        if digit(0) == 0 { return total < 11 && minLaterLength >= 2 }
        // "(64) 3591-3246": a parenthesised area code and up to three local groups.
        if parens & 1 != 0 && (2...4).contains(length(0)) && groups < 4 && total - length(0) < 9 { return true }
        // North American: a prefix of 3-3-4 or 1-3-3-4 short of the last group.
        let countryCode = length(0) == 1 && digit(0) == 1
        guard groups <= (countryCode ? 3 : 2) else { return false }
        for g in 0..<groups where length(g) != (countryCode && g == 0 ? 1 : 3) { return false }
        return true
    }

    var isValid: Bool {
        if plus { return digit(0) != 0 && internationalValid(offset: 0, knownOnly: false) }
        if digit(0) == 0 && digit(1) == 0 { return internationalValid(offset: 2, knownOnly: true) }
        if trunk { return false }
        if digit(0) == 0 {
            if total == 9 { return nationalNineValid }
            guard total == 10 || total == 11 else { return false }
            if groups == 1 { return parens & 1 == 0 }
            return (2...5).contains(length(0)) && minLaterLength >= 2 && !startsLikeDate
        }
        if groups == 1 { return bareInternationalValid }
        return northAmericanValid || parenAreaValid
    }

    /// Digit `i` onwards as a number of `count` digits.
    private func value(_ i: Int, _ count: Int) -> Int {
        var v = 0
        for k in i..<(i + count) { v = v * 10 + digit(k) }
        return v
    }

    /// Whether the four digits from `i` read as a year 1900–2099.
    private func isYear(_ i: Int) -> Bool {
        let century = value(i, 2)
        return century == 19 || century == 20
    }

    /// "05 01 2024 12": day, month and a year, not a trunk-0 number.
    private var startsLikeDate: Bool {
        groups >= 3 && length(0) <= 2 && length(1) <= 2 && length(2) == 4 && isYear(length(0) + length(1))
    }

    /// Nine digits with trunk 0 (Belgian landlines "02 123 45 67", "050 12 34 56"): a first
    /// group of 2–3 digits, at least two more of 2–3 digits, the last of 2. So the BSN
    /// notations 3-3-3 and 4-2-3, the SSN shape 3-2-4 and "06 1234567" are not phones.
    private var nationalNineValid: Bool {
        guard groups >= 3, groups <= 8, (2...3).contains(length(0)), length(groups - 1) == 2 else { return false }
        for g in 1..<groups where !(2...3).contains(length(g)) { return false }
        return true
    }

    /// A parenthesised area code of 2–4 digits (not starting with 0, not a year), then 1–3
    /// local groups of 3–5 digits holding 6–9 digits: "(64) 3591-3246", "(99) 645-791",
    /// "(11) 98765-4321". A local group that reads as a year rejects: "(20) 2024-2025".
    private var parenAreaValid: Bool {
        guard parens == 1, (2...4).contains(length(0)), digit(0) != 0, groups >= 2, groups <= 4 else { return false }
        if length(0) == 4 && isYear(0) { return false }
        guard (6...9).contains(total - length(0)) else { return false }
        var start = length(0)
        for g in 1..<groups {
            let l = length(g)
            guard (3...5).contains(l), !(l == 4 && isYear(start)) else { return false }
            start += l
        }
        return true
    }

    /// One run of 11–13 digits that starts with a country code without '+' or "00": 1, 31,
    /// 32, 33, 34, 39, 41, 44, 46, 49, with that country's national length ("447911123456",
    /// "31612345678", "15551234567" with an exchange code 2–9). A kept trunk 0 after the code
    /// rejects, and so does a 13-digit run that passes the EAN-13 check (a product barcode).
    private var bareInternationalValid: Bool {
        guard groups == 1, parens == 0, (11...13).contains(total) else { return false }
        let code = digit(0) == 1 ? 1 : value(0, 2)
        switch code {
        case 1, 31, 32, 33, 34, 39, 41, 44, 46, 49: break
        default: return false
        }
        let codeLength = code == 1 ? 1 : 2
        guard digit(codeLength) != 0, code != 1 || digit(4) >= 2 else { return false }
        if total == 13 {
            var sum = 0
            for k in 0..<13 { sum += digit(k) * (k % 2 == 0 ? 1 : 3) }
            if sum % 10 == 0 { return false }
        }
        return internationalValid(offset: 0, knownOnly: true)
    }

    /// Country code after `offset`, then the national number's length for known codes.
    private func internationalValid(offset o: Int, knownOnly: Bool) -> Bool {
        let count = total - o
        guard count <= 15, digit(o) > 0 else { return false }
        let codeLength: Int
        let range: ClosedRange<Int>
        if digit(o) == 1 {
            codeLength = 1
            range = 10...10
        } else {
            codeLength = 2
            switch digit(o) * 10 + digit(o + 1) {
            case 31: range = 9...9
            case 32: range = 8...9
            case 33, 34, 41: range = 9...9
            case 39: range = 6...11
            case 44: range = 9...10
            case 45, 47: range = 8...8
            case 46: range = 7...9
            case 49: range = 7...11
            default:
                return !knownOnly && (8...15).contains(count)
            }
        }
        var national = count - codeLength
        var first = o + codeLength
        if digit(first) == 0 && !trunk {   // "+31 06 …": a trunk 0 kept by mistake
            national -= 1
            first += 1
        }
        guard range.contains(national), digit(first) > 0 else { return false }
        return codeLength != 1 || digit(first) >= 2
    }

    /// 3-3-4 ("555-123-4567", "(555) 123-4567") or 1-3-3-4 ("1-555-123-4567").
    private var northAmericanValid: Bool {
        func usual(_ s: UInt8) -> Bool { s == 0x20 || s == UInt8(ascii: "-") || s == UInt8(ascii: ".") }
        if groups == 3 && length(0) == 3 && length(1) == 3 && length(2) == 4 && digit(0) >= 2 {
            if parens & 1 != 0 { return (separator(0) == 0x20 || separator(0) == 0) && usual(separator(1)) }
            return parens == 0 && separator(0) == separator(1) && usual(separator(0))
        }
        if groups == 4 && length(0) == 1 && digit(0) == 1 && length(1) == 3 && length(2) == 3 && length(3) == 4
            && digit(1) >= 2 {
            if parens & 2 != 0 { return usual(separator(2)) }
            return parens == 0 && separator(0) == separator(1) && separator(1) == separator(2) && usual(separator(0))
        }
        return false
    }
}
