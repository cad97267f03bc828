/// One problem found while reading a labelled corpus, located by file and line.
///
///     problem.description   // "Corpus/selling.jsonl:7: error: missing \"lang\""
public struct CorpusProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file as the caller named it (relative paths stay relative).
    public var path: String
    /// 1-based line number, nil for a problem with the file as a whole.
    public var line: Int?
    /// What is wrong and, where it helps, how to fix it.
    public var message: String

    /// A problem at `path:line`, or with the whole file when `line` is nil.
    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message`, or `path: error: message` without a line.
    public var description: String {
        if let line { return "\(path):\(line): error: \(message)" }
        return "\(path): error: \(message)"
    }
}

/// Every problem found in a labelled corpus; nothing is loaded when there is one.
///
///     do { posts = try LabelledCorpus.load(files: urls) }
///     catch let error as CorpusError { print(error) }   // one `path:line: error: …` a line
public struct CorpusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// In file order, then line order.
    public var problems: [CorpusProblem]

    /// An error listing `problems`.
    public init(problems: [CorpusProblem]) { self.problems = problems }

    /// One problem per line; after 100 problems the rest are counted, not listed.
    public var description: String {
        let limit = 100
        var lines = problems.prefix(limit).map(\.description)
        if problems.count > limit { lines.append("… and \(problems.count - limit) more problems") }
        return lines.joined(separator: "\n")
    }
}
