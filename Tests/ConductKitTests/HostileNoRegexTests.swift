import Foundation
import Testing

/// No backtracking regular expression runs anywhere in the library or the CLI: a hostile post
/// can only meet the automaton, the detectors' hand-written scanners and the word-level pattern
/// programs, all linear in the post. Guarded by reading the sources: any regex API in them
/// fails this test.
@Suite("No regular expressions in the sources")
struct HostileNoRegexTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Spellings of Foundation's and the standard library's regex APIs.
    static let forbidden = [
        "NSRegularExpression", "Regex<", "Regex(", "RegexComponent", ".regularExpression", "firstMatch(of",
        "wholeMatch(of", "prefixMatch(of", ".matches(of", "#/", "regcomp(", "regexec(",
    ]

    @Test("no regex API in Sources/")
    func noRegexAPI() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") || $0.hasSuffix(".c") || $0.hasSuffix(".h") } ?? []
        #expect(files.count > 50)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for spelling in Self.forbidden where line.contains(spelling) {
                    found.append("Sources/\(file):\(number + 1): \(spelling)")
                }
            }
        }
        #expect(found == [])
    }
}
