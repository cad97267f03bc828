/// How a report or a baseline comparison is rendered.
///
///     print(report.rendered(as: .markdown))   // for Corpus/reports/*.md
///
/// `text` aligns columns like SpamAssassin's STATISTICS and hit-frequencies files;
/// `markdown` writes GitHub tables; `json` is the stable JSON of the value itself.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case text, json, markdown
}
