@testable import ConductRules
import Testing

@Suite("A category split over language files")
struct LanguageFileTests {
    @Test("selling.yaml and selling.nl.yaml load as one category, rules in file order")
    func merged() throws {
        let rules = try RuleSetLoader.load(sources: [
            ("Rules/selling.nl.yaml", Load.file(Load.rule("selling.koop_nu"))),
            ("Rules/selling.yaml", Load.file(Load.rule("selling.buy_now"), Load.rule("selling.order_now"))),
        ])
        #expect(rules.categories.map(\.name) == ["selling"])
        #expect(rules.rules.map(\.id.rawValue) == ["selling.koop_nu", "selling.buy_now", "selling.order_now"])
    }

    @Test("the files of one category must agree on its thresholds (files load in path order)")
    func thresholdsAgree() {
        let other = Load.file(Load.rule("selling.koop_nu")).replacingOccurrences(of: "review: 0.5", with: "review: 0.6")
        #expect(Load.diagnostics([("selling.yaml", Load.file(Load.rule("selling.buy_now"))), ("selling.nl.yaml", other)]) == [
            "selling.yaml:1:11: error: category 'selling' has threshold { review: 0.5, remove: 0.85 } here but "
                + "{ review: 0.6, remove: 0.85 } at selling.nl.yaml:1:11; the files of one category share its thresholds",
        ])
    }

    @Test("a language file name has exactly two lower-case letters", arguments: [
        ("selling.en.yaml", true), ("selling.yaml", true), ("selling.eng.yaml", false),
        ("selling.EN.yaml", false), ("selling..yaml", false), ("sellingnl.yaml", false),
    ])
    func fileNames(name: String, valid: Bool) {
        #expect(RuleFileDecoder.isFileName(name, of: "selling") == valid)
    }
}
