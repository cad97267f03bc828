@testable import ConductRules
import Testing

/// Quote lookups in guideline texts: linear in the text and the quote, so a hostile rules
/// folder (a guideline file of 8 MiB of one letter, a citation of that letter 100,000 times
/// and then another) cannot make loading hang; equal to a naive search everywhere.
@Suite("Guideline quote search")
struct GuidelineSearchTests {
    static func naive(_ needle: [UInt8], _ haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - from >= needle.count else { return nil }
        for i in from...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i + needle.count
        }
        return nil
    }

    @Test("finds the first occurrence after the offset, as a naive search does, on random texts")
    func equalsNaive() {
        var state: UInt64 = 9
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var found = 0
        for _ in 0..<20_000 {
            let haystack = (0..<next(40)).map { _ in UInt8(97 + next(3)) }
            let needle = (0..<(1 + next(6))).map { _ in UInt8(97 + next(3)) }
            let from = haystack.isEmpty ? 0 : next(haystack.count + 1)
            let expected = Self.naive(needle, haystack, from: from)
            #expect(GuidelineIndex.find(needle, in: haystack, from: from) == expected, "\(needle) in \(haystack) from \(from)")
            if expected != nil { found += 1 }
        }
        #expect(found > 5_000)
    }

    @Test("one letter 4 MiB long against that letter 100,000 times and another: no hang, not found")
    func repetitive() {
        let text = String(repeating: "a", count: 4 << 20)
        let quote = String(repeating: "a", count: 100_000) + "b"
        let index = GuidelineIndex(["code.txt": text])
        #expect(index.problem(with: Citation(file: "code.txt", quote: quote))?.hasSuffix(
            "do not occur in code.txt; copy the words exactly (case, white space, typographic quotes and dashes do not matter; '…' skips words)") == true)
        #expect(index.problem(with: Citation(file: "code.txt", quote: String(repeating: "a", count: 100_000))) == nil)
    }
}
