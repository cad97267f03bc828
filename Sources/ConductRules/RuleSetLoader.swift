import Foundation
import Yams

/// Loads and validates rule files. Every problem across all files is collected; on any error
/// nothing is returned.
///
///     let rules = try RuleSetLoader.load(directory: "Rules")
///
/// Baseline: not implemented yet.
public enum RuleSetLoader {
    /// Loads every `*.yaml` file of `directory`.
    public static func load(directory: String, guidelines: String? = nil) throws(RuleLoadError) -> RuleSet {
        throw RuleLoadError([Diagnostic(at: SourceLocation(file: directory, line: 1, column: 1), "rule loading is not implemented")])
    }

    /// Loads rule files given as (path, contents).
    public static func load(sources: [(path: String, text: String)], guidelines: String? = nil) throws(RuleLoadError) -> RuleSet {
        throw RuleLoadError([Diagnostic(at: SourceLocation(file: sources.first?.path ?? "-", line: 1, column: 1), "rule loading is not implemented")])
    }
}
