import Testing
import Foundation
import ConductMatching
@testable import ConductRules

/// Fixtures/valid loads into exactly this model.
@Suite struct ValidFixtureTests {
    let rules: RuleSet

    init() throws {
        rules = try RuleSetLoader.load(directory: Fixtures.url("valid"), guidelines: Fixtures.url("guidelines"))
    }

    static func at(_ needle: String, _ file: String, after marker: String? = nil) -> ConductRules.SourceLocation {
        Fixtures.location(of: needle, in: "valid/\(file)", after: marker)
    }

    static func pattern(_ source: String, _ elements: [PatternElement], _ file: String = "selling.yaml", after marker: String? = nil) -> Pattern {
        Pattern(source: source, elements: elements, location: at("\"\(source)\"", file, after: marker))
    }

    static func w(_ text: String, _ anchoring: WordAnchoring = .whole) -> PatternElement { .word(text, anchoring) }

    static var expected: RuleSet {
        let buy: PatternElement = .group([[w("buy")], [w("order")], [w("purchase", .prefix)]], optional: false)
        let contact: PatternElement = .group([
            [.group([[w("dm")], [w("pm")]], optional: false), w("me")],
            [buy, w("now")],
        ], optional: false)
        let offer: PatternElement = .group([[w("discount")], [w("deal", .infix)]], optional: false)
        let s = "selling.yaml"
        let discount = Rule(
            id: "selling.discount_code", description: "Discount code or price offer",
            guideline: Citation(file: "community-en.txt", quote: "don’t sell … in community spaces"),
            weight: 0.6, languages: ["en"],
            patterns: [
                pattern("use code *1 today", [w("use"), w("code"), .gap(max: 1), w("today")]),
                pattern("{number} % off", [.detector(.number), w("%"), w("off")]),
                pattern("(limited|special) (time)? <offer>", [
                    .group([[w("limited")], [w("special")]], optional: false),
                    .group([[w("time")]], optional: true),
                    offer,
                ]),
            ],
            near: Context(any: [Pattern(source: "<buy>", elements: [buy], location: at("<buy>", s, after: "near:")),
                                Pattern(source: "checkout", elements: [w("checkout")], location: at("checkout", s))],
                          within: 6, side: .after),
            unless: [pattern("our sales team", [w("our"), w("sales"), w("team")])],
            unlessNear: Context(any: [Pattern(source: "how", elements: [w("how")], location: at("how", s, after: "unless_near:")),
                                      pattern("what is", [w("what"), w("is")])],
                                within: 3, side: .either),
            diacritics: .exact,
            matchExamples: [
                Example(text: "Use code SAVE20 today", spans: [9..<15], location: at("\"Use code", s)),
                Example(text: "Größe 20 % off and special deals", spans: [8..<16, 21..<34], location: at("\"Größe", s)),
            ],
            noMatchExamples: [Example(text: "How do you handle upselling in CX?", spans: [], location: at("\"How do", s))],
            location: at("selling.discount_code", s))
        let callToAction = Rule(
            id: "selling.call_to_action", description: "Push to buy now",
            guideline: Citation(file: "community-en.txt", quote: "develop relationships"),
            weight: 0, languages: [],
            patterns: [Pattern(source: "<contact>", elements: [contact], location: at("<contact>", s))],
            location: at("selling.call_to_action", s))
        let pitch = Rule(
            id: "selling.pitch", description: "A price offer with a push to buy",
            guideline: Citation(file: "community-en.txt", quote: "Don't sell"),
            weight: 0.3, languages: [], patterns: [],
            composite: Composite(atLeast: 2, of: ["selling.discount_code", "selling.call_to_action"], within: 12),
            matchExamples: [Example(text: "DM me for 20 % off", spans: [], location: at("\"DM me", s))],
            location: at("selling.pitch", s))
        let phone = Rule(
            id: "doxxing.phone_of_other", description: "Another person's phone number",
            guideline: Citation(file: "community-en.txt", quote: "personal details ... phone number ... consent"),
            weight: 1, languages: ["nl"],
            patterns: [pattern("(zijn|haar) (nummer|telefoon) *2 {phone}", [
                .group([[w("zijn")], [w("haar")]], optional: false),
                .group([[w("nummer")], [w("telefoon")]], optional: false),
                .gap(max: 2), .detector(.phone),
            ], "doxxing.yaml")],
            matchExamples: [Example(text: "Haar nummer is 0612345678", spans: [15..<25], location: at("\"Haar", "doxxing.yaml"))],
            location: at("doxxing.phone_of_other", "doxxing.yaml"))
        return RuleSet(categories: [
            Category(name: "doxxing", description: "Someone else's personal details.", guideline: nil,
                     thresholds: Thresholds(review: 0.4, remove: 0.4), rules: [phone],
                     file: Fixtures.url("valid/doxxing.yaml").path),
            Category(name: "selling", description: "Promotion of products or services.",
                     guideline: Citation(file: "community-en.txt", quote: "Don't sell products"),
                     thresholds: Thresholds(review: 0.5, remove: 0.85), rules: [discount, callToAction, pitch],
                     file: Fixtures.url("valid/selling.yaml").path),
        ])
    }

    @Test func loadsTheExactModel() {
        let expected = Self.expected
        #expect(rules.categories.map(\.name) == ["selling", "doxxing"])
        for (got, want) in zip(rules.categories, expected.categories) {
            #expect(got.name == want.name)
            #expect(got.description == want.description)
            #expect(got.guideline == want.guideline)
            #expect(got.thresholds == want.thresholds)
            #expect(got.file == want.file)
            #expect(got.rules.count == want.rules.count)
            for (rule, wanted) in zip(got.rules, want.rules) {
                #expect(rule.id == wanted.id)
                #expect(rule.patterns.map(\.elements) == wanted.patterns.map(\.elements))
                #expect(rule.patterns == wanted.patterns)
                #expect(rule.near == wanted.near)
                #expect(rule.unless == wanted.unless)
                #expect(rule.unlessNear == wanted.unlessNear)
                #expect(rule.composite == wanted.composite)
                #expect(rule.matchExamples == wanted.matchExamples)
                #expect(rule.noMatchExamples == wanted.noMatchExamples)
                #expect(rule == wanted)
            }
        }
        #expect(rules == expected)
    }

    @Test func looksUpRulesAndCategories() {
        #expect(rules.rule("selling.pitch")?.composite?.atLeast == 2)
        #expect(rules.rule("selling.nope") == nil)
        #expect(rules.category(of: "doxxing.phone_of_other")?.name == "doxxing")
        #expect(rules.category(named: "selling")?.rules.map(\.id) == ["selling.discount_code", "selling.call_to_action", "selling.pitch"])
        #expect(rules.rules.map(\.id.rawValue) == ["selling.discount_code", "selling.call_to_action", "selling.pitch", "doxxing.phone_of_other"])
        var changed = rules
        changed.categories.removeFirst()
        #expect(changed.rule("selling.pitch") == nil)
        #expect(changed.rule("doxxing.phone_of_other")?.weight == 1)
    }

    @Test func inMemorySourcesLoadTheSameRules() throws {
        let names = ["doxxing.yaml", "lists.yaml", "selling.yaml"]
        let sources = names.map { (path: Fixtures.url("valid/\($0)").path, text: Fixtures.text("valid/\($0)")) }
        #expect(try RuleSetLoader.load(sources: sources, guidelines: Fixtures.guidelines) == rules)
        #expect(try RuleSetLoader.load(sources: sources) == rules)
    }

    @Test func relativeFolderGivesRelativePaths() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let folder = Fixtures.url("valid").path
        try #require(folder.hasPrefix(cwd + "/"))
        let relative = String(folder.dropFirst(cwd.count + 1))
        let loaded = try RuleSetLoader.load(directory: relative)
        #expect(loaded.category(named: "selling")?.file == relative + "/selling.yaml")
    }
}
