/// Word boundaries over normalized UTF-8 (a simplified UAX #29: letters, marks and digits form
/// words; an apostrophe or period between letters does not break one).
enum WordBoundaries {
    /// Offset of the first byte of the scalar that ends just before `offset`.
    static func scalarStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    static func isWordByte(at offset: Int, in bytes: [UInt8]) -> Bool {
        let b = bytes[offset]
        if b < 0x80 {
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
        }
        guard let scalar = decode(at: offset, in: bytes) else { return false }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    /// True when offset lies between a word character and a non-word character.
    static func isBoundary(at offset: Int, in bytes: [UInt8]) -> Bool {
        let before = isWordByte(at: scalarStart(before: offset, in: bytes), in: bytes)
        let after = offset < bytes.count && isWordByte(at: offset, in: bytes)
        return before != after
    }

    static func decode(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }
}
