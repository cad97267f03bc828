import Foundation
import Testing
@testable import ConductRules

/// Parsing the files on several threads gives the rule set, and the diagnostics in their
/// order, of loading one file after the other.
@Suite("Loading on several threads")
struct ThreadedLoadingTests {
    /// The rules that ship in ConductKit's resources.
    static let bundledFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ConductKit/Rules")

    static func diagnostics(_ sources: [(path: String, text: String)], limits: RuleLimits = .standard,
                            threads: Int) -> [String] {
        do {
            let rules = try RuleSetLoader.load(sources: sources, limits: limits, threads: threads)
            return ["loaded \(rules.rules.count) rules"]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("the bundled rules load to one rule set on 1, 2, 3 and 8 threads", arguments: [2, 3, 8])
    func bundledRules(threads: Int) throws {
        let serial = try RuleSetLoader.load(directory: Self.bundledFolder, threads: 1)
        #expect(serial.categories.count == 5)
        #expect(serial.rules.count > 100)
        let threaded = try RuleSetLoader.load(directory: Self.bundledFolder, threads: threads)
        #expect(threaded == serial)
    }

    /// Six files, given out of order: two that do not parse, two that parse but do not decode,
    /// and two good ones of different sizes, so that every thread gets some of each.
    static let sources: [(path: String, text: String)] = [
        ("unsolicited_dm.yaml", Load.file(Load.rule("unsolicited_dm.a", "match: [dm me]"))
            .replacingOccurrences(of: "category: selling", with: "category: unsolicited_dm")),
        ("harassment.yaml", "category: harassment\nrules: [\n  - id: x\n"),
        ("selling.yaml", Load.file(Load.rule("selling.a"), Load.rule("selling.b", "match: [sell cheap]"),
                                   Load.rule("selling.c", "match: [\"on sale\"]"))),
        ("doxxing.yaml", Load.file(Load.rule("doxxing.a", "weight: 2"))
            .replacingOccurrences(of: "category: selling", with: "category: doxxing")),
        ("defamatory.yaml", "category: defamatory\n  description: {\n"),
        ("lists.yaml", "lists:\n  ok: [a, b]\n  bad: { a: b }\n"),
    ]

    static let quoting = "; quote values that start with '{', '*', '&', '!', '|', '>', '%' or '@'"

    @Test("errors in several files give the serial diagnostics, in order", arguments: [2, 3, 4, 8])
    func diagnosticsInOrder(threads: Int) {
        let serial = Self.diagnostics(Self.sources, threads: 1)
        #expect(serial == [
            "defamatory.yaml:2:14: error: invalid YAML: mapping values are not allowed in this context" + Self.quoting,
            "doxxing.yaml:8:5: error: duplicate key 'weight' in one mapping; each key may appear once, remove or merge the repeats",
            "harassment.yaml:3:3: error: invalid YAML: did not find expected node content (while parsing a flow node at 3:3)"
                + Self.quoting,
            "lists.yaml:3:8: error: list 'bad' must be a string or a list of strings; found a mapping",
        ])
        #expect(Self.diagnostics(Self.sources, threads: threads) == serial)
    }

    @Test("past the diagnostics limit, the same first ones and the same count of the rest", arguments: [2, 4])
    func diagnosticsLimit(threads: Int) {
        var limits = RuleLimits.standard
        limits.diagnostics = 2
        let serial = Self.diagnostics(Self.sources, limits: limits, threads: 1)
        #expect(serial == [
            "defamatory.yaml:2:14: error: invalid YAML: mapping values are not allowed in this context" + Self.quoting,
            "doxxing.yaml:8:5: error: duplicate key 'weight' in one mapping; each key may appear once, remove or merge the repeats",
            "doxxing.yaml:8:5: error: 2 more errors not shown; only the first 2 are reported; fix these and load again",
        ])
        #expect(Self.diagnostics(Self.sources, limits: limits, threads: threads) == serial)
    }

    @Test("good files load the same on more threads than files")
    func moreThreadsThanFiles() {
        let good = [Self.sources[0], Self.sources[2]]
        #expect(Self.diagnostics(good, threads: 1) == ["loaded 4 rules"])
        #expect(Self.diagnostics(good, threads: 16) == ["loaded 4 rules"])
        #expect(Self.diagnostics([], threads: 4) == Self.diagnostics([], threads: 1))
    }
}
