import Testing
import Foundation
@testable import ConductRules

/// Every `RuleLimits` bound, lowered so a small file crosses it; the message names the value,
/// the limit and a fix.
@Suite struct LimitTests {
    static func limits(_ change: (inout RuleLimits) -> Void) -> RuleLimits {
        var limits = RuleLimits.standard
        change(&limits)
        return limits
    }

    @Test func standardLimits() {
        let l = RuleLimits.standard
        let values: [Int] = [l.fileBytes, l.yamlNodes, l.yamlAnchors, l.rules, l.patternsPerRule, l.patternBytes, l.groupDepth,
                 l.alternativesPerGroup, l.elementsPerSequence, l.listDepth, l.itemsPerList, l.examplesPerRule,
                 l.exampleBytes, l.literalWords, l.diagnostics]
        #expect(values == [8_388_608, 2_000_000, 20, 100_000, 10_000, 1_000, 8, 1_000, 64, 8, 10_000, 1_000, 10_000, 1_000_000, 1_000])
        let constants: [Int] = [RuleLimits.maxGap, RuleLimits.defaultGap, RuleLimits.maxWithin]
        #expect(constants == [50, 3, 50])
    }

    @Test func fileBytes() {
        let text = Load.file(Load.rule("selling.a"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.fileBytes = 100 }) == [
            "selling.yaml:1:1: error: file is \(text.utf8.count) bytes; the limit is 100 bytes (0 MiB); split it, e.g. move long lists to lists.yaml",
        ])
    }

    @Test func yamlNodes() {
        #expect(Load.diagnostics(Load.file(Load.rule("selling.a")), limits: Self.limits { $0.yamlNodes = 10 }) == [
            "selling.yaml:1:1: error: file expands to more than 10 YAML nodes (aliases counted at every use); the limit is 10; remove nested aliases or split the file",
        ])
    }

    /// Files load in path order: harassment.yaml's rule is the first, selling.yaml's second rule the third.
    @Test func rulesInAllFiles() {
        let first = Load.file(Load.rule("selling.a"), Load.rule("selling.b"))
        let second = Load.file(Load.rule("harassment.c")).replacingOccurrences(of: "category: selling", with: "category: harassment")
        #expect(Load.diagnostics([("selling.yaml", first), ("harassment.yaml", second)], limits: Self.limits { $0.rules = 2 }) == [
            "selling.yaml:10:5: error: too many rules: this is rule 3 of all files; the limit is 2 rules; merge rules with the same meaning into one rule with several patterns",
        ])
        #expect(Load.diagnostics([("selling.yaml", first), ("harassment.yaml", second)], limits: Self.limits { $0.rules = 3 }) == ["loaded 3 rules"])
    }

    @Test func patternsPerRule() {
        let text = Load.file(Load.rule("selling.a", "match: [a, b, c]"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.patternsPerRule = 2 }) == [
            "selling.yaml:9:12: error: 'match' of rule 'selling.a' has 3 patterns; the limit is 2; move alternatives into a list or split the rule",
        ])
    }

    @Test func patternShapeLimitsNameThePattern() {
        let text = Load.file(Load.rule("selling.a", "match: [\"((a))\", \"(a|b|c)\", \"a b c\", \"abcdefgh\"]"))
        let limits = Self.limits {
            $0.groupDepth = 1
            $0.alternativesPerGroup = 2
            $0.elementsPerSequence = 2
            $0.patternBytes = 7
        }
        #expect(Load.diagnostics(text, limits: limits) == [
            "selling.yaml:9:13: error: pattern \"((a))\" of rule 'selling.a': groups nest 2 deep at this '('; the limit is 1; flatten the pattern or move alternatives into a list",
            "selling.yaml:9:22: error: pattern \"(a|b|c)\" of rule 'selling.a': more than 2 alternatives in one group; the limit is 2; move them into a list",
            "selling.yaml:9:33: error: pattern \"a b c\" of rule 'selling.a': more than 2 elements in one sequence; the limit is 2; split the pattern into several patterns",
            "selling.yaml:9:42: error: pattern \"abcdefgh\" of rule 'selling.a': pattern is 8 bytes; the limit is 7 bytes; split it into several patterns or move alternatives into a list",
        ])
    }

    @Test func listDepthFoundThroughResolvedLists() {
        // c and b resolve first; a then nests three lists deep through the memoized <b>.
        let lists = "lists:\n  c: [x]\n  b: [<c>]\n  a: [<b>]\n"
        let text = Load.file(lists: lists, Load.rule("selling.a", "match: [\"<b>\"]"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.listDepth = 2 }) == [
            "selling.yaml:7:3: error: lists nest more than 2 deep: <a> → <b> → <c>; the limit is 2; flatten some of these lists",
        ])
    }

    @Test func listDepthFoundWhileResolving() {
        let lists = "lists:\n  a: [<b>]\n  b: [<c>]\n  c: [x]\n"
        let text = Load.file(lists: lists, Load.rule("selling.a", "match: [\"<b>\"]"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.listDepth = 2 }) == [
            "selling.yaml:6:7: error: item \"<c>\" of list '<b>': lists nest more than 2 deep: <a> → <b> → <c>; the limit is 2; flatten some of these lists",
        ])
    }

    @Test func itemsPerList() {
        let text = Load.file(lists: "lists:\n  a: [x, y, z]\n", Load.rule("selling.a"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.itemsPerList = 2 }) == [
            "selling.yaml:5:3: error: list 'a' has 3 items; the limit is 2; split it into several lists",
        ])
    }

    @Test func examplesPerRuleAndExampleBytes() {
        let text = Load.file(Load.rule("selling.a", "examples: { match: [\"⟦buy⟧\", \"⟦buy⟧ it\"], no_match: [\"a long example\"] }\n    match: [buy]"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.examplesPerRule = 1; $0.exampleBytes = 10 }) == [
            "selling.yaml:9:24: error: 'examples.match' of rule 'selling.a' has 2 examples; the limit is 1; keep the ones that show distinct cases",
            "selling.yaml:9:58: error: example of rule 'selling.a' is 14 bytes; the limit is 10 bytes; shorten it to the words that matter",
        ])
    }

    @Test func literalWords() {
        let text = Load.file(lists: "lists:\n  two: [a, b]\n", Load.rule("selling.a", "match: [\"<two> c\", \"d e\"]"))
        #expect(Load.diagnostics(text, limits: Self.limits { $0.literalWords = 4 }) == [
            "selling.yaml:11:24: error: patterns add up to more than 4 literal words (a list counts all its words at every use); the limit is 4; share long lists through fewer references or drop rare words",
        ])
        #expect(Load.diagnostics(text, limits: Self.limits { $0.literalWords = 5 }) == ["loaded 1 rules"])
    }
}
