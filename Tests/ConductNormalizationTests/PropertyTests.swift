import Testing
@testable import ConductNormalization

/// Seeded random input: the offset map's invariants, spans that map back to exactly the
/// original text that produced them, and idempotence.
@Suite struct PropertyTests {
    static let optionSets: [NormalizationOptions] = [.default, []] + NormalizationOptions.named.map(\.option)
        + NormalizationOptions.named.map { NormalizationOptions.default.subtracting($0.option) }

    @Test func mapInvariantsHoldOnRandomText() {
        var generator = SplitMix64(seed: 20_261_121)
        for round in 0..<3000 {
            let bytes = round % 3 == 0 ? RandomText.bytes(&generator) : Array(RandomText.string(&generator).utf8)
            let options = Self.optionSets[round % Self.optionSets.count]
            let text = Normalizer(options: options).normalize(utf8: bytes)
            let problems = invariantViolations(text, originalCount: bytes.count)
            #expect(problems.isEmpty, "\(bytes) with \(options.names): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    /// With the steps that look at one scalar at a time, each group of output bytes is exactly
    /// what its original bytes normalize to on their own.
    @Test func eachGroupIsTheNormalizationOfItsOriginalBytes() {
        let options: NormalizationOptions = [.replaceInvalidUTF8, .dropIgnorables, .nfkcCasefold, .foldDiacritics]
        let normalizer = Normalizer(options: options)
        var generator = SplitMix64(seed: 99)
        for round in 0..<2000 {
            let bytes = round % 2 == 0 ? RandomText.bytes(&generator) : Array(RandomText.string(&generator).utf8)
            let text = normalizer.normalize(utf8: bytes)
            for group in groups(text) {
                let alone = normalizer.normalize(utf8: Array(bytes[group.start..<group.end])).string
                #expect(alone == group.text, "\(bytes): group \(group) normalizes alone to \(alone.debugDescription)")
            }
        }
    }

    /// With every step, a span of whole groups maps back to the original bytes from the first
    /// group's start to the last group's end, and no other group's bytes fall inside.
    @Test func spansMapBackToExactlyTheirOriginalBytes() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<1000 {
            let bytes = Array(RandomText.string(&generator).utf8)
            let text = Normalizer().normalize(utf8: bytes)
            var boundaries: [Int] = [0]
            var offset = 0
            for group in groups(text) {
                offset += group.text.utf8.count
                boundaries.append(offset)
            }
            guard boundaries.count >= 2 else { continue }
            let a = boundaries[Int.random(in: 0..<boundaries.count - 1, using: &generator)]
            let b = boundaries.filter { $0 > a }.randomElement(using: &generator)!
            let span = text.originalSpan(normalizedStart: a, normalizedEnd: b)
            #expect(span == OriginalSpan(start: Int(text.originStarts[a]), end: Int(text.originEnds[b - 1])))
            for i in 0..<text.bytes.count where i < a || i >= b {
                let inside = Int(text.originStarts[i]) < span.end && Int(text.originEnds[i]) > span.start
                #expect(!inside, "\(bytes): byte \(i) outside \(a)..<\(b) maps into \(span)")
            }
        }
    }

    @Test func idempotentOnRandomText() {
        let normalizer = Normalizer()
        var generator = SplitMix64(seed: 3)
        for _ in 0..<3000 {
            let bytes = RandomText.bytes(&generator)
            let once = normalizer.normalize(utf8: bytes)
            let twice = normalizer.normalize(utf8: once.bytes)
            #expect(twice.bytes == once.bytes, "\(bytes): \(once.string.debugDescription) → \(twice.string.debugDescription)")
            #expect(twice.applied.isEmpty || twice.bytes != once.bytes, "\(once.string.debugDescription) reports \(twice.applied.names)")
        }
    }

    @Test func idempotentOnEveryEvasionForm() {
        let inputs = ["h3ll0 1d10t", "s e l l", "s.e.l.l", "\u{456}d\u{456}ot", "ＩＤＩＯＴ", "id\u{200B}iot", "loooser",
                      "café", "you are \u{430}\u{455}\u{455}", "b!tch a$$", "𝐢𝐝𝐢𝐨𝐭", "e\u{301}cole"]
        for input in inputs {
            let once = normalized(input)
            #expect(normalized(once.string).string == once.string, "\(input)")
        }
    }
}
