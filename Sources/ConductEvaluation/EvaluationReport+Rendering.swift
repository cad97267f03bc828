extension EvaluationReport {
    /// The report as text (aligned columns, `#` section comments, like SpamAssassin's
    /// STATISTICS and hit-frequencies), Markdown (tables for `Corpus/reports/*.md`) or JSON
    /// (``jsonString()``). Always ends in a newline.
    ///
    ///     print(report.rendered(as: .text), terminator: "")
    ///
    /// The per-language and per-file tables leave out categories with neither gold nor
    /// predicted positives in that group; the JSON keeps every row.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .json: jsonString()
        case .text: text()
        case .markdown: markdown()
        }
    }

    private var summary: String {
        var parts = [counted(totals.posts, "post") + " in " + counted(sources.count, "file")]
        if includeAmbiguous {
            parts.append("ambiguous posts included")
        } else if totals.ambiguousLeftOut > 0 {
            parts.append(counted(totals.ambiguousLeftOut, "ambiguous post") + " left out")
        }
        return parts.joined(separator: ", ")
    }

    private var scoreLine: String {
        "exact match \(totals.exactMatch.correct)/\(totals.exactMatch.posts) "
            + "(\(fixed4(totals.exactMatch.accuracy))), macro F1 \(fixed4(totals.macroF1))"
    }

    private func text() -> String {
        var out = "# conduct eval: \(summary)\n# \(scoreLine)\n\n"
        out += categoryTable().text()
        if !languages.isEmpty {
            out += "\n# per language\n" + groupTable(languages, title: "LANGUAGE", markdown: "language").text()
        }
        if !sources.isEmpty {
            out += "\n# per file\n" + groupTable(sources, title: "FILE", markdown: "file").text()
        }
        if let functionalities {
            out += "\n# per functionality (correct: predicted labels equal gold labels)\n"
            out += functionalityTable(functionalities).text()
        }
        out += rules.isEmpty ? "\n# per rule: no rule hit\n" : "\n# per rule\n" + ruleTable().text()
        return out
    }

    private func markdown() -> String {
        var out = "# Evaluation\n\n\(summary.capitalizedFirst). \(scoreLine.capitalizedFirst).\n\n"
        out += "## Categories\n\n" + categoryTable().markdown()
        if !languages.isEmpty {
            out += "\n## Per language\n\n" + groupTable(languages, title: "LANGUAGE", markdown: "language").markdown()
        }
        if !sources.isEmpty {
            out += "\n## Per file\n\n" + groupTable(sources, title: "FILE", markdown: "file").markdown()
        }
        if let functionalities {
            out += "\n## Per functionality\n\nCorrect: predicted labels equal gold labels.\n\n"
            out += functionalityTable(functionalities).markdown()
        }
        out += "\n## Per rule\n\n" + (rules.isEmpty ? "No rule hit.\n" : ruleTable().markdown())
        return out
    }

    private static let metricColumns: [(title: String, markdown: String, alignment: TextTable.Alignment)] = [
        ("TP", "TP", .right), ("FP", "FP", .right), ("FN", "FN", .right), ("TN", "TN", .right),
        ("PRECISION", "precision", .right), ("RECALL", "recall", .right), ("F1", "F1", .right),
        ("SUPPORT", "support", .right),
    ]

    private static func metricCells(_ m: CategoryMetrics) -> [String] {
        ["\(m.tp)", "\(m.fp)", "\(m.fn)", "\(m.tn)", fixed4(m.precision), fixed4(m.recall), fixed4(m.f1),
         "\(m.support)"]
    }

    private func categoryTable() -> TextTable {
        var table = TextTable([("CATEGORY", "category", .left)] + Self.metricColumns)
        for m in categories + [micro] {
            table.append([m.category] + Self.metricCells(m))
        }
        return table
    }

    private func groupTable(_ groups: [GroupMetrics], title: String, markdown: String) -> TextTable {
        var table = TextTable([(title, markdown, .left), ("CATEGORY", "category", .left)] + Self.metricColumns)
        for group in groups {
            for m in group.categories where m.support > 0 || m.predicted > 0 {
                table.append([group.name, m.category] + Self.metricCells(m))
            }
        }
        return table
    }

    private func functionalityTable(_ report: FunctionalityReport) -> TextTable {
        var table = TextTable([
            ("FUNCTIONALITY", "functionality", .left), ("POSTS", "posts", .right),
            ("CORRECT", "correct", .right), ("ACCURACY", "accuracy", .right),
        ])
        for row in report.functionalities {
            table.append([row.functionality, "\(row.posts)", "\(row.correct)", fixed4(row.accuracy)])
        }
        for (name, row) in [("non-hateful (no gold label)", report.nonHateful), ("hateful (gold labelled)", report.hateful)] {
            table.append([name, "\(row.posts)", "\(row.correct)", fixed4(row.accuracy)])
        }
        return table
    }

    private func ruleTable() -> TextTable {
        var table = TextTable([
            ("HITS", "hits", .right), ("POS", "on positives", .right), ("NEG", "on negatives", .right),
            ("PRECISION", "precision", .right), ("UNIQUE", "unique", .right), ("RULE", "rule", .left),
        ])
        for row in rules {
            table.append(["\(row.hits)", "\(row.positives)", "\(row.negatives)", fixed4(row.precision),
                          "\(row.unique)", row.rule.rawValue])
        }
        return table
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
