/// Turns a post — a String or raw UTF-8 bytes, possibly invalid — into ``NormalizedText``.
///
///     let normalizer = Normalizer()
///     let text = normalizer.normalize("Ｕse  code")
///     text.string   // "use code"
///
/// Immutable and `Sendable`: one instance serves any number of threads.
public struct Normalizer: Sendable {
    public let options: NormalizationOptions

    public init(options: NormalizationOptions = .default) {
        self.options = options
    }

    public func normalize(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { normalize(utf8: UnsafeRawBufferPointer($0)) }
    }

    public func normalize(utf8 bytes: [UInt8]) -> NormalizedText {
        bytes.withUnsafeBytes { normalize(utf8: $0) }
    }

    /// Baseline implementation: invalid UTF-8 → U+FFFD, ASCII lower-casing, white space
    /// collapsed. The full pipeline replaces it.
    public func normalize(utf8 input: UnsafeRawBufferPointer) -> NormalizedText {
        var out: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        out.reserveCapacity(input.count)
        starts.reserveCapacity(input.count)
        ends.reserveCapacity(input.count)
        var applied: NormalizationOptions = []
        var i = 0
        var lastWasSpace = false
        while i < input.count {
            let b = input[i]
            if b < 0x80 {
                var c = b
                if c >= 0x41 && c <= 0x5A { c |= 0x20; applied.insert(.nfkcCasefold) }
                let isSpace = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
                if isSpace && options.contains(.collapseWhitespace) {
                    if lastWasSpace {
                        ends[ends.count - 1] = Int32(i + 1)
                        applied.insert(.collapseWhitespace)
                    } else {
                        if c != 0x20 { applied.insert(.collapseWhitespace) }
                        out.append(0x20); starts.append(Int32(i)); ends.append(Int32(i + 1))
                    }
                    lastWasSpace = true
                } else {
                    out.append(c); starts.append(Int32(i)); ends.append(Int32(i + 1))
                    lastWasSpace = false
                }
                i += 1
                continue
            }
            lastWasSpace = false
            let length = Self.validSequenceLength(input, at: i)
            if length == 0 {
                applied.insert(.replaceInvalidUTF8)
                for r in [UInt8(0xEF), 0xBF, 0xBD] { out.append(r); starts.append(Int32(i)); ends.append(Int32(i + 1)) }
                i += 1
            } else {
                for k in 0..<length { out.append(input[i + k]); starts.append(Int32(i)); ends.append(Int32(i + length)) }
                i += length
            }
        }
        return NormalizedText(bytes: out, originStarts: starts, originEnds: ends,
                              originalCount: input.count, applied: applied)
    }

    /// Length of the well-formed UTF-8 sequence at `i`, or 0 when it is ill-formed
    /// (overlong forms, surrogates, truncation and out-of-range lead bytes included).
    static func validSequenceLength(_ s: UnsafeRawBufferPointer, at i: Int) -> Int {
        let b0 = s[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < s.count && s[i + k] >= lo && s[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}
