import Foundation
@testable import ConductRules

/// Paths and texts of the test fixtures.
enum Fixtures {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) -> String {
        try! String(contentsOf: url(relative), encoding: .utf8)
    }

    /// Where `needle` first occurs in the fixture file: 1-based line and column (columns count
    /// Unicode scalars, as YAML marks do).
    static func location(of needle: String, in relative: String, after marker: String? = nil) -> ConductRules.SourceLocation {
        let text = self.text(relative)
        var searchStart = text.startIndex
        if let marker, let found = text.range(of: marker) { searchStart = found.upperBound }
        guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else {
            fatalError("\(needle) not in \(relative)")
        }
        let before = text[text.startIndex..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].unicodeScalars.count + 1
        return ConductRules.SourceLocation(file: url(relative).path, line: line, column: column)
    }

    /// The guideline fixture texts by file name.
    static var guidelines: [String: String] {
        ["community-en.txt": text("guidelines/community-en.txt")]
    }
}
