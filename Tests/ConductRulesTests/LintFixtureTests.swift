import Testing
import Foundation
@testable import ConductRules

/// Each folder of Fixtures/lint holds broken rule files and `expected.txt`, the exact
/// diagnostics loading the folder must print (paths relative to the folder).
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
