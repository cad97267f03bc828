import Foundation
import Testing
@testable import ConductRules
#if canImport(Glibc)
import Glibc
#endif

/// Rules folders that cannot be read as rule files: no permission, dangling links, endless
/// devices, named pipes; and values of the wrong type in ways a careless author writes them.
/// Every case ends in diagnostics, never a hang or a crash.
@Suite("Hostile rules folders and values")
final class HostileRuleFolderTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "conduct-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Load.file(Load.rule("selling.a")).write(toFile: folder + "/selling.yaml", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func diagnostics() -> [String] { Self.diagnostics(in: folder) }

    static func diagnostics(in folder: String) -> [String] {
        do {
            return ["loaded \(try RuleSetLoader.load(directory: folder).rules.count) rules"]
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "DIR") }
        }
    }

    /// Permissions do not apply to root, so this runs only for other users.
    @Test("a file without read permission", .enabled(if: geteuid() != 0))
    func noPermission() throws {
        try "lists: {a: [x]}\n".write(toFile: folder + "/lists.yaml", atomically: true, encoding: .utf8)
        chmod(folder + "/lists.yaml", 0)
        #expect(diagnostics() == ["DIR/lists.yaml:1:1: error: cannot read DIR/lists.yaml: Permission denied"])
    }

    @Test("a link to nowhere")
    func danglingLink() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/harassment.yaml", withDestinationPath: folder + "/gone.yaml")
        #expect(diagnostics() == ["DIR/harassment.yaml:1:1: error: cannot read DIR/harassment.yaml: No such file or directory"])
    }

    @Test("a link to an endless device is refused before reading")
    func endlessDevice() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/harassment.yaml", withDestinationPath: "/dev/zero")
        #expect(diagnostics() == [
            "DIR/harassment.yaml:1:1: error: cannot read DIR/harassment.yaml: it is a character device, not a regular file; "
                + "rule and guideline files must be plain files",
        ])
    }

    /// Opening a named pipe for reading waits for a writer: the loader must not wait forever.
    /// If it does, the test opens the pipe for writing itself after 10 s so the load can end.
    @Test("a named pipe does not hang the loader")
    func namedPipe() throws {
        let pipe = folder + "/harassment.yaml"
        #expect(mkfifo(pipe, 0o644) == 0)
        let done = DispatchSemaphore(value: 0)
        final class Outcome: @unchecked Sendable { var diagnostics: [String] = [] }
        let outcome = Outcome()
        Thread { [folder] in
            outcome.diagnostics = Self.diagnostics(in: folder)
            done.signal()
        }.start()
        let finished = done.wait(timeout: .now() + 10) == .success
        if !finished {
            let writer = open(pipe, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
        }
        #expect(finished)
        #expect(outcome.diagnostics == [
            "DIR/harassment.yaml:1:1: error: cannot read DIR/harassment.yaml: it is a named pipe, not a regular file; "
                + "rule and guideline files must be plain files",
        ])
    }

    @Test("a guideline file holds 8 MiB, not more; citations of a file too long are not reported again")
    func guidelineSize() throws {
        let guidelines = folder + "/guidelines", path = guidelines + "/community-en.txt"
        try FileManager.default.createDirectory(atPath: guidelines, withIntermediateDirectories: true)
        func load(_ limits: RuleLimits) -> [String] {
            do {
                return ["loaded \(try RuleSetLoader.load(directory: folder, guidelines: guidelines, limits: limits).rules.count) rules"]
            } catch {
                return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "DIR") }
            }
        }
        #expect(RuleLimits.standard.guidelineBytes == 8_388_608)
        var small = RuleLimits.standard
        small.guidelineBytes = 64
        let text = "Don't sell." + String(repeating: " ", count: 53)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(load(small) == ["loaded 1 rules"])
        try (text + "!").write(toFile: path, atomically: true, encoding: .utf8)
        let fix = "a guideline file holds the code of conduct the rules cite; keep only that text"
        #expect(load(small) == ["DIR/guidelines/community-en.txt:1:1: error: file is 65 bytes; the limit is 64 bytes (0 MiB); " + fix])
        // At the standard limit: one byte over 8 MiB (a sparse file, refused by its size unread).
        #expect(truncate(path, 8_388_609) == 0)
        #expect(load(.standard) == ["DIR/guidelines/community-en.txt:1:1: error: file is 8388609 bytes; the limit is 8388608 bytes (8 MiB); " + fix])
    }

    @Test("numbers out of range or in unusual notations are named as written")
    func numbers() {
        func weight(_ value: String) -> [String] {
            Load.diagnostics(Load.file(Load.rule("selling.a", "match: [buy]").replacingOccurrences(of: "weight: 0", with: "weight: \(value)")))
        }
        #expect(weight("0x10") == [
            "selling.yaml:8:13: error: 'weight' of rule 'selling.a' is 16; it must be from 0 to 1 (0 makes a component that only composites use)",
        ])
        #expect(weight(".nan") == ["selling.yaml:8:13: error: 'weight' of rule 'selling.a' must be a number; found the string '.nan'"])
        #expect(weight("-0.5") == [
            "selling.yaml:8:13: error: 'weight' of rule 'selling.a' is -0.5; it must be from 0 to 1 (0 makes a component that only composites use)",
        ])
        #expect(weight("1e999") == ["selling.yaml:8:13: error: 'weight' of rule 'selling.a' must be a finite number; found 1e999"])
        func within(_ value: String) -> [String] {
            Load.diagnostics(Load.file(Load.rule("selling.a", "match: [buy]\n    near: { any: [now], within: \(value) }")))
        }
        #expect(within("-5") == ["selling.yaml:10:33: error: 'near.within' of rule 'selling.a' is -5; it must be from 1 to 50 words"])
        #expect(within("1e3") == ["selling.yaml:10:33: error: 'near.within' of rule 'selling.a' must be a whole number; found the number 1e3"])
        #expect(within("99999999999999999999") == [
            "selling.yaml:10:33: error: 'near.within' of rule 'selling.a' is 99999999999999999999, beyond the largest whole number "
                + "(9223372036854775807); write a small whole number",
        ])
    }

    /// YAML caps a plain key at 1,024 characters; a longer one is a syntax error.
    @Test("a 1,000-character unknown key is named with the valid keys; a 2,000-character one is invalid YAML")
    func longUnknownKeys() {
        let key = String(repeating: "k", count: 1_000)
        #expect(Load.diagnostics(Load.file(Load.rule("selling.a", "match: [buy]\n    \(key): 1"))) == [
            "selling.yaml:10:5: error: unknown key '\(key)' in rule 'selling.a'; valid keys: id, description, guideline, weight, lang, "
                + "match, near, unless, unless_near, requires, diacritics, examples",
        ])
        let longer = String(repeating: "k", count: 2_000)
        #expect(Load.diagnostics(Load.file(Load.rule("selling.a", "match: [buy]\n    \(longer): 1"))) == [
            "selling.yaml:10:2005: error: invalid YAML: could not find expected ':' (while scanning a simple key at 10:5); "
                + "quote values that start with '{', '*', '&', '!', '|', '>', '%' or '@'",
        ])
    }
}
