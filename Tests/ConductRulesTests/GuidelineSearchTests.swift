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

    /// Rules citing `quotes` of code.txt, one rule each.
    static func diagnostics(citing quotes: [String], limit: Int) -> [String] {
        var text = "category: selling\ndescription: Selling\nthreshold: { review: 0.5, remove: 0.85 }\nrules:\n"
        for (n, quote) in quotes.enumerated() {
            text += "  - {id: selling.r\(n), description: d, guideline: 'code.txt \"\(quote)\"', weight: 0, match: [w\(n)]}\n"
        }
        var limits = RuleLimits.standard
        limits.citationScanBytes = limit
        do {
            return ["loaded \(try RuleSetLoader.load(sources: [("selling.yaml", text)], guidelines: ["code.txt": "Be kind. Do not sell. Say hello."], limits: limits).rules.count) rules"]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("citation checks pass over at most citationScanBytes of guideline text together; each distinct citation counts once")
    func scanLimit() {
        #expect(RuleLimits.standard.citationScanBytes == 1_073_741_824)
        // In "be kind. do not sell. say hello." "say hello" ends at byte 31, "do not sell" at 20, "be kind" at 7.
        #expect(Self.diagnostics(citing: ["Say hello", "Do not sell", "Be kind"], limit: 58) == ["loaded 3 rules"])
        #expect(Self.diagnostics(citing: ["Say hello", "Say hello", "Say hello", "Do not sell", "Be kind"], limit: 58) == ["loaded 5 rules"])
        #expect(Self.diagnostics(citing: ["Say hello", "Do not sell", "Be kind"], limit: 57) == [
            "selling.yaml:7:49: error: checking the citations passed over 58 bytes of guideline text by this one (citation 3 of the distinct ones); "
                + "the limit is 57 bytes; cite fewer distinct passages, or passages nearer the start of shorter guideline files",
        ])
    }
}
