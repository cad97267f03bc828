import ConductEvaluation
import ConductKit
import ConductRules
import Testing

@Suite("False-positive mining")
struct CollisionMinerTests {
    static let here = SourceLocation(file: "harassment.yaml", line: 1, column: 1)

    static func rules() throws -> CompiledRules {
        let rule = Rule(id: "harassment.kanker", description: "kanker compounds",
                        guideline: Citation(file: "code.txt", quote: "be kind"), weight: 0.6, languages: [],
                        patterns: [Pattern(source: "*kanker*", elements: [.word("kanker", .infix)], location: here),
                                   Pattern(source: "idiot", elements: [.word("idiot", .whole)], location: here)],
                        location: here)
        let category = Category(name: "harassment", description: "", guideline: nil,
                                thresholds: Thresholds(review: 0.5, remove: 0.85), rules: [rule], file: "harassment.yaml")
        return try CompiledRules(RuleSet(categories: [category]))
    }

    @Test("words hit through wildcards are collisions; the words a rule names are not")
    func mining() throws {
        let miner = CollisionMiner(rules: try Self.rules())
        let collisions = miner.mine(words: ["idiot", "IDIOT", "kanker", "kankeronderzoek", "boek", "zaadbalkanker"])
        #expect(collisions.map(\.description) == [
            "harassment.kanker\tkankeronderzoek\tkankeronderzoek",
            "harassment.kanker\tzaadbalkanker\tzaadbalkanker",
        ])
    }

    @Test("an allowlist accepts listed collisions and requires a reason")
    func allowlist() throws {
        let miner = CollisionMiner(rules: try Self.rules())
        let collisions = miner.mine(words: ["kankeronderzoek", "zaadbalkanker"])
        let allowed = try CollisionAllowlist(text: "# accepted\nkankeronderzoek harassment.kanker  # medical term\nkanker en zo harassment.kanker  # a phrase\n",
                                             path: "collisions.txt")
        #expect(CollisionMiner.unjustified(collisions, allowed: allowed).map(\.word) == ["zaadbalkanker"])
        #expect(throws: CorpusError.self) {
            try CollisionAllowlist(text: "zaadbalkanker harassment.kanker\n", path: "collisions.txt")
        }
        do {
            _ = try CollisionAllowlist(text: "zaadbalkanker harassment.kanker\n", path: "collisions.txt")
        } catch {
            #expect("\(error)" == "collisions.txt:1: error: expected 'word rule.id  # reason', found 'zaadbalkanker harassment.kanker'")
        }
    }
}
