import ConductKit
import ConductRules
import Foundation

/// The answers the benchmarks must get, so that a fast wrong answer fails.
///
/// Workload counts hold for the workload whose `posts.txt` has the recorded digest (the
/// generator is deterministic on this project's machine image) and, for the bundled rules,
/// for the rules with the recorded fingerprint: the bundled rules are being tuned, so after a
/// rule change the benchmark stops and prints the new counts to record here once they are
/// checked (e.g. against `conduct classify` on the same posts).
public enum Expected {
    /// sha256 of the workload's posts.txt (manifest.json).
    public static let postsDigest = "e242b3514767683e966d5baf1494bb32613da605843e0ee226e55cce924054e3"

    /// Flagged posts and hits on all 200,000 posts of posts.txt.
    public struct Counts: Equatable, Sendable, CustomStringConvertible {
        public var flagged: Int
        public var hits: Int
        public init(flagged: Int, hits: Int) {
            self.flagged = flagged
            self.hits = hits
        }
        public var description: String { "\(flagged) flagged posts, \(hits) hits" }
    }

    /// The bundled rules: fingerprint → counts.
    public static let bundled: [String: Counts] = [
        "875366a440b303f6": Counts(flagged: 4676, hits: 8392),
    ]

    /// The converted reference set.
    public static let reference = Counts(flagged: 20587, hits: 46062)

    /// Checks `found` against the expected counts for `name`; stops the benchmark with what to
    /// do when they differ.
    public static func check(_ found: Counts, expected: Counts?, _ name: String, hint: String = "") {
        guard let expected else {
            fatalError("\(name): no expected counts recorded; found \(found). \(hint)")
        }
        precondition(found == expected, "\(name): found \(found), expected \(expected). \(hint)")
    }

    /// Whether the workload on disk is the one the counts were recorded on.
    public static func workloadIsRecorded() -> Bool {
        (try? Workload.postsDigest()) == postsDigest
    }
}

extension RuleSet {
    /// A fingerprint of what the rules match and score (ids, weights, languages, patterns,
    /// contexts, composites, thresholds; not file locations): FNV-1a 64 in hex.
    public var fingerprint: String {
        var text = ""
        for category in categories {
            text += "\(category.name) \(category.thresholds.review) \(category.thresholds.remove)\n"
            for rule in category.rules {
                text += "\(rule.id) \(rule.weight) \(rule.languages) \(rule.diacritics)"
                text += " m:\(rule.patterns.map(\.source)) u:\(rule.unless.map(\.source))"
                if let near = rule.near { text += " n:\(near.any.map(\.source)) \(near.within) \(near.side)" }
                if let near = rule.unlessNear { text += " un:\(near.any.map(\.source)) \(near.within) \(near.side)" }
                if let composite = rule.composite {
                    text += " c:\(composite.atLeast) \(composite.of) \(composite.within.map(String.init) ?? "-")"
                }
                text += "\n"
            }
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
