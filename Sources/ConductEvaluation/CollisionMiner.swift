import ConductKit
import ConductRules
import Foundation

/// Runs every rule over lists of ordinary words and reports the words a rule hits that are not
/// simply the words it names: collisions through wildcards (`*kanker*` in "kankeronderzoek"),
/// detectors, or normalization.
///
///     let miner = CollisionMiner(rules: compiled)
///     let collisions = miner.mine(words: ["kankeronderzoek", "idiot"])
///     collisions.map(\.description)   // ["harassment.kanker_compound\tkankeronderzoek\tkankeronderzoek"]
///
/// Cost: one classification per word (the bundled rules scan ~400,000 words in seconds).
public struct CollisionMiner: Sendable {
    public let rules: CompiledRules
    /// Per rule, the normalized words its patterns name: a hit covering exactly one of them is
    /// intended, not a collision.
    let named: [RuleID: Set<[UInt8]>]

    public init(rules: CompiledRules) {
        self.rules = rules
        var named: [RuleID: Set<[UInt8]>] = [:]
        for rule in rules.ruleSet.rules {
            var words = Set<[UInt8]>()
            for pattern in rule.patterns {
                for word in Self.wholeWords(pattern.elements) { words.insert(rules.normalizer.normalize(word).bytes) }
            }
            named[rule.id] = words
        }
        self.named = named
    }

    /// One word a rule hit unintentionally.
    public struct Collision: Sendable, Hashable, CustomStringConvertible {
        public var rule: RuleID
        public var word: String
        public var match: String
        /// `rule<TAB>word<TAB>match`.
        public var description: String { "\(rule)\t\(word)\t\(match)" }
    }

    /// The collisions among `words`, sorted by rule, then word.
    public func mine(words: [String]) -> [Collision] {
        final class Results: @unchecked Sendable {
            var perChunk: [[Collision]]
            init(count: Int) { perChunk = Array(repeating: [], count: count) }
        }
        let chunk = 2048
        let chunks = (words.count + chunk - 1) / chunk
        let results = Results(count: chunks)
        results.perChunk.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var found: [Collision] = []
                for word in words[(c * chunk)..<min(words.count, (c + 1) * chunk)] {
                    let verdict = rules.classify(word)
                    for hit in verdict.hits {
                        let normalized = rules.normalizer.normalize(word).bytes
                        if hit.match == word && named[hit.rule]?.contains(normalized) == true { continue }
                        found.append(Collision(rule: hit.rule, word: word, match: hit.match))
                    }
                }
                buffer[c] = found
            }
        }
        return Array(Set(results.perChunk.joined())).sorted { ($0.rule, $0.word) < ($1.rule, $1.word) }
    }

    /// Collisions not listed in an allowlist (lines `word rule.id  # why`; a reason is
    /// required).
    public static func unjustified(_ collisions: [Collision], allowed: CollisionAllowlist) -> [Collision] {
        collisions.filter { !allowed.entries.contains(CollisionAllowlist.Entry(word: $0.word, rule: $0.rule)) }
    }

    /// The words a pattern names (with any anchoring), groups included.
    static func wholeWords(_ elements: [PatternElement]) -> [String] {
        var result: [String] = []
        var stack = elements
        while let element = stack.popLast() {
            switch element {
            case .word(let word, _): result.append(word)
            case .group(let alternatives, _): stack.append(contentsOf: alternatives.joined())
            default: break
            }
        }
        return result
    }
}

/// Collisions accepted on purpose, each with its reason:
///
///     # word            rule                          reason
///     kankeronderzoek   harassment.kanker_compound    # …
public struct CollisionAllowlist: Sendable {
    public struct Entry: Hashable, Sendable {
        public var word: String
        public var rule: RuleID
        public init(word: String, rule: RuleID) {
            self.word = word
            self.rule = rule
        }
    }

    public var entries: Set<Entry>

    /// Parses an allowlist; a line without a `# reason` is an error naming the line.
    public init(text: String, path: String) throws {
        var entries = Set<Entry>()
        var problems: [CorpusProblem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: "#", maxSplits: 1)
            let fields = parts[0].split(whereSeparator: { $0 == " " || $0 == "\t" })
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            // The rule id is the last field; the word is everything before it (it may hold spaces:
            // word lists carry idioms such as "spic en span").
            guard fields.count >= 2, !reason.isEmpty else {
                problems.append(CorpusProblem(path: path, line: index + 1,
                                              message: "expected 'word rule.id  # reason', found '\(trimmed)'"))
                continue
            }
            entries.insert(Entry(word: fields.dropLast().joined(separator: " "), rule: RuleID(String(fields.last!))))
        }
        guard problems.isEmpty else { throw CorpusError(problems: problems) }
        self.entries = entries
    }
}
