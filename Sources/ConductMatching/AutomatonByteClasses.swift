/// Equivalence classes of bytes over a set of literals: two bytes share a class when no
/// literal can tell them apart, so every transition table needs one column per class instead
/// of one per byte.
///
///     let classes = AutomatonByteClasses(literalBytes: Array("abba".utf8))
///     classes.count        // 3: {every byte but a and b}, {a}, {b}
///     classes.map[0x61]    // 1
///
/// Every byte that occurs in no literal falls in class 0 (it can only lead back to the start
/// of the automaton or stay on a failure path). Each byte that occurs in some literal gets a
/// class of its own, numbered 1, 2, … in increasing byte order. When all 256 byte values occur,
/// class `b` is byte `b` and there are exactly 256 classes, so a class always fits a `UInt8`.
/// Cost: one pass over the literal bytes; 256 bytes of storage.
@usableFromInline
struct AutomatonByteClasses: Sendable {
    /// `map[b]` is the class of byte `b`; always 256 entries, every value `< count`.
    @usableFromInline let map: [UInt8]
    /// Number of classes, 1...256.
    @usableFromInline let count: Int

    init(literalBytes: [UInt8]) {
        var used = [Bool](repeating: false, count: 256)
        for byte in literalBytes { used[Int(byte)] = true }
        let usedCount = used.lazy.filter { $0 }.count
        var map = [UInt8](repeating: 0, count: 256)
        if usedCount == 256 {
            for byte in 0..<256 { map[byte] = UInt8(byte) }
            count = 256
        } else {
            var next = 1
            for byte in 0..<256 where used[byte] {
                map[byte] = UInt8(next)
                next += 1
            }
            count = next
        }
        self.map = map
    }
}
