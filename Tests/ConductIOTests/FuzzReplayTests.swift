import ConductIO
import Foundation
import Testing

/// Replays under `swift test` every input that once broke the `jsonline` fuzz target
/// (scripts/fuzz.sh copies them into `FuzzCrashers/jsonline/`) and the committed seed corpus
/// (`Fuzz/corpus/jsonline/`), checking exactly the properties the fuzzer checks
/// (`Fuzz/Properties/JSONLineProperties.swift`, linked into this target).
@Suite("Fuzz inputs replay")
struct FuzzReplayTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let crashers = Bundle.module.url(forResource: "FuzzCrashers", withExtension: nil)!.appendingPathComponent("jsonline")
    static let seeds = repository.appendingPathComponent("Fuzz/corpus/jsonline")

    static func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    static let inputs = files(crashers).map { "crashers/\($0)" } + files(seeds).map { "seeds/\($0)" }

    @Test("the crasher folder is bundled and the seed corpus is found")
    func foldersExist() {
        #expect(FileManager.default.fileExists(atPath: Self.crashers.appendingPathComponent("README.md").path))
        #expect(Self.inputs.filter { $0.hasPrefix("seeds/") }.count == 12)
    }

    @Test("jsonline: an error inside the line or fields that round-trip; lines read exactly", arguments: inputs)
    func jsonline(_ input: String) throws {
        let name = String(input.drop { $0 != "/" }.dropFirst())
        let bytes = Array(try Data(contentsOf: (input.hasPrefix("crashers/") ? Self.crashers : Self.seeds).appendingPathComponent(name)))
        let problems = JSONLineProperties.fuzzProblems(bytes, reusing: JSONLineParser())
        if name.hasPrefix("known-") {
            withKnownIssue(Comment(rawValue: name)) { #expect(problems == []) }
        } else {
            #expect(problems == [])
        }
    }
}
