import Testing
import Foundation
@testable import ConductRules

/// Loading from folders: unreadable, oversized and non-UTF-8 files, missing folders.
@Suite final class FileLoadingTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "conduct-rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
    }

    func diagnostics(guidelines: String? = nil, limits: RuleLimits = .standard) -> [String] {
        do {
            let rules = try RuleSetLoader.load(directory: folder, guidelines: guidelines, limits: limits)
            return ["loaded \(rules.rules.count) rules"]
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "DIR") }
        }
    }

    @Test func loadsOnlyYAMLFilesOfTheFolder() throws {
        try write("selling.yaml", Load.file(Load.rule("selling.a")))
        try write("notes.txt", "not a rule file")
        try write(".hidden.yaml", "not: [valid")
        try FileManager.default.createDirectory(atPath: "\(folder)/sub", withIntermediateDirectories: true)
        try write("sub/other.yaml", "not: [valid")
        #expect(diagnostics() == ["loaded 1 rules"])
    }

    @Test func unreadableFileNamesThePathAndTheReason() throws {
        try write("selling.yaml", Load.file(Load.rule("selling.a")))
        try FileManager.default.createDirectory(atPath: "\(folder)/harassment.yaml", withIntermediateDirectories: true)
        #expect(diagnostics() == ["DIR/harassment.yaml:1:1: error: cannot read DIR/harassment.yaml: Is a directory"])
    }

    @Test func invalidUTF8IsReportedWithItsOffset() throws {
        try Data([0x63, 0x61, 0x74, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: "\(folder)/selling.yaml"))
        #expect(diagnostics() == ["DIR/selling.yaml:1:1: error: DIR/selling.yaml is not valid UTF-8 (first bad byte at offset 3); save it as UTF-8"])
    }

    @Test func oversizedFileIsNotRead() throws {
        try write("selling.yaml", Load.file(Load.rule("selling.a")))
        var limits = RuleLimits.standard
        limits.fileBytes = 50
        let size = Load.file(Load.rule("selling.a")).utf8.count
        #expect(diagnostics(limits: limits) == [
            "DIR/selling.yaml:1:1: error: file is \(size) bytes; the limit is 50 bytes (0 MiB); split it, e.g. move long lists to lists.yaml",
        ])
    }

    @Test func emptyAndMissingFolders() throws {
        #expect(diagnostics() == ["DIR:1:1: error: no *.yaml rule files in DIR; a rules folder holds <category>.yaml files and optionally lists.yaml"])
        try FileManager.default.removeItem(atPath: folder)
        #expect(diagnostics() == ["DIR:1:1: error: cannot read the rules folder DIR: No such file or directory"])
    }

    @Test func missingGuidelinesFolder() throws {
        try write("selling.yaml", Load.file(Load.rule("selling.a")))
        #expect(diagnostics(guidelines: folder + "/nowhere") == [
            "DIR/nowhere:1:1: error: cannot read the guidelines folder DIR/nowhere: No such file or directory",
            "DIR/selling.yaml:7:16: error: guideline file 'community-en.txt' does not exist; the guidelines folder is empty",
        ])
    }

    @Test func guidelinesFolderIsRead() throws {
        try write("selling.yaml", Load.file(Load.rule("selling.a")))
        try FileManager.default.createDirectory(atPath: "\(folder)/g", withIntermediateDirectories: true)
        try "Please: don’t sell.".write(toFile: "\(folder)/g/community-en.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "\(folder)/g/subfolder", withIntermediateDirectories: true)
        #expect(diagnostics(guidelines: "\(folder)/g") == ["loaded 1 rules"])
        try "Please be kind.".write(toFile: "\(folder)/g/community-en.txt", atomically: true, encoding: .utf8)
        #expect(diagnostics(guidelines: "\(folder)/g") == [
            "DIR/selling.yaml:7:16: error: guideline quote \"Don't sell\": the words \"don't sell\" do not occur in community-en.txt; "
                + "copy the words exactly (case, white space, typographic quotes and dashes do not matter; '…' skips words)",
        ])
    }
}
