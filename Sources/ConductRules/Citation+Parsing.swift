extension Citation {
    /// Reads `file "quoted words"`.
    ///
    ///     Citation.parse("ecxo-en.txt \"Don't sell\"")   // file "ecxo-en.txt", quote "Don't sell"
    static func parse(_ text: String) -> Result<Citation, PatternParseError> {
        let trimmed = text.trimmingWhitespace()
        let usage = "write it as FILE \"QUOTED WORDS\", e.g. ecxo-code-of-conduct-en.txt \"Don't sell\""
        guard let space = trimmed.unicodeScalars.firstIndex(where: { $0.properties.isWhitespace }) else {
            return .failure(PatternParseError(message: "guideline '\(trimmed)' names no quoted words; \(usage)"))
        }
        let file = String(trimmed.unicodeScalars[..<space])
        let rest = String(trimmed.unicodeScalars[space...]).trimmingWhitespace()
        guard !file.hasPrefix("\""), rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") else {
            return .failure(PatternParseError(message: "guideline '\(trimmed)' is not a file name followed by words in double quotes; \(usage)"))
        }
        let quote = String(rest.dropFirst().dropLast()).trimmingWhitespace()
        guard !quote.isEmpty else {
            return .failure(PatternParseError(message: "guideline '\(trimmed)' quotes no words; \(usage)"))
        }
        return .success(Citation(file: file, quote: quote))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
