import ConductKit
import Foundation
import Testing

/// Replays under `swift test` every input that once broke a fuzz target (scripts/fuzz.sh copies
/// them into `FuzzCrashers/<target>/`) and the committed seed corpora (`Fuzz/corpus/<target>/`),
/// checking exactly the properties the fuzzers check (`Fuzz/Properties/`, linked into this
/// target as `FuzzProperties/`). An input named `known-<issue>-…` breaks a property through a
/// bug not fixed yet: it is replayed as a known issue, and once the bug is fixed the replay
/// reports that the issue is gone, so the file can lose its prefix.
@Suite("Fuzz inputs replay")
struct FuzzReplayTests {
    /// The repository's folder (this file is `Tests/ConductKitTests/FuzzReplayTests.swift`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let crashers = Bundle.module.url(forResource: "FuzzCrashers", withExtension: nil)!

    /// Every replayed input of `target`: `crashers/<file>` and `seeds/<file>`.
    static func inputs(_ target: String) -> [String] {
        func files(_ folder: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        }
        return files(crashers.appendingPathComponent(target)).map { "crashers/\($0)" }
            + files(repository.appendingPathComponent("Fuzz/corpus/\(target)")).map { "seeds/\($0)" }
    }

    static func bytes(_ input: String, target: String) throws -> [UInt8] {
        let name = String(input.drop { $0 != "/" }.dropFirst())
        let folder = input.hasPrefix("crashers/") ? crashers.appendingPathComponent(target)
            : repository.appendingPathComponent("Fuzz/corpus/\(target)")
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static let ruleSets = Result { try ClassifyProperties.fuzzRuleSets(repository: repository.path) }

    /// Expects no problems, or records them as a known issue for `known-` inputs.
    static func expectNone(_ problems: [String], input: String) {
        let name = String(input.drop { $0 != "/" }.dropFirst())
        if name.hasPrefix("known-") {
            withKnownIssue(Comment(rawValue: name)) { #expect(problems == []) }
        } else {
            #expect(problems == [])
        }
    }

    @Test("the crasher folders are bundled and the seed corpora are found")
    func foldersExist() {
        for target in ["normalize", "rules", "classify"] {
            #expect(FileManager.default.fileExists(atPath: Self.crashers.appendingPathComponent("\(target)/README.md").path))
        }
        #expect(Self.inputs("normalize").filter { $0.hasPrefix("seeds/") }.count == 13)
        #expect(Self.inputs("rules").filter { $0.hasPrefix("seeds/") }.count == 10)
        #expect(Self.inputs("classify").filter { $0.hasPrefix("seeds/") }.count == 11)
    }

    @Test("normalize: offset map monotonic and in range, idempotent, valid UTF-8", arguments: inputs("normalize"))
    func normalize(_ input: String) throws {
        Self.expectNone(NormalizationProperties.fuzzProblems(try Self.bytes(input, target: "normalize")), input: input)
    }

    @Test("rules: an error with well-formed diagnostics or a rule set that compiles and runs", arguments: inputs("rules"))
    func rules(_ input: String) throws {
        Self.expectNone(RuleLoadingProperties.problems(try Self.bytes(input, target: "rules")), input: input)
    }

    @Test("classify: spans in range and slicing to their text, scores and labels consistent", arguments: inputs("classify"))
    func classify(_ input: String) throws {
        let ruleSets = try Self.ruleSets.get()
        Self.expectNone(ClassifyProperties.fuzzProblems(try Self.bytes(input, target: "classify"), ruleSets: ruleSets), input: input)
    }
}
