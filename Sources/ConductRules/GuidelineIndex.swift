/// The guideline texts rules cite, folded for quote lookup: lower case, every run of white
/// space one space, typographic quotes, apostrophes and dashes as ASCII, `…` as `...`.
///
///     let index = GuidelineIndex(["en.txt": "Don’t  sell."])
///     index.problem(with: Citation(file: "en.txt", quote: "don't sell"))   // nil: found
///
/// Cost: building O(total text); a lookup at most one pass over its file plus the quote
/// (Knuth–Morris–Pratt), so no text and quote, however repetitive, make it quadratic.
struct GuidelineIndex {
    private var texts: [String: [UInt8]] = [:]
    let names: [String]
    /// Files of the folder that could not be read (already reported): citations of them are
    /// not checked, rather than reported again as citing a missing file.
    let unreadable: Set<String>

    init(_ guidelines: [String: String], unreadable: Set<String> = []) {
        for (name, text) in guidelines { texts[name] = Array(Self.fold(text).utf8) }
        names = guidelines.keys.sorted()
        self.unreadable = unreadable
    }

    /// Why the citation does not hold, or nil when its file exists and holds its words in
    /// order (or could not be read, which was reported where it was read).
    func problem(with citation: Citation) -> String? {
        var scanned = 0
        return problem(with: citation, scanned: &scanned)
    }

    /// As ``problem(with:)``, adding the bytes of guideline text the lookup passed over to
    /// `scanned` (at most the file's size per part of the quote).
    func problem(with citation: Citation, scanned: inout Int) -> String? {
        if unreadable.contains(citation.file) { return nil }
        guard let text = texts[citation.file] else {
            let known = names.isEmpty ? "the guidelines folder is empty" : "files: " + names.joined(separator: ", ")
            return "guideline file '\(citation.file)' does not exist"
                + Suggestion.phrase(for: citation.file, among: names) + "; \(known)"
        }
        let fragments = Self.fold(citation.quote)
            .components(separatedBy: "...")
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        guard !fragments.isEmpty else {
            return "guideline quote \"\(citation.quote)\" holds no words; quote the words of \(citation.file) the rule enforces"
        }
        var from = 0
        for (n, fragment) in fragments.enumerated() {
            let end = Self.find(Array(fragment.utf8), in: text, from: from)
            scanned += (end ?? text.count) - from
            guard let end else {
                let which = fragments.count == 1 ? "the words" : "part \(n + 1) of \(fragments.count) of the quote,"
                let order = n == 0 ? "" : " after the part before it"
                return "guideline quote \"\(citation.quote)\": \(which) \"\(fragment)\" do not occur in \(citation.file)\(order); "
                    + "copy the words exactly (case, white space, typographic quotes and dashes do not matter; '…' skips words)"
            }
            from = end
        }
        return nil
    }

    /// The end of the first occurrence of `needle` in `haystack` at or after `from`, in
    /// O(haystack + needle) (Knuth–Morris–Pratt).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - from >= needle.count else { return nil }
        // fallback[k]: the length of the longest proper border of needle[0 ... k].
        var fallback = [Int](repeating: 0, count: needle.count)
        var border = 0
        for k in 1..<needle.count {
            while border > 0 && needle[k] != needle[border] { border = fallback[border - 1] }
            if needle[k] == needle[border] { border += 1 }
            fallback[k] = border
        }
        var matched = 0
        for i in from..<haystack.count {
            while matched > 0 && haystack[i] != needle[matched] { matched = fallback[matched - 1] }
            if haystack[i] == needle[matched] { matched += 1 }
            if matched == needle.count { return i + 1 }
        }
        return nil
    }

    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for c in text.lowercased().unicodeScalars {
            if c.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if c == "\u{00AD}" { continue }  // soft hyphen
            if space {
                out.append(" ")
                space = false
            }
            switch c.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x0060: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }
}
