extension BaselineComparison {
    /// The comparison as text (aligned columns), Markdown or stable JSON; ends in a newline.
    ///
    ///     print(comparison.rendered(as: .text), terminator: "")
    ///
    /// Text and Markdown list every category, the per-file rows that changed, and the flips
    /// grouped by kind; JSON holds everything, including unchanged per-file rows.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .json: JSONLayout.stableJSON(self)
        case .text: text()
        case .markdown: markdown()
        }
    }

    private var verdict: String {
        (isRegression ? "REGRESSION" : "no regression") + " (F1 tolerance \(fixed4(tolerance)))"
    }

    private var postCounts: String? {
        guard addedPosts > 0 || removedPosts > 0 else { return nil }
        return "posts since the baseline: \(addedPosts) added, \(removedPosts) removed"
    }

    private static let kindTitles: [Flip.Kind: String] = [
        .newlyFalsePositive: "newly false positive",
        .newlyFalseNegative: "newly false negative",
        .newlyCorrect: "newly correct",
    ]

    private var changedSources: [(source: String, change: CategoryChange)] {
        sources.flatMap { source in
            source.categories.filter { $0.status != .unchanged || $0.precisionDelta != 0 || $0.recallDelta != 0 }
                .map { (source.source, $0) }
        }
    }

    private func text() -> String {
        var out = "# baseline comparison: \(verdict)\n"
        for line in [postCounts].compactMap({ $0 }) + notes.map({ "note: " + $0 }) {
            out += "# \(line)\n"
        }
        out += "\n" + changeTable(categories.map { (nil, $0) }).text()
        let changed = changedSources
        if !changed.isEmpty {
            out += "\n# per file (only the category-wide F1 decides a regression)\n" + changeTable(changed).text()
        }
        for kind in Flip.Kind.allCases {
            let group = flips.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\n# \(Self.kindTitles[kind]!) (\(group.count))\n" + flipTable(group).text()
        }
        if flips.isEmpty { out += "\n# no post flipped\n" }
        return out
    }

    private func markdown() -> String {
        var out = "# Baseline comparison\n\n\(verdict.capitalizedFirst).\n"
        let lines = [postCounts].compactMap { $0 } + notes.map { "Note: " + $0 }
        if !lines.isEmpty { out += "\n" + lines.map { "- \($0.capitalizedFirst)\n" }.joined() }
        out += "\n## Categories\n\n" + changeTable(categories.map { (nil, $0) }).markdown()
        let changed = changedSources
        if !changed.isEmpty {
            out += "\n## Per file\n\nOnly the category-wide F1 decides a regression.\n\n" + changeTable(changed).markdown()
        }
        for kind in Flip.Kind.allCases {
            let group = flips.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\n## \(Self.kindTitles[kind]!.capitalizedFirst) (\(group.count))\n\n" + flipTable(group).markdown()
        }
        if flips.isEmpty { out += "\nNo post flipped.\n" }
        return out
    }

    private func changeTable(_ rows: [(source: String?, change: CategoryChange)]) -> TextTable {
        let withSource = rows.contains { $0.source != nil }
        var columns: [(title: String, markdown: String, alignment: TextTable.Alignment)] = []
        if withSource { columns.append(("FILE", "file", .left)) }
        columns += [
            ("CATEGORY", "category", .left), ("PRECISION", "precision", .right), ("ΔP", "Δ precision", .right),
            ("RECALL", "recall", .right), ("ΔR", "Δ recall", .right), ("F1", "F1", .right),
            ("ΔF1", "Δ F1", .right), ("STATUS", "status", .left),
        ]
        var table = TextTable(columns)
        for (source, change) in rows {
            let delta = { (value: Double?) in value.map(signed4) ?? "-" }
            var row = withSource ? [source ?? ""] : []
            row += [
                change.category, change.after.map { fixed4($0.precision) } ?? "-", delta(change.precisionDelta),
                change.after.map { fixed4($0.recall) } ?? "-", delta(change.recallDelta),
                change.after.map { fixed4($0.f1) } ?? "-", delta(change.f1Delta),
                change.status.rawValue,
            ]
            table.append(row)
        }
        return table
    }

    private func flipTable(_ group: [Flip]) -> TextTable {
        let labels = { (list: [String]) in list.isEmpty ? "-" : list.joined(separator: ",") }
        var table = TextTable([
            ("CATEGORY", "category", .left), ("FILE", "file", .left), ("ID", "id", .left),
            ("GOLD", "gold", .left), ("BEFORE", "before", .left), ("AFTER", "after", .left),
            ("TEXT", "text", .left),
        ])
        for flip in group {
            table.append([flip.category, flip.source, flip.id, labels(flip.gold), labels(flip.before),
                          labels(flip.after), flip.text])
        }
        return table
    }
}
