import Foundation
import Testing
@testable import ConductEvaluation

@Suite struct LabelledCorpusTests {
    static let categories = ["harassment", "selling", "unsolicited_dm", "doxxing", "defamatory"]

    func parse(_ text: String, categories: [String]? = LabelledCorpusTests.categories) throws -> [LabelledPost] {
        try LabelledCorpus.parse(Data(text.utf8), source: "c.jsonl", path: "Corpus/c.jsonl", categories: categories)
    }

    /// The problems `text` produces, as printed.
    func problems(_ text: String, categories: [String]? = LabelledCorpusTests.categories) -> [String] {
        do {
            _ = try parse(text, categories: categories)
            return []
        } catch let error as CorpusError {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func readsEveryField() throws {
        let posts = try parse("""
            {"id": "a", "text": "Hello", "lang": "en", "labels": ["selling", "harassment", "selling"], "extra": 1}

            {"id": 42, "text": "", "lang": "nl", "labels": [], "ambiguous": true, "functionality": "slur_h"}\r
            {"id": "c", "text": "x", "lang": "en", "labels": [], "ambiguous": false, "functionality": null}
            """)
        #expect(posts == [
            LabelledPost(id: "a", text: "Hello", lang: "en", labels: ["harassment", "selling"], ambiguous: false,
                         functionality: nil, source: "c.jsonl", line: 1),
            LabelledPost(id: "42", text: "", lang: "nl", labels: [], ambiguous: true, functionality: "slur_h",
                         source: "c.jsonl", line: 3),
            LabelledPost(id: "c", text: "x", lang: "en", labels: [], ambiguous: false, functionality: nil,
                         source: "c.jsonl", line: 4),
        ])
        #expect(posts[0].key == PostKey(source: "c.jsonl", id: "a"))
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let found = problems("""
            {"id": "a", "text": "ok", "lang": "en", "labels": []}
            [1, 2]
            {"text": "no id", "lang": "en", "labels": []}
            {"id": true, "text": 5, "lang": "", "labels": "selling"}
            {"id": "", "text": "t", "lang": "en"}
            {"id": "c", "text": "t", "lang": "en", "labels": ["selling", 3], "ambiguous": "yes", "functionality": 1}
            {"id": "a", "text": "t", "lang": "en", "labels": ["harasment", "spam"]}
            {"id": "d", "text": "t", "lang": "en", "labels": [],
            """)
        #expect(found.dropLast() == [
            "Corpus/c.jsonl:2: error: expected a JSON object, found an array",
            "Corpus/c.jsonl:3: error: missing \"id\"",
            "Corpus/c.jsonl:4: error: \"id\" must be a string or an integer, found a boolean",
            "Corpus/c.jsonl:4: error: \"text\" must be a string, found an integer",
            "Corpus/c.jsonl:4: error: \"lang\" must not be empty",
            "Corpus/c.jsonl:4: error: \"labels\" must be an array of category names, found a string",
            "Corpus/c.jsonl:5: error: \"id\" must not be empty",
            "Corpus/c.jsonl:5: error: missing \"labels\"; use [] for a clean post",
            "Corpus/c.jsonl:6: error: \"labels\" must be an array of category names",
            "Corpus/c.jsonl:6: error: \"ambiguous\" must be true or false, found a string",
            "Corpus/c.jsonl:6: error: \"functionality\" must be a non-empty string, found an integer",
            "Corpus/c.jsonl:7: error: unknown label 'harasment'; the categories are harassment, selling, "
                + "unsolicited_dm, doxxing, defamatory; did you mean 'harassment'?",
            "Corpus/c.jsonl:7: error: unknown label 'spam'; the categories are harassment, selling, "
                + "unsolicited_dm, doxxing, defamatory",
            "Corpus/c.jsonl:7: error: duplicate id 'a', first used on line 1; ids must be unique within a file",
        ])
        // The parser's own detail differs between Foundation implementations.
        #if os(Linux)
        #expect(found.last == "Corpus/c.jsonl:8: error: not valid JSON (Unexpected end of file during JSON parse.); "
            + "expected one object per line")
        #else
        #expect(found.last?.hasPrefix("Corpus/c.jsonl:8: error: not valid JSON") == true)
        #endif
    }

    @Test func unknownLabelsAreAllowedWithoutACategoryList() throws {
        let posts = try parse(#"{"id": "a", "text": "t", "lang": "en", "labels": ["spam"]}"#, categories: nil)
        #expect(posts.map(\.labels) == [["spam"]])
    }

    @Test func errorListsAtMostAHundredProblems() {
        let text = String(repeating: "nonsense\n", count: 102)
        let error = CorpusError(problems: (1...102).map { CorpusProblem(path: "x.jsonl", line: $0, message: "bad") })
        #expect(problems(text).count == 102)
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines[99] == "x.jsonl:100: error: bad")
        #expect(lines[100] == "… and 2 more problems")
    }

    @Test func loadsADirectoryInNameOrderAndSingleFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try #"{"id": "b1", "text": "t", "lang": "en", "labels": []}"#.write(
            to: corpus.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        try "{\"id\": \"a1\", \"text\": \"t\", \"lang\": \"nl\", \"labels\": [\"selling\"]}\n".write(
            to: corpus.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try "not a corpus".write(to: corpus.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let extra = directory.appendingPathComponent("extra.jsonl")
        try #"{"id": "a1", "text": "t", "lang": "en", "labels": []}"#.write(to: extra, atomically: true, encoding: .utf8)

        let posts = try LabelledCorpus.load(files: [corpus, extra], categories: Self.categories)
        #expect(posts.map(\.key.description) == ["a.jsonl#a1", "b.jsonl#b1", "extra.jsonl#a1"])
        #expect(posts.map(\.line) == [1, 1, 1])
    }

    @Test func fileProblems() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty")
        let other = directory.appendingPathComponent("other")
        for folder in [empty, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let first = directory.appendingPathComponent("same.jsonl")
        let second = other.appendingPathComponent("same.jsonl")
        for file in [first, second] {
            try #"{"id": "x", "text": "t", "lang": "en", "labels": []}"#.write(to: file, atomically: true, encoding: .utf8)
        }
        let missing = directory.appendingPathComponent("missing.jsonl")
        #expect(throws: CorpusError(problems: [
            CorpusProblem(path: missing.path, line: nil, message: "no such file or directory"),
            CorpusProblem(path: empty.path, line: nil,
                          message: "the directory holds no *.jsonl file; name corpus files <name>.jsonl"),
            CorpusProblem(path: second.path, line: nil,
                          message: "another corpus file is also named 'same.jsonl' (\(first.path)); posts are "
                            + "matched by file name and id, so rename one of them"),
        ])) {
            try LabelledCorpus.load(files: [missing, empty, first, second])
        }
    }

    @Test func problemWithoutLine() {
        #expect(CorpusProblem(path: "a/b.jsonl", line: nil, message: "cannot read the file").description
            == "a/b.jsonl: error: cannot read the file")
    }

    @Test func closestCategory() {
        #expect(LabelledCorpus.closest(to: "dox", in: Self.categories) == nil)
        #expect(LabelledCorpus.closest(to: "doxing", in: Self.categories) == "doxxing")
        #expect(LabelledCorpus.closest(to: "Selling", in: Self.categories) == "selling")
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("conduct-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
