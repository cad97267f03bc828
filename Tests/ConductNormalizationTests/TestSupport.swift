@testable import ConductNormalization

/// Consecutive normalized bytes that share one original range: the readable form of an
/// offset map ("idiot" from 3..<8 reads `Group("idiot", 3, 8)`).
struct Group: Equatable, CustomStringConvertible {
    let text: String
    let start: Int
    let end: Int
    init(_ text: String, _ start: Int, _ end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
    var description: String { "\(text.debugDescription)@\(start)..<\(end)" }
}

/// The offset map of `text` as groups.
func groups(_ text: NormalizedText) -> [Group] {
    var result: [Group] = []
    var i = 0
    while i < text.bytes.count {
        var j = i + 1
        while j < text.bytes.count && text.originStarts[j] == text.originStarts[i] && text.originEnds[j] == text.originEnds[i] {
            j += 1
        }
        result.append(Group(String(decoding: text.bytes[i..<j], as: UTF8.self),
                            Int(text.originStarts[i]), Int(text.originEnds[i])))
        i = j
    }
    return result
}

/// Normalizes with `options` (default: every step).
func normalized(_ text: String, _ options: NormalizationOptions = .default) -> NormalizedText {
    Normalizer(options: options).normalize(text)
}

/// Violations of the offset-map invariants documented on ``NormalizedText``.
func invariantViolations(_ text: NormalizedText, originalCount: Int) -> [String] {
    var problems: [String] = []
    let n = text.bytes.count
    if text.originStarts.count != n || text.originEnds.count != n { return ["map length differs from byte count"] }
    if text.originalCount != originalCount { problems.append("originalCount \(text.originalCount) != \(originalCount)") }
    if String(validating: text.bytes, as: UTF8.self) == nil { problems.append("output is not valid UTF-8") }
    for i in 0..<n {
        let s = Int(text.originStarts[i])
        let e = Int(text.originEnds[i])
        if !(0 <= s && s < e && e <= originalCount) { problems.append("byte \(i): range \(s)..<\(e) outside 0..<\(originalCount) or empty") }
        if i > 0 {
            let ps = Int(text.originStarts[i - 1])
            let pe = Int(text.originEnds[i - 1])
            if s < ps || e < pe { problems.append("byte \(i): map not monotonic (\(ps)..<\(pe) then \(s)..<\(e))") }
            if !(s == ps && e == pe) && s < pe { problems.append("byte \(i): range \(s)..<\(e) overlaps \(ps)..<\(pe)") }
        }
        if problems.count > 5 { break }
    }
    return problems
}

/// A small deterministic generator (SplitMix64) for seeded property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text that exercises every step: ASCII words, leet, spaced letters, repeats, accents
/// (precomposed and NFD), combining marks, ignorables, fullwidth and mathematical letters,
/// Cyrillic and Greek, CJK, Hangul jamo, emoji with ZWJ and modifiers, Hebrew and Arabic,
/// unusual white space, and (in `randomBytes`) ill-formed UTF-8.
enum RandomText {
    static let pieces: [String] = [
        "a", "b", "e", "i", "o", "s", "t", "l", "x", "A", "E", "S", "Z", "0", "1", "3", "4", "5", "7", "9", "@", "$", "!",
        " ", " ", " ", "  ", "\t", "\n", ".", "-", "_", "*", ",", "'", ":", "/", "?",
        "é", "ë", "ñ", "ß", "ø", "æ", "\u{301}", "\u{308}", "\u{323}", "\u{20E3}", "e\u{301}", "o\u{308}\u{304}",
        "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{FE0F}", "\u{202E}", "\u{E0041}",
        "Ａ", "ｂ", "１", "𝐢", "𝕠", "ⓘ", "ﬁ", "ǆ", "㎏", "ﷺ", "¨", "´",
        "а", "е", "і", "о", "с", "р", "ѕ", "д", "Ж", "α", "ο", "Σ", "ς", "ι",
        "中", "文", "カ", "タ", "ひ", "한", "\u{1100}", "\u{1161}", "\u{11A8}",
        "👍", "👨", "\u{1F3FD}", "🇳🇱", "❤️", "שלום", "مرحبا", "\u{00A0}", "\u{2028}", "\u{3000}", "\u{85}",
        "hello", "idiot", "sell", "good", "loooser", "h3ll0", "s e l l", "f.u.c.k", "save20", "0612345678",
    ]

    static func string<G: RandomNumberGenerator>(_ generator: inout G, maxPieces: Int = 24) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func bytes<G: RandomNumberGenerator>(_ generator: inout G) -> [UInt8] {
        var bytes = Array(string(&generator).utf8)
        let junk: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0x80], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            let at = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: junk.randomElement(using: &generator)!, at: at)
        }
        return bytes
    }
}
