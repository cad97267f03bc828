import ArgumentParser
import ConductKit
import Foundation

/// `--rules DIR` and `--guidelines DIR`, shared by the commands that classify.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of rule files (default: the bundled rules).", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the guideline texts the rules cite (default: 'guidelines' inside the rules folder, when present).",
        valueName: "dir"))
    var guidelines: String?

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Folder that keeps compiled rules between runs (default: $XDG_CACHE_HOME/conduct or ~/.cache/conduct).",
        valueName: "dir"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Load and compile the rules without reading or writing the cache.")
    var noCache = false

    /// The cache to use, if any.
    var cache: CompiledRulesCache? {
        if noCache { return nil }
        if let cacheDirectory { return CompiledRulesCache(directory: cacheDirectory) }
        return CompiledRulesCache.standard
    }

    func validate() throws {
        if noCache && cacheDirectory != nil {
            throw ValidationError("--no-cache and --cache-dir contradict each other; give one of them")
        }
        if cacheDirectory?.isEmpty == true {
            throw ValidationError("--cache-dir needs a folder; give '.' for the working directory")
        }
    }

    /// Loads and compiles the rules (on up to `threads` threads), or prints every diagnostic and
    /// exits with 2.
    func classifier(threads: Int = 1) throws -> Classifier {
        do {
            if let rules {
                return try Classifier(rulesDirectory: rules, guidelines: guidelines ?? Self.defaultGuidelines(for: rules),
                                      threads: threads, cache: cache)
            }
            return try Classifier.bundled(threads: threads, cache: cache)
        } catch {
            let diagnostics = (error as? RuleLoadError)?.diagnostics
                ?? [Diagnostic(at: SourceLocation(file: rules ?? "Rules", line: 1, column: 1), "\(error)")]
            Terminal.standardError.write(diagnostics.map(\.description).joined(separator: "\n") + "\n")
            Terminal.standardError.write("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in rule files\n")
            throw ExitStatus.usageOrRules.code
        }
    }

    /// `<rules>/guidelines` when it exists.
    static func defaultGuidelines(for rules: String) -> String? {
        let candidate = (rules as NSString).appendingPathComponent("guidelines")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue
            ? candidate : nil
    }
}
