import Foundation
import ConductMatching
import ConductNormalization
import ConductRules

/// Classifies posts against a compiled rule set.
///
///     let classifier = try Classifier.bundled()
///     let verdict = classifier.classify("Use code SAVE20 for 20% off, DM me")
///     verdict.labels   // ["selling", "unsolicited_dm"]
///
/// A value type over immutable tables: `Sendable`, lock-free, shareable by any number of
/// tasks. Cost per post: linear in its length (normalization, one automaton pass, detectors),
/// plus work proportional to the words that matched a rule literal.
public struct Classifier: Sendable {
    /// The compiled rules this classifier applies.
    public let rules: CompiledRules

    public init(_ rules: CompiledRules) {
        self.rules = rules
    }

    /// Loads and compiles every rule file of `directory`. When `guidelines` is given, every
    /// citation is checked against those texts. Throws ``RuleLoadError`` with every problem.
    /// With `threads` above 1, parts of the loading and compiling run on a second thread (see
    /// ``RuleSetLoader`` and ``CompiledRules/init(_:normalizer:threads:)``). With `cache`, the
    /// compiled rules are read from it when it holds them, and kept in it when compiled (see
    /// ``CompiledRulesCache``); the classifier is the same either way.
    public init(rulesDirectory directory: String, guidelines: String? = nil, threads: Int = 1,
                cache: CompiledRulesCache? = nil) throws {
        self.rules = try Self.compiledRules(directory: directory, guidelines: guidelines, threads: threads,
                                            cache: cache).0
    }

    /// The rules of `directory`, through `cache` when given, with what the cache did.
    static func compiledRules(directory: String, guidelines: String?, threads: Int,
                              cache: CompiledRulesCache?) throws -> (CompiledRules, CompiledRulesCache.Outcome) {
        let compile = {
            let ruleSet = try RuleSetLoader.load(directory: directory, guidelines: guidelines, threads: threads)
            return try CompiledRules(ruleSet, threads: threads)
        }
        guard let cache else { return (try compile(), .uncached) }
        return try cache.compiledRules(directory: directory, guidelines: guidelines, normalizer: Normalizer(),
                                       compile: compile)
    }

    /// The default rules that ship inside the library; no paths needed. Loaded and compiled
    /// once per process, by the first call, on up to `threads` threads (or read from `cache`,
    /// and kept there, when the first call gives one); later calls return those rules whatever
    /// `threads` and `cache` they pass.
    public static func bundled(threads: Int = 1, cache: CompiledRulesCache? = nil) throws -> Classifier {
        switch BundledRules.compiled(threads: threads, cache: cache) {
        case .success(let rules): return Classifier(rules)
        case .failure(let error): throw error
        }
    }

    /// The category names, in the order of `Verdict.scores`.
    public var categoryNames: [String] { rules.categoryNames }

    /// Classifies a post. `language` (ISO 639-1) restricts the rules to that language's; nil
    /// applies every rule.
    public func classify(_ text: String, language: String? = nil) -> Verdict {
        rules.classify(text, language: language)
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid.
    public func classify(utf8 bytes: [UInt8], language: String? = nil) -> Verdict {
        rules.classify(utf8: bytes, language: language)
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid.
    public func classify(utf8 bytes: UnsafeRawBufferPointer, language: String? = nil) -> Verdict {
        rules.classify(utf8: bytes, language: language)
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid, reusing the buffers of
    /// `scratch` (one per thread): no allocation for a post without hits.
    ///
    ///     let scratch = ClassificationScratch()
    ///     for post in posts { verdicts.append(classifier.classify(utf8: post, scratch: scratch)) }
    public func classify(utf8 bytes: UnsafeRawBufferPointer, language: String? = nil,
                         scratch: ClassificationScratch) -> Verdict {
        rules.classify(utf8: bytes, language: language, scratch: scratch)
    }
}

/// The rules in the library's resources (`Rules/`), compiled on first use.
enum BundledRules {
    /// The resource folder holding the bundled rule files.
    static var directory: String? {
        besideExecutable ?? Bundle.module.url(forResource: "Rules", withExtension: nil)?.path
    }

    /// Where `Bundle.module` looks first: the resource folder next to the executable. Found
    /// directly on Linux, as creating `Bundle.main` lists the executable's directory (a build
    /// folder has hundreds of entries: 4 ms of a 0.15 s start-up).
    private static var besideExecutable: String? {
        #if os(Linux)
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let slash = executable.lastIndex(of: "/") else { return nil }
        let rules = String(executable[..<slash]) + "/conduct_ConductKit.resources/Rules"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rules, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return rules
        #else
        return nil
        #endif
    }

    private static let lock = NSLock()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var cached: Result<CompiledRules, RuleLoadError>?

    /// The bundled rules, loaded and compiled by the first call (on up to `threads` threads),
    /// or read from `cache`.
    static func compiled(threads: Int, cache: CompiledRulesCache? = nil) -> Result<CompiledRules, RuleLoadError> {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let result = compile(threads: threads, cache: cache)
        cached = result
        return result
    }

    private static func compile(threads: Int, cache: CompiledRulesCache?) -> Result<CompiledRules, RuleLoadError> {
        guard let directory else {
            return .failure(RuleLoadError([Diagnostic(at: SourceLocation(file: "Rules", line: 1, column: 1),
                                                      "the bundled rules are missing from the library's resources")]))
        }
        do {
            return .success(try Classifier.compiledRules(directory: directory, guidelines: nil, threads: threads,
                                                         cache: cache).0)
        } catch let error as RuleLoadError {
            return .failure(error)
        } catch {
            return .failure(RuleLoadError([Diagnostic(at: SourceLocation(file: directory, line: 1, column: 1), "\(error)")]))
        }
    }
}
