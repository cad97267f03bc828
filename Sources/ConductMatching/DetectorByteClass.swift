/// Byte predicates shared by the detectors.
///
/// Every predicate works on one UTF-8 byte; a byte ≥ 0x80 (part of a non-ASCII scalar) is
/// never a letter, digit or separator here, so "€", "£" or a CJK character is a boundary.
/// Positions outside the text read as 0, which every predicate treats as a boundary.
enum ByteClass {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    /// ASCII letter of either case.
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    /// Space, tab, line feed, vertical tab, form feed, carriage return, or 0 (outside the text).
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b &- 9 < 5 || b == 0 }
    /// The ASCII lower-case of a letter; any other byte unchanged.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
    /// A byte that separates tokens: white space or 0.
    @inline(__always) static func isTokenEnd(_ b: UInt8) -> Bool { b <= 0x20 }
    /// Value of a letter in IBAN arithmetic: a = 10 … z = 35.
    @inline(__always) static func letterValue(_ b: UInt8) -> Int { Int((b | 0x20) &- 0x61) + 10 }
}
