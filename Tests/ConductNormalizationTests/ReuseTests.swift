import Testing
@testable import ConductNormalization

/// `normalize(utf8:into:)` reuses a result's storage and gives what `normalize(utf8:)` gives.
@Suite struct ReuseTests {
    @Test func reusedResultEqualsFreshResult() {
        let normalizer = Normalizer()
        var scratch = NormalizedText()
        var generator = SplitMix64(seed: 17)
        for round in 0..<500 {
            let bytes = round % 50 == 0 ? [] : RandomText.bytes(&generator)
            bytes.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &scratch) }
            #expect(scratch == normalizer.normalize(utf8: bytes), "\(bytes)")
        }
    }

    @Test func stringEntryPointsAgree() {
        let normalizer = Normalizer()
        var scratch = NormalizedText()
        normalizer.normalize("Ｈ3LL0 wörld", into: &scratch)
        #expect(scratch == normalizer.normalize(utf8: Array("Ｈ3LL0 wörld".utf8)))
        #expect(scratch.string == "hello world")
    }

    /// Plain ASCII takes the copy of ``NormalizedText/assignASCII(_:count:casefold:)``: a
    /// longer or shorter post after another, and beyond its table of 4,096 offsets.
    @Test func asciiPostsOfEveryLengthReuseTheScratch() {
        let normalizer = Normalizer()
        var scratch = NormalizedText()
        var generator = SplitMix64(seed: 23)
        let sentence = Array("Hello There, how are you today? ".utf8)
        for round in 0..<120 {
            let length = round % 10 == 9 ? 4090 + Int(generator.next() % 20) : Int(generator.next() % 700)
            let bytes = Array((0..<length).map { sentence[$0 % sentence.count] }.drop { $0 == 0x20 })
            let n = bytes.count
            bytes.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &scratch) }
            // Trailing white space is dropped; nothing else changes but the case.
            var kept = n
            while kept > 0 && bytes[kept - 1] == 0x20 { kept -= 1 }
            #expect(scratch.string == String(decoding: bytes[0..<kept], as: UTF8.self).lowercased(), "length \(n)")
            #expect(scratch.originStarts == (0..<Int32(kept)).map { $0 })
            #expect(scratch.originEnds == (0..<Int32(kept)).map { $0 + 1 })
            #expect(scratch.originalCount == n)
            #expect(scratch.applied.contains(.nfkcCasefold) == (n > 0))
        }
    }

    @Test func longPostsGrowTheBuffers() {
        let post = String(repeating: "ﷺ ﬁ Straße ", count: 5000)
        let text = Normalizer().normalize(post)
        #expect(text.bytes.count == 5000 * 45 - 1)
        #expect(invariantViolations(text, originalCount: post.utf8.count).isEmpty)
    }
}
