import Foundation
import Testing
@testable import ConductRules

/// Hostile or careless rule files at the standard limits: every limit exactly at its value
/// loads, one past it fails with a message naming the value and the limit; alias bombs stop at
/// the node limit; duplicate ids, unknown keys and wrong types at scale. (`LimitTests` lowers
/// each limit to cross it with small files; these use the values `Rules/README.md` documents.)
@Suite("Hostile rule files at the standard limits")
struct HostileRuleFileTests {
    static let limits = RuleLimits.standard

    /// Diagnostics of one rule `selling.a` with `extra` as its fifth line (line 9 of the file).
    static func rule(_ extra: String, lists: String = "") -> [String] {
        Load.diagnostics(Load.file(lists: lists, Load.rule("selling.a", extra)))
    }

    static func pattern(_ text: String) -> [String] { rule("match: [\"\(text)\"]") }

    static func nested(_ depth: Int) -> String {
        String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
    }

    @Test("groups nest 8 deep, not 9")
    func groupDepth() {
        #expect(Self.limits.groupDepth == 8)
        #expect(Self.pattern(Self.nested(8)) == ["loaded 1 rules"])
        #expect(Self.pattern(Self.nested(9)) == [
            "selling.yaml:9:13: error: pattern \"\(Self.nested(9))\" of rule 'selling.a': groups nest 9 deep at this '('; "
                + "the limit is 8; flatten the pattern or move alternatives into a list",
        ])
    }

    @Test("a sequence holds 64 elements, not 65")
    func elementsPerSequence() {
        let words = { (count: Int) in Array(repeating: "w", count: count).joined(separator: " ") }
        #expect(Self.pattern(words(64)) == ["loaded 1 rules"])
        #expect(Self.pattern(words(65)) == [
            "selling.yaml:9:13: error: pattern \"\(words(65))\" of rule 'selling.a': more than 64 elements in one sequence; "
                + "the limit is 64; split the pattern into several patterns",
        ])
    }

    /// 1,000 bytes hold at most 499 alternatives, so the byte limit binds long before the
    /// 1,000-alternative limit can.
    @Test("a pattern is 1,000 bytes, not 1,001; the most alternatives that fit are 499")
    func patternBytes() {
        let word = String(repeating: "x", count: 1_000)
        #expect(Self.pattern(word) == ["loaded 1 rules"])
        #expect(Self.pattern(word + "y") == [
            "selling.yaml:9:13: error: pattern \"\(word)y\" of rule 'selling.a': pattern is 1001 bytes; the limit is 1000 bytes; "
                + "split it into several patterns or move alternatives into a list",
        ])
        let alternatives = { (count: Int) in "(" + Array(repeating: "a", count: count).joined(separator: "|") + ")" }
        #expect(alternatives(499).utf8.count == 999)
        #expect(Self.pattern(alternatives(499)) == ["loaded 1 rules"])
        #expect(Self.pattern(alternatives(500)) == [
            "selling.yaml:9:13: error: pattern \"\(alternatives(500))\" of rule 'selling.a': pattern is 1001 bytes; "
                + "the limit is 1000 bytes; split it into several patterns or move alternatives into a list",
        ])
    }

    @Test("gaps span 1 to 50 words; within is 1 to 50 words")
    func gapsAndWithin() {
        #expect(Self.pattern("buy *50 now") == ["loaded 1 rules"])
        for gap in ["*51", "*0", "*999999999999"] {
            #expect(Self.pattern("buy \(gap) now") == [
                "selling.yaml:9:13: error: pattern \"buy \(gap) now\" of rule 'selling.a': gap '\(gap)' is out of range; "
                    + "a gap spans 1 to 50 words, e.g. '*6'",
            ])
        }
        #expect(Self.rule("match: [buy]\n    near: { any: [now], within: 50 }") == ["loaded 1 rules"])
        #expect(Self.rule("match: [buy]\n    near: { any: [now], within: 51 }") == [
            "selling.yaml:10:33: error: 'near.within' of rule 'selling.a' is 51; it must be from 1 to 50 words",
        ])
    }

    /// `a1` refers to `a2` … refers to `a<depth>`, which holds a word.
    static func chain(_ depth: Int) -> String {
        "lists:\n" + (1..<depth).map { "  a\($0): [<a\($0 + 1)>]\n" }.joined() + "  a\(depth): [x]\n"
    }

    @Test("lists nest 8 deep, not 9")
    func listDepth() {
        #expect(Self.rule("match: [\"<a1>\"]", lists: Self.chain(8)) == ["loaded 1 rules"])
        let path = (1...9).map { "<a\($0)>" }.joined(separator: " → ")
        #expect(Self.rule("match: [\"<a1>\"]", lists: Self.chain(9)) == [
            "selling.yaml:12:8: error: item \"<a9>\" of list '<a8>': lists nest more than 8 deep: \(path); the limit is 8; "
                + "flatten some of these lists",
        ])
    }

    static func list(_ count: Int) -> String {
        "lists:\n  big: [" + (0..<count).map { "w\($0)" }.joined(separator: ", ") + "]\n"
    }

    @Test("a list holds 10,000 items, not 10,001")
    func itemsPerList() {
        #expect(Self.rule("match: [\"<big>\"]", lists: Self.list(10_000)) == ["loaded 1 rules"])
        let over = Self.rule("match: [\"<big>\"]", lists: Self.list(10_001))
        // Reported once: the rule using the list is not also told the list is unknown.
        #expect(over == ["selling.yaml:5:3: error: list 'big' has 10001 items; the limit is 10000; split it into several lists"])
    }

    @Test("a list reported as wrong is reported once, not again as unknown where it is used")
    func rejectedListsReportedOnce() {
        #expect(Self.rule("match: [\"<empty>\", \"buy <empty>\"]", lists: "lists:\n  empty: []\n") == [
            "selling.yaml:5:3: error: list 'empty' is empty; give it at least one item or remove it",
        ])
        #expect(Self.rule("match: [\"<odd>\"]", lists: "lists:\n  odd: [buy, {a: 1}]\n") == [
            "selling.yaml:5:14: error: each item of list 'odd' must be a string; found a mapping",
        ])
        // A list that uses a rejected list is not reported either: the first error says it all.
        #expect(Self.rule("match: [\"<outer>\"]", lists: "lists:\n  outer: [\"now <big>\"]\n" + Self.list(10_001).dropFirst(7)) == [
            "selling.yaml:6:3: error: list 'big' has 10001 items; the limit is 10000; split it into several lists",
        ])
        // Unknown lists are still unknown.
        #expect(Self.rule("match: [\"<gone>\"]", lists: "lists:\n  empty: []\n") == [
            "selling.yaml:5:3: error: list 'empty' is empty; give it at least one item or remove it",
            "selling.yaml:11:13: error: pattern \"<gone>\" of rule 'selling.a': unknown list '<gone>'; "
                + "define it under 'lists:' in this file or in lists.yaml",
        ])
    }

    static func patterns(_ count: Int) -> String {
        "match: [" + (0..<count).map { "p\($0)" }.joined(separator: ", ") + "]"
    }

    @Test("a rule has 10,000 patterns per key, not 10,001")
    func patternsPerRule() {
        #expect(Self.rule(Self.patterns(10_000)) == ["loaded 1 rules"])
        #expect(Self.rule(Self.patterns(10_001)) == [
            "selling.yaml:9:12: error: 'match' of rule 'selling.a' has 10001 patterns; the limit is 10000; "
                + "move alternatives into a list or split the rule",
        ])
    }

    /// `count` match examples of `bytes` UTF-8 bytes each: "⟦buy⟧" (9 bytes) and spaces.
    static func examples(_ count: Int, bytes: Int = 9) -> String {
        let example = "\"⟦buy⟧" + String(repeating: " ", count: bytes - 9) + "\""
        return "match: [buy]\n    examples:\n      match: [" + Array(repeating: example, count: count).joined(separator: ", ") + "]"
    }

    @Test("a rule has 1,000 examples, not 1,001; an example is 10,000 bytes, not 10,001")
    func examples() {
        #expect(Self.rule(Self.examples(1_000)) == ["loaded 1 rules"])
        #expect(Self.rule(Self.examples(1, bytes: 10_000)) == ["loaded 1 rules"])
        #expect(Self.rule(Self.examples(1_001)) == [
            "selling.yaml:11:14: error: 'examples.match' of rule 'selling.a' has 1001 examples; the limit is 1000; "
                + "keep the ones that show distinct cases",
        ])
        #expect(Self.rule(Self.examples(1, bytes: 10_001)) == [
            "selling.yaml:11:15: error: example of rule 'selling.a' is 10001 bytes; the limit is 10000 bytes; "
                + "shorten it to the words that matter",
        ])
    }

    /// A list of 10,000 words referred to `references` times, plus `extra` single words.
    static func literalWords(references: Int, extra: Int) -> String {
        let uses = Array(repeating: "\"<big>\"", count: references) + (0..<extra).map { "x\($0)" }
        return Load.file(lists: list(10_000), Load.rule("selling.a", "match: [" + uses.joined(separator: ", ") + "]"))
    }

    @Test("patterns add up to 1,000,000 literal words, not 1,000,001")
    func literalWords() {
        #expect(Load.diagnostics(Self.literalWords(references: 100, extra: 0)) == ["loaded 1 rules"])
        let text = Self.literalWords(references: 100, extra: 1)
        let column = text.split(separator: "\n")[10].utf8.count - 2
        #expect(Load.diagnostics(text) == [
            "selling.yaml:11:\(column): error: patterns add up to more than 1000000 literal words (a list counts all its words at every use); "
                + "the limit is 1000000; share long lists through fewer references or drop rare words",
        ])
    }

    @Test("a rule file is 8 MiB, not one byte more")
    func fileBytes() {
        let rules = Load.file(Load.rule("selling.a"))
        let padding = { (total: Int) in "#" + String(repeating: "x", count: total - rules.utf8.count - 2) + "\n" }
        #expect(Load.diagnostics(rules + padding(8 << 20)) == ["loaded 1 rules"])
        #expect(Load.diagnostics(rules + padding((8 << 20) + 1)) == [
            "selling.yaml:1:1: error: file is 8388609 bytes; the limit is 8388608 bytes (8 MiB); split it, e.g. move long lists to lists.yaml",
        ])
    }

    /// 13 nodes of header and `rules`, 1,999 copies of a 1,000-node list (one anchored, the
    /// rest aliases), then `scalars` one-node items: 2,000,000 nodes with 987 scalars.
    static func nodes(scalars: Int) -> String {
        let anchored = "&a [" + Array(repeating: "w", count: 999).joined(separator: ", ") + "]"
        let items = [anchored] + Array(repeating: "*a", count: 1_998) + Array(repeating: "x", count: scalars)
        return Load.header + "rules: [" + items.joined(separator: ", ") + "]\n"
    }

    @Test("a file expands to 2,000,000 YAML nodes, not 2,000,001; diagnostics stop at 1,000")
    func yamlNodes() {
        let atLimit = Load.diagnostics(Self.nodes(scalars: 987))
        // Under the node limit the file reaches the schema check: 2,986 wrong items, 1,000 reported.
        #expect(atLimit.count == 1_001)
        #expect(atLimit.first == "selling.yaml:4:9: error: each item of 'rules' must be a mapping of 'id', 'description', 'guideline', "
            + "'weight', 'lang', 'match', 'near', 'unless', 'unless_near', 'requires', 'diacritics', 'examples'; found a list")
        #expect(atLimit.last?.hasSuffix("error: 1986 more errors not shown; only the first 1000 are reported; fix these and load again") == true)
        #expect(Load.diagnostics(Self.nodes(scalars: 988)) == [
            "selling.yaml:1:1: error: file expands to more than 2000000 YAML nodes (aliases counted at every use); "
                + "the limit is 2000000; remove nested aliases or split the file",
        ])
    }

    @Test("an alias bomb with the most anchors allowed (20, each ten aliases of the last) stops at the node limit")
    func aliasBombAtTheAnchorLimit() {
        var text = Load.header + "rules: []\nlists:\n  l0: &l0 [lol]\n"
        for level in 1..<20 {
            text += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(Load.diagnostics(text) == [
            "selling.yaml:1:1: error: file expands to more than 2000000 YAML nodes (aliases counted at every use); "
                + "the limit is 2000000; remove nested aliases or split the file",
        ])
    }

    /// `count` rules in flow style, `selling.r0` … in selling.yaml, then harassment.yaml.
    static func manyRules(_ count: Int, duplicateLast: Bool = false) -> [(path: String, text: String)] {
        func file(_ category: String, _ range: Range<Int>, duplicate: Bool) -> String {
            var text = "category: \(category)\ndescription: d\nthreshold: { review: 0.5, remove: 0.85 }\nrules:\n"
            for n in range {
                let id = duplicate && n == range.upperBound - 1 ? "\(category).r\(range.lowerBound)" : "\(category).r\(n)"
                text += "  - {id: \(id), description: d, guideline: 'c.txt \"q\"', weight: 0, match: [w\(n)]}\n"
            }
            return text
        }
        let half = count / 2
        return [("harassment.yaml", file("harassment", 0..<half, duplicate: false)),
                ("selling.yaml", file("selling", half..<count, duplicate: duplicateLast))]
    }

    @Test("100,000 rules in all files load")
    func rulesAtTheLimit() throws {
        #expect(Load.diagnostics(Self.manyRules(100_000)) == ["loaded 100000 rules"])
    }

    @Test("rule 100,001 is named with the limit")
    func rulesOverTheLimit() throws {
        #expect(Load.diagnostics(Self.manyRules(100_001)) == [
            "selling.yaml:50005:5: error: too many rules: this is rule 100001 of all files; the limit is 100000 rules; "
                + "merge rules with the same meaning into one rule with several patterns",
        ])
    }

    @Test("a duplicate id among 20,000 rules is found and points to the first definition")
    func duplicateIDAtScale() {
        #expect(Load.diagnostics(Self.manyRules(20_000, duplicateLast: true)) == [
            "selling.yaml:10004:10: error: duplicate rule id 'selling.r10000'; it is already defined at selling.yaml:5:10; "
                + "rule ids are unique across all files, rename one",
        ])
    }
}
