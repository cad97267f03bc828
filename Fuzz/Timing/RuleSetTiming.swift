import ConductKit
import Foundation

/// Load and compile time, and peak RSS, of rule sets at the size limits: 100,000 distinct
/// literals, one million literal words (one list used a hundred times), 100,000 rules.
enum RuleSetTiming {
    static let syllables = ["ba", "be", "bi", "bo", "bu", "da", "de", "di", "do", "du",
                            "ka", "ke", "ki", "ko", "ku", "ma", "me", "mi", "mo", "mu"]

    /// Distinct eight-letter words without double letters (as in HostileRuleCompileTests).
    static func word(_ n: Int) -> String {
        [1, 20, 400, 8_000].map { syllables[(n / $0) % 20] }.joined()
    }

    static let header = "category: harassment\ndescription: d\nthreshold: { review: 0.5, remove: 0.85 }\n"

    static func rule(_ match: String) -> String {
        "rules:\n  - id: harassment.word\n    description: d\n    guideline: c.txt \"q\"\n    weight: 0.6\n"
            + "    match: [\(match)]\n    examples: { match: [\"⟦\(word(0))⟧\"] }\n"
    }

    static var sets: [(name: String, files: [(path: String, text: String)])] {
        var literals = header + "lists:\n"
        for list in 0..<10 {
            literals += "  l\(list): [" + (0..<10_000).map { word(list * 10_000 + $0) }.joined(separator: ", ") + "]\n"
        }
        literals += rule((0..<10).map { "\"<l\($0)>\"" }.joined(separator: ", "))
        let words = header + "lists:\n  big: [" + (0..<10_000).map { word($0) }.joined(separator: ", ") + "]\n"
            + rule(Array(repeating: "\"<big>\"", count: 100).joined(separator: ", "))
        // Two files of 50,000: one file would pass the 8 MiB file limit.
        var rules: [(path: String, text: String)] = []
        for (half, category) in ["harassment", "selling"].enumerated() {
            var text = header.replacingOccurrences(of: "harassment", with: category) + "rules:\n"
            for n in (half * 50_000)..<(half * 50_000 + 50_000) {
                text += "  - {id: \(category).r\(n), description: d, guideline: 'c.txt \"q\"', weight: 0, match: [\(word(n))]}\n"
            }
            rules.append(("\(category).yaml", text))
        }
        return [("100,000 distinct literals (10 lists of 10,000)", [("harassment.yaml", literals)]),
                ("1,000,000 literal words (a 10,000-word list used 100 times)", [("harassment.yaml", words)]),
                ("100,000 rules of one word each (two files)", rules)]
    }

    static func run() throws {
        print("| rule set | load (CPU) | compile (CPU) | literals | peak RSS |")
        print("|---|---:|---:|---:|---:|")
        for set in sets {
            let start = HostileTiming.cpuSeconds()
            let ruleSet = try RuleSetLoader.load(sources: set.files)
            let loaded = HostileTiming.cpuSeconds()
            let compiled = try CompiledRules(ruleSet)
            let done = HostileTiming.cpuSeconds()
            print(String(format: "| %@ | %.2f s | %.2f s | %d | %d MB |", set.name, loaded - start,
                         done - loaded, compiled.literalCount, HostileTiming.peakRSS() >> 20))
        }
    }
}
