import ConductKit

/// What must hold for every normalization, whatever the bytes: the `normalize` fuzzer checks it
/// on every input it generates, and `swift test` replays the inputs that once broke it
/// (`Tests/ConductKitTests/FuzzCrashers/normalize/`).
///
///     NormalizationProperties.problems(Array("Ｉd\u{200B}iot".utf8))   // [] when all hold
///
/// Cost: two normalizations of the input plus a linear pass over the offset map.
enum NormalizationProperties {
    /// Every property that does not hold for `input` under `options`; empty when all hold.
    /// Idempotence is checked only when `checkIdempotence` (the default pipeline promises it).
    static func problems(_ input: [UInt8], options: NormalizationOptions = .default,
                         checkIdempotence: Bool = true) -> [String] {
        let normalizer = Normalizer(options: options)
        let text = normalizer.normalize(utf8: input)
        var problems: [String] = []
        let count = text.bytes.count
        if text.originalCount != input.count {
            problems.append("originalCount is \(text.originalCount); the input has \(input.count) bytes")
        }
        guard text.originStarts.count == count && text.originEnds.count == count else {
            return problems + ["offset map has \(text.originStarts.count) starts and \(text.originEnds.count) ends for \(count) bytes"]
        }
        if String(validating: text.bytes, as: UTF8.self) == nil {
            problems.append("normalized bytes are not valid UTF-8: \(text.bytes)")
        }
        for i in 0..<count {
            let start = Int(text.originStarts[i]), end = Int(text.originEnds[i])
            if start < 0 || end > input.count || start > end {
                problems.append("byte \(i) maps to \(start)..<\(end), outside 0...\(input.count) or reversed")
                break
            }
            if i > 0 && (start < Int(text.originStarts[i - 1]) || end < Int(text.originEnds[i - 1])) {
                problems.append("offset map decreases at byte \(i): \(text.originStarts[i - 1])..<\(text.originEnds[i - 1]) then \(start)..<\(end)")
                break
            }
        }
        guard problems.isEmpty else { return problems }
        // Word boundaries and span conversion answer for every offset without trapping.
        var wordStart: Int?
        for offset in 0...count {
            if wordStart == nil && text.isWordStart(offset) { wordStart = offset }
            if let begin = wordStart, offset > begin, text.isWordEnd(offset) {
                let span = text.originalSpan(normalizedStart: begin, normalizedEnd: offset)
                if span.start < 0 || span.end > input.count {
                    problems.append("word \(begin)..<\(offset) maps to \(span), outside the input")
                }
                wordStart = nil
            }
        }
        let whole = text.originalSpan(normalizedStart: 0, normalizedEnd: count)
        if whole.start < 0 || whole.end > input.count {
            problems.append("the whole text maps to \(whole), outside 0...\(input.count)")
        }
        if checkIdempotence {
            let again = normalizer.normalize(utf8: text.bytes).bytes
            if again != text.bytes {
                problems.append("not idempotent: \(Self.show(text.bytes)) normalizes again to \(Self.show(again))")
            }
        }
        if let string = String(validating: input, as: UTF8.self), normalizer.normalize(string).bytes != text.bytes {
            problems.append("normalize(String) differs from normalize(utf8:) for the same text")
        }
        return problems
    }

    /// What the fuzzer checks for one input: the default pipeline with idempotence, and the
    /// pipeline its first two bytes select (nine option bits) on the rest of it.
    static func fuzzProblems(_ input: [UInt8]) -> [String] {
        var problems = self.problems(input)
        if input.count >= 2 {
            problems += self.problems(Array(input.dropFirst(2)), options: options(selectedBy: input), checkIdempotence: false)
        }
        return problems
    }

    /// The options a fuzz input's first two bytes select (nine option bits).
    static func options(selectedBy input: [UInt8]) -> NormalizationOptions {
        guard input.count >= 2 else { return .default }
        return NormalizationOptions(rawValue: (UInt32(input[0]) | UInt32(input[1]) << 8) & 0x1FF)
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).debugDescription
    }
}
