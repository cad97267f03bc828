import Foundation
import Yams

/// Loads and validates rule files. Every problem across all files is collected; on any error
/// nothing is returned (never half a rule set).
///
///     let rules = try RuleSetLoader.load(directory: URL(fileURLWithPath: "Rules"),
///                                        guidelines: URL(fileURLWithPath: "../shared/guidelines"))
///     print(rules.rule("selling.discount_code")?.weight ?? 0)
///
/// Cost: linear in the size of the files (every hostile case is capped by `RuleLimits`), plus
/// the guideline quote lookups. Load once; the `RuleSet` is immutable and `Sendable`. With
/// `threads` above 1 the files' YAML is parsed on that many threads (the rest of the loading
/// is serial); the result and its diagnostics are the same either way.
public enum RuleSetLoader {
    /// Loads every `*.yaml` file of `directory` (not its subfolders). With `guidelines`, every
    /// citation must name a file of that folder and quote words that occur in it.
    /// Diagnostics name files as `<directory.path>/<file>`.
    public static func load(directory: URL, guidelines: URL? = nil, limits: RuleLimits = .standard,
                            threads: Int = 1) throws(RuleLoadError) -> RuleSet {
        try load(directory: directory.path, guidelines: guidelines?.path, limits: limits, threads: threads)
    }

    /// Loads every `*.yaml` file of the folder at `directory`; diagnostics name files as
    /// `<directory>/<file>`, so a relative folder gives relative paths.
    public static func load(directory: String, guidelines: String? = nil, limits: RuleLimits = .standard,
                            threads: Int = 1) throws(RuleLoadError) -> RuleSet {
        var log = DiagnosticLog(limit: limits.diagnostics)
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var sources: [(path: String, text: String)] = []
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
                .sorted()
            if names.isEmpty {
                log.error(SourceLocation(file: folder, line: 1, column: 1), "no *.yaml rule files in \(folder); a rules folder holds <category>.yaml files and optionally lists.yaml")
            }
            for name in names {
                let path = "\(folder)/\(name)"
                if let text = readText(at: path, limit: limits.fileBytes, log: &log) { sources.append((path, text)) }
            }
        } catch {
            log.error(SourceLocation(file: folder, line: 1, column: 1), "cannot read the rules folder \(folder): \(reason(error, path: directory))")
        }
        var index: GuidelineIndex?
        if let guidelines {
            let (texts, unreadable) = readGuidelines(guidelines, limit: limits.guidelineBytes, log: &log)
            index = GuidelineIndex(texts, unreadable: unreadable)
        }
        return try load(sources: sources, guidelines: index, limits: limits, threads: threads, log: log)
    }

    /// Loads rule files given as (path, contents); `guidelines` maps a guideline file name to
    /// its text (nil skips the citation checks, keeping only their syntax). Diagnostics name
    /// files by `path`; the file name (after the last `/`) must be `<category>.yaml` or
    /// `lists.yaml`.
    public static func load(sources: [(path: String, text: String)], guidelines: [String: String]? = nil,
                            limits: RuleLimits = .standard, threads: Int = 1) throws(RuleLoadError) -> RuleSet {
        try load(sources: sources, guidelines: guidelines.map { GuidelineIndex($0) }, limits: limits,
                 threads: threads, log: DiagnosticLog(limit: limits.diagnostics))
    }

    private static func load(sources: [(path: String, text: String)], guidelines: GuidelineIndex?,
                             limits: RuleLimits, threads: Int, log: DiagnosticLog) throws(RuleLoadError) -> RuleSet {
        var log = log
        var files: [RawRuleFile] = []
        var rules = 0
        let sources = sources.sorted(by: { $0.path < $1.path })
        // Parsed ahead on several threads, or one file at a time (one node tree alive at once).
        let parsed = threads > 1 ? parse(sources, limits: limits, threads: threads) : nil
        for (index, source) in sources.enumerated() {
            let document = parsed?[index] ?? parse(source, limits: limits)
            // Each file's parse diagnostics, then its decoding's: the order of a serial load.
            log.append(document.log)
            guard let root = document.root else { continue }
            let decoder = RuleFileDecoder(path: source.path, limits: limits)
            if let file = decoder.decode(root, rulesBefore: rules, log: &log) {
                files.append(file)
                rules += file.rules.count
            }
        }
        let assembler = RuleSetAssembler(limits: limits, guidelines: guidelines)
        let ruleSet = assembler.assemble(files, log: &log)
        guard let ruleSet, log.isEmpty else { throw RuleLoadError(log.finished()) }
        return ruleSet
    }

    /// The YAML node tree of a source, with the diagnostics of parsing it.
    private static func parse(_ source: (path: String, text: String), limits: RuleLimits)
        -> (root: Node?, log: DiagnosticLog) {
        var log = DiagnosticLog(limit: limits.diagnostics)
        let root = YAMLDocument.parse(path: source.path, text: source.text, limits: limits, log: &log)
        return (root, log)
    }

    /// ``parse(_:limits:)`` of each source, in the order of `sources`, on `threads` threads
    /// (this one among them), each taking whole files: the largest first, to the least loaded.
    private static func parse(_ sources: [(path: String, text: String)], limits: RuleLimits, threads: Int)
        -> [(root: Node?, log: DiagnosticLog)] {
        let threads = max(1, min(threads, sources.count))
        guard threads > 1 else { return sources.map { parse($0, limits: limits) } }
        var shares = Array(repeating: [Int](), count: threads)
        var loads = Array(repeating: 0, count: threads)
        for index in sources.indices.sorted(by: { sources[$0].text.utf8.count > sources[$1].text.utf8.count }) {
            let least = loads.indices.min { loads[$0] < loads[$1] }!
            shares[least].append(index)
            loads[least] += sources[index].text.utf8.count
        }
        let others = shares.dropFirst().map { share in
            Eventual(onThread: true) { share.map { ($0, parse(sources[$0], limits: limits)) } }
        }
        var results = [(root: Node?, log: DiagnosticLog)?](repeating: nil, count: sources.count)
        for index in shares[0] { results[index] = parse(sources[index], limits: limits) }
        for other in others {
            for (index, result) in other.value { results[index] = result }
        }
        return results.map { $0! }
    }

    /// Why the folder at `path` cannot be listed, in the operating system's words.
    private static func reason(_ error: Error, path: String) -> String {
        guard let folder = opendir(path) else { return String(cString: strerror(errno)) }
        closedir(folder)
        return (error as NSError).localizedDescription
    }

    private static func readText(at path: String, limit: Int, log: inout DiagnosticLog) -> String? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let bytes: [UInt8]
        switch readBytes(at: path, limit: limit) {
        case .failure(let problem):
            log.error(start, problem.message)
            return nil
        case .success(let read):
            bytes = read
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            log.error(start, "\(path) is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8(in: bytes))); save it as UTF-8")
            return nil
        }
        return text
    }

    /// What to do about a rule file over the size limit.
    static let ruleFileFix = "split it, e.g. move long lists to lists.yaml"
    /// What to do about a guideline file over the size limit.
    static let guidelineFileFix = "a guideline file holds the code of conduct the rules cite; keep only that text"

    /// The file's bytes, or why they cannot be had, in the operating system's words
    /// ("No such file or directory", "Is a directory", "Permission denied"). Opened without
    /// blocking, and anything but a regular file or folder is refused, so a named pipe or a
    /// device in the folder cannot make loading wait forever. More than `limit` bytes is an
    /// error naming the size, the limit and `fix`.
    private static func readBytes(at path: String, limit: Int, fix: String = ruleFileFix) -> Result<[UInt8], PatternParseError> {
        func failure(_ code: Int32) -> Result<[UInt8], PatternParseError> {
            .failure(PatternParseError(message: "cannot read \(path): \(String(cString: strerror(code)))"))
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return failure(errno) }
        let kind = info.st_mode & S_IFMT
        if kind != S_IFREG && kind != S_IFDIR {
            let name = kind == S_IFIFO ? "a named pipe" : kind == S_IFCHR ? "a character device"
                : kind == S_IFBLK ? "a block device" : kind == S_IFSOCK ? "a socket" : "not a regular file"
            return .failure(PatternParseError(message: "cannot read \(path): it is \(name), not a regular file; rule and guideline files must be plain files"))
        }
        if Int(info.st_size) > limit {
            return .failure(PatternParseError(message: "file is \(info.st_size) bytes; the limit is \(limit) bytes (\(limit >> 20) MiB); " + fix))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return failure(errno)
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                return .failure(PatternParseError(message: "file is more than \(limit) bytes; the limit is \(limit) bytes (\(limit >> 20) MiB); " + fix))
            }
        }
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }

    /// The texts of the guideline files in `folder`, and the names of those that could not be
    /// read (each reported), at most `limit` bytes each.
    private static func readGuidelines(_ folder: String, limit: Int, log: inout DiagnosticLog)
        -> (texts: [String: String], unreadable: Set<String>) {
        var texts: [String: String] = [:]
        var unreadable: Set<String> = []
        do {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
                let path = "\(folder)/\(name)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                switch readBytes(at: path, limit: limit, fix: guidelineFileFix) {
                case .success(let bytes): texts[name] = String(decoding: bytes, as: UTF8.self)
                case .failure(let problem):
                    log.error(SourceLocation(file: path, line: 1, column: 1), problem.message)
                    unreadable.insert(name)
                }
            }
        } catch {
            log.error(SourceLocation(file: folder, line: 1, column: 1), "cannot read the guidelines folder \(folder): \(reason(error, path: folder))")
        }
        return (texts, unreadable)
    }
}
