/// A table rendered either as aligned plain-text columns or as a Markdown table.
///
/// Invariant: every row has one cell per column.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var markdownTitle: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [(title: String, markdown: String, alignment: Alignment)]) {
        self.columns = columns.map { Column(title: $0.title, markdownTitle: $0.markdown, alignment: $0.alignment) }
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row of \(row.count) cells in a table of \(columns.count) columns")
        rows.append(row)
    }

    /// Columns two spaces apart; numbers right-aligned; no trailing white space.
    func text() -> String {
        let all = [columns.map(\.title)] + rows
        let widths = columns.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                line += columns[index].alignment == .right ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    /// A GitHub table; cells are escaped so a post's text cannot break the layout.
    func markdown() -> String {
        var out = "| " + columns.map(\.markdownTitle).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.alignment == .right ? "--:|" : ":--|" }.joined() + "\n"
        for row in rows {
            out += "| " + row.map(markdownEscaped).joined(separator: " | ") + " |\n"
        }
        return out
    }
}

/// `text` with Markdown's inline syntax characters backslash-escaped. An underscore inside
/// a word (`direct_insult`) is left alone: it cannot start emphasis.
func markdownEscaped(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    for (index, character) in characters.enumerated() {
        if character == "_" {
            let inWord = index > 0 && index + 1 < characters.count
                && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                && (characters[index + 1].isLetter || characters[index + 1].isNumber)
            if !inWord { out.append("\\") }
        } else if "\\|*`[]<>#~".contains(character) {
            out.append("\\")
        }
        out.append(character)
    }
    return out
}

/// `x` with exactly 4 decimals: `0.6667`, `1.0000`, `-0.0500`.
func fixed4(_ x: Double) -> String {
    let scaled = Int((abs(x) * 10_000).rounded())
    let fraction = String(scaled % 10_000)
    let sign = x < 0 && scaled != 0 ? "-" : ""
    return sign + "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}

/// `x` with exactly 4 decimals and a sign: `+0.0500`, `-0.1667`, `0.0000`.
func signed4(_ x: Double) -> String {
    let text = fixed4(x)
    return x > 0 && text != "0.0000" ? "+" + text : text
}

/// "1 post", "3 posts".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

/// One line of `text`: white space runs become one space; longer than `limit` characters
/// is cut and ends in "…".
func excerpt(_ text: String, limit: Int = 100) -> String {
    var out: [Character] = []
    var pendingSpace = false
    for character in text {
        if character.isWhitespace {
            pendingSpace = !out.isEmpty
            continue
        }
        if pendingSpace {
            out.append(" ")
            pendingSpace = false
        }
        out.append(character)
        if out.count > limit {
            var cut = out.prefix(limit)
            while cut.last == " " { cut.removeLast() }
            return String(cut) + "…"
        }
    }
    return String(out)
}
