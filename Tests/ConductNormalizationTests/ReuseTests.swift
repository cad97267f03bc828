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

    @Test func longPostsGrowTheBuffers() {
        let post = String(repeating: "ﷺ ﬁ Straße ", count: 5000)
        let text = Normalizer().normalize(post)
        #expect(text.bytes.count == 5000 * 45 - 1)
        #expect(invariantViolations(text, originalCount: post.utf8.count).isEmpty)
    }
}
