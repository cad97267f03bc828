import ConductKit
import ConductRules
import Foundation

/// The rule sets the benchmarks run: the bundled rules, the workload's reference set converted
/// into conduct rules, and synthetic sets of N literal words.
public enum RuleSets {
    /// The rules that ship inside ConductKit.
    public static func bundled() throws -> RuleSet {
        try Classifier.bundled().rules.ruleSet
    }

    /// The reference set (2,000 terms and 50 regexes) as converted by
    /// `scripts/convert-reference-rules.py` into `.workload/reference-rules`.
    public static func reference() throws -> RuleSet {
        let directory = Workload.referenceRules
        guard FileManager.default.fileExists(atPath: directory + "/reference.yaml") else {
            throw WorkloadError(description: "no converted reference rules in \(directory); run Benchmarks/scripts/make-workload.sh")
        }
        return try RuleSetLoader.load(directory: directory)
    }
}

/// A synthetic rule set of `literalCount` distinct made-up words (8–12 consonants, no letter
/// twice in a row, so normalization leaves them as they are and no ordinary post contains
/// them), `literalsPerRule` to a rule, and posts with some of those words planted in them:
/// the expected hits are known without running the classifier.
///
///     let synthetic = SyntheticRules(literalCount: 10_000, literalsPerRule: 1)
///     let planted = synthetic.plant(into: posts, every: 50)   // planted.count hits expected
public struct SyntheticRules: Sendable {
    public let literals: [String]
    public let literalsPerRule: Int

    public init(literalCount: Int, literalsPerRule: Int, seed: UInt64 = 20_261_121) {
        var generator = SplitMix64(seed: seed &+ UInt64(literalCount))
        let consonants = Array("bcdfghjklmnpqrstvwxz")
        var seen = Set<String>()
        var literals: [String] = []
        literals.reserveCapacity(literalCount)
        while literals.count < literalCount {
            let length = 8 + Int(generator.next() % 5)
            var word: [Character] = []
            while word.count < length {
                let letter = consonants[Int(generator.next() % UInt64(consonants.count))]
                if letter != word.last { word.append(letter) }
            }
            let text = String(word)
            if seen.insert(text).inserted { literals.append(text) }
        }
        self.literals = literals
        self.literalsPerRule = literalsPerRule
    }

    /// Number of rules.
    public var ruleCount: Int { (literals.count + literalsPerRule - 1) / literalsPerRule }

    /// The rule file `synthetic.yaml`: one category, each rule with weight 0.9 and one example.
    public var yaml: String {
        var text = """
        category: synthetic
        description: Made-up words, for benchmarks.
        threshold: { review: 0.5, remove: 0.85 }
        rules:

        """
        text.reserveCapacity(literals.count * 40 + ruleCount * 160)
        for rule in 0..<ruleCount {
            let words = literals[(rule * literalsPerRule)..<min(literals.count, (rule + 1) * literalsPerRule)]
            text += "  - id: synthetic.r\(rule)\n"
            text += "    description: made-up words\n"
            text += "    guideline: benchmark.txt \"synthetic\"\n"
            text += "    weight: 0.9\n"
            text += "    match: [\(words.joined(separator: ", "))]\n"
            text += "    examples: { match: [\"⟦\(words.first!)⟧\"] }\n"
        }
        return text
    }

    /// The rule set, through the loader.
    public func ruleSet() throws -> RuleSet {
        try RuleSetLoader.load(sources: [(path: "synthetic.yaml", text: yaml)])
    }

    /// `posts` with a literal appended (after a space) to every `every`-th post, cycling
    /// through the literals; `planted` is the number of posts changed, each of which must get
    /// exactly one hit.
    public func plant(into posts: [[UInt8]], every: Int) -> (posts: [[UInt8]], planted: Int) {
        var result = posts
        var planted = 0
        for index in stride(from: 0, to: posts.count, by: every) {
            let word = literals[(planted &* 7919) % literals.count]
            result[index] += Array(" \(word)".utf8)
            planted += 1
        }
        return (result, planted)
    }
}
