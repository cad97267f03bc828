@testable import ConductRules

/// Builds small rule files in memory and loads them.
enum Load {
    static let header = """
        category: selling
        description: Selling
        threshold: { review: 0.5, remove: 0.85 }

        """

    static func rule(_ id: String, _ extra: String = "match: [buy]") -> String {
        """
          - id: \(id)
            description: A rule
            guideline: community-en.txt "Don't sell"
            weight: 0
            \(extra)

        """
    }

    static func file(lists: String = "", _ rules: String...) -> String {
        header + lists + "rules:\n" + rules.joined()
    }

    /// The diagnostics of loading, one line each, or "loaded N rules".
    static func diagnostics(_ sources: [(path: String, text: String)], guidelines: [String: String]? = nil,
                            limits: RuleLimits = .standard) -> [String] {
        do {
            let rules = try RuleSetLoader.load(sources: sources, guidelines: guidelines, limits: limits)
            return ["loaded \(rules.rules.count) rules"]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func diagnostics(_ text: String, path: String = "selling.yaml", limits: RuleLimits = .standard) -> [String] {
        diagnostics([(path, text)], limits: limits)
    }
}
