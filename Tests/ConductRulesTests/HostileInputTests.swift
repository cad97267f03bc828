import Testing
import Foundation
@testable import ConductRules

/// Rule files built to exhaust time, memory or the stack fail fast with a clear diagnostic.
@Suite struct HostileInputTests {
    /// Nine anchors, each a list of ten aliases of the one before: 10⁹ leaves when expanded.
    static let billionLaughs: String = {
        var text = Load.header + "lol0: &lol0 lol\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            text += "lol\(level): &lol\(level) [\(aliases)]\n"
        }
        return text + "rules: []\n"
    }()

    @Test func billionLaughsFailsOnTheNodeLimit() {
        #expect(Load.diagnostics(Self.billionLaughs) == [
            "selling.yaml:1:1: error: file expands to more than 2000000 YAML nodes (aliases counted at every use); "
                + "the limit is 2000000; remove nested aliases or split the file",
        ])
    }

    @Test func aliasesUnderTheNodeLimitAreFine() {
        let text = Load.header + "rules:\n  - &rule\n    id: selling.one\n    description: d\n    guideline: community-en.txt \"Don't sell\"\n"
            + "    weight: 0\n    match: &words [buy, order]\n  - id: selling.two\n    description: d\n"
            + "    guideline: community-en.txt \"Don't sell\"\n    weight: 0\n    match: *words\n"
        #expect(Load.diagnostics(text) == ["loaded 2 rules"])
    }

    @Test func aliasBombAsAKeyIsRejectedBeforeParsing() {
        let bomb = Self.billionLaughs.replacingOccurrences(of: "rules: []\n", with: "x: {*lol9 : 1}\ny:\n  [*lol9]: 1\nrules: []\n")
        #expect(Load.diagnostics(bomb) == [
            "selling.yaml:14:5: error: alias '*lol9' is used as a mapping key; rule files allow aliases only as values; "
                + "write the key out (a pattern that starts with '*' must be quoted: \"*lol9\")",
            "selling.yaml:16:9: error: a list or mapping is used as a mapping key; keys in rule files are plain names "
                + "(text like '[x]:' inside a string needs rewording)",
        ])
    }

    @Test func tooManyAnchorsAreRejectedBeforeParsing() {
        // A chain of anchors, each nesting the one before, would build a tree too deep to free.
        var text = Load.header + "a0: &a0 [x]\n"
        for n in 1...30 { text += "a\(n): &a\(n) [*a\(n - 1)]\n" }
        #expect(Load.diagnostics(text) == [
            "selling.yaml:24:6: error: too many YAML anchors: this is anchor 21 of the file; the limit is 20; "
                + "write the repeated values out instead of anchoring them",
        ])
    }

    @Test func deepNestingIsAParseError() {
        let text = "category: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        #expect(Load.diagnostics(text) == [
            "selling.yaml:1:12: error: YAML nests deeper than the parser's limit of 1000 levels; rule files need fewer than 10; "
                + "remove the extra brackets or indentation",
        ])
    }

    @Test func nestingUnderTheParserLimitIsATypeError() {
        let text = Load.header + "rules: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900) + "\n"
        #expect(Load.diagnostics(text) == [
            "selling.yaml:4:9: error: each item of 'rules' must be a mapping of 'id', 'description', 'guideline', 'weight', "
                + "'lang', 'match', 'near', 'unless', 'unless_near', 'requires', 'diacritics', 'examples'; found a list",
        ])
    }

    @Test func listsReferringToEachOtherExponentiallyAreCountedNotExpanded() {
        // <l9> stands for 10⁹ words; the loader counts them without building the expansion.
        var lists = "lists:\n  l0: [a, b, c, d, e, f, g, h, i, j]\n"
        for n in 1...7 { lists += "  l\(n): [" + Array(repeating: "<l\(n - 1)>", count: 10).joined(separator: ", ") + "]\n" }
        let text = Load.file(lists: lists, Load.rule("selling.huge", "match: [\"<l7>\"]"))
        #expect(Load.diagnostics(text) == [
            "selling.yaml:18:13: error: patterns add up to more than 1000000 literal words (a list counts all its words at every use); "
                + "the limit is 1000000; share long lists through fewer references or drop rare words",
        ])
    }

    @Test func manyErrorsAreCapped() {
        var limits = RuleLimits.standard
        limits.diagnostics = 3
        let text = Load.file(Load.rule("selling.a", "match: [\"a |\"]"), Load.rule("selling.b", "match: [\"b |\"]"),
                             Load.rule("selling.c", "match: [\"c |\"]"), Load.rule("selling.d", "match: [\"d |\"]"),
                             Load.rule("selling.e", "match: [\"e |\"]"))
        let found = Load.diagnostics(text, limits: limits)
        #expect(found.count == 4)
        #expect(found.last == "selling.yaml:19:13: error: 2 more errors not shown; only the first 3 are reported; fix these and load again")
    }
}
