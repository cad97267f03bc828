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

    /// 1,000 rules, each citing words that occur only at the end of an 8 MiB guideline file:
    /// every lookup passes over the whole file.
    static var citations: (files: [(path: String, text: String)], guidelines: [String: String]) {
        var text = header + "rules:\n"
        for n in 0..<1_000 {
            text += "  - {id: harassment.r\(n), description: d, guideline: 'code.txt \"\(word(n)) end\"', weight: 0, match: [\(word(n))]}\n"
        }
        let ending = (0..<1_000).map { word($0) + " end" }.joined(separator: " ")
        let guideline = String(repeating: "Be kind to one another. ", count: ((8 << 20) - ending.utf8.count) / 24) + ending
        return ([("harassment.yaml", text)], ["code.txt": guideline])
    }

    static func run() throws {
        print("| rule set | load (CPU) | compile (CPU) | literals | peak RSS |")
        print("|---|---:|---:|---:|---:|")
        let cited = citations
        for set in sets + [(name: "1,000 citations found only at the end of an 8 MiB guideline file", files: cited.files)] {
            let guidelines = set.files[0].text.contains("code.txt") ? cited.guidelines : nil
            let start = HostileTiming.cpuSeconds()
            let (loadedSet, problem) = load(set.files, guidelines: guidelines)
            guard let ruleSet = loadedSet else {
                // The citation scan limit stops the checks: report where, and how long it took.
                print(String(format: "| %@ | %.2f s, then %@ | — | — | %d MB |", set.name,
                             HostileTiming.cpuSeconds() - start, problem, HostileTiming.peakRSS() >> 20))
                continue
            }
            let loaded = HostileTiming.cpuSeconds()
            let compiled = try CompiledRules(ruleSet)
            let done = HostileTiming.cpuSeconds()
            print(String(format: "| %@ | %.2f s | %.2f s | %d | %d MB |", set.name, loaded - start,
                         done - loaded, compiled.literalCount, HostileTiming.peakRSS() >> 20))
        }
    }

    /// The rule set, or nil and the first diagnostic ("line N: message").
    static func load(_ files: [(path: String, text: String)], guidelines: [String: String]?) -> (RuleSet?, String) {
        do {
            return (try RuleSetLoader.load(sources: files, guidelines: guidelines), "")
        } catch {
            return (nil, error.diagnostics.first.map { "an error at line \($0.location.line): \($0.message)" } ?? "an error")
        }
    }
}
