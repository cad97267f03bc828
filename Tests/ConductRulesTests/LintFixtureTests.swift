import Testing
import Foundation
@testable import ConductRules

/// Each folder of Fixtures/lint holds broken rule files and `expected.txt`, the exact
/// diagnostics loading the folder must print (paths relative to the folder).
/// `CONDUCT_WRITE_EXPECTED=1 swift test --filter LintFixtureTests` rewrites the files from the
/// current output; review the diff line by line before committing it.
@Suite struct LintFixtureTests {
    static let cases = ["schema", "references", "guidelines", "yaml"]

    static func diagnostics(of name: String) -> String {
        let folder = Fixtures.url("lint/\(name)")
        do {
            let rules = try RuleSetLoader.load(directory: folder, guidelines: Fixtures.url("guidelines"))
            return "loaded \(rules.rules.count) rules\n"
        } catch {
            return error.description.replacingOccurrences(of: folder.path + "/", with: "") + "\n"
        }
    }

    @Test(arguments: cases)
    func printsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let actual = Self.diagnostics(of: name)
        let expected = Fixtures.text("lint/\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["CONDUCT_WRITE_EXPECTED"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/lint/\(name)/expected.txt")
            try actual.write(to: source, atomically: true, encoding: .utf8)
        }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, (a, e)) in zip(actualLines, expectedLines).enumerated() {
            #expect(a == e, "line \(n + 1) of \(name)/expected.txt")
        }
        #expect(actualLines.count == expectedLines.count)
    }
}

@Suite struct CategoryNameTests {
    @Test func typoOfAStandardCategoryIsAnError() {
        let text = Load.file(Load.rule("seling.a")).replacingOccurrences(of: "category: selling", with: "category: seling")
        #expect(Load.diagnostics(text, path: "seling.yaml") == [
            "seling.yaml:1:11: error: category 'seling' is not a standard category; did you mean 'selling'? "
                + "(a new category needs a name unlike the standard ones: harassment, selling, unsolicited_dm, doxxing, defamatory)",
        ])
    }

    @Test func aNewCategoryLoadsAfterTheStandardOnes() throws {
        let spam = Load.file(Load.rule("spam.a")).replacingOccurrences(of: "category: selling", with: "category: spam")
        let selling = Load.file(Load.rule("selling.a"))
        let rules = try RuleSetLoader.load(sources: [("spam.yaml", spam), ("selling.yaml", selling)])
        #expect(rules.categories.map(\.name) == ["selling", "spam"])
    }
}
