import Foundation

/// Reads labelled JSONL corpora: one `{"id", "text", "lang", "labels"}` object per line.
///
///     let posts = try LabelledCorpus.load(files: [URL(fileURLWithPath: "Corpus")],
///                                         categories: ruleSet.categoryNames)
///     posts.count   // every post of every *.jsonl in Corpus/, files sorted by name
///
/// Strict: every malformed line, unknown label (when `categories` is given), duplicate id
/// within a file and unreadable file is reported as `path:line: error: …`, all of them in one
/// ``CorpusError``, and nothing is returned. Blank lines are allowed. Fields other than `id`,
/// `text`, `lang`, `labels`, `ambiguous` and `functionality` are ignored.
/// Cost: linear in the corpus size; each line is parsed with `JSONSerialization`.
public enum LabelledCorpus {
    /// Loads the posts of `files`, in the order given; a directory stands for every `*.jsonl`
    /// directly inside it, sorted by name.
    ///
    /// - Parameter categories: when given, a label that is not one of these is an error.
    /// - Throws: ``CorpusError`` listing every problem found.
    public static func load(files: [URL], categories: [String]? = nil) throws -> [LabelledPost] {
        var problems: [CorpusProblem] = []
        var posts: [LabelledPost] = []
        var pathBySource: [String: String] = [:]
        for file in expand(files, problems: &problems) {
            let path = file.relativePath
            let source = file.lastPathComponent
            if let other = pathBySource[source], other != path {
                problems.append(CorpusProblem(
                    path: path, line: nil,
                    message: "another corpus file is also named '\(source)' (\(other)); posts are "
                        + "matched by file name and id, so rename one of them"))
                continue
            }
            pathBySource[source] = path
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                problems.append(CorpusProblem(path: path, line: nil, message: "cannot read the file"))
                continue
            }
            posts += parse(data, source: source, path: path, categories: categories, problems: &problems)
        }
        if !problems.isEmpty { throw CorpusError(problems: problems) }
        return posts
    }

    /// Parses the JSONL text of one corpus file.
    ///
    /// - Parameters:
    ///   - source: the file name recorded in each post (``LabelledPost/source``).
    ///   - path: the file as named in error messages; defaults to `source`.
    /// - Throws: ``CorpusError`` listing every problem found.
    public static func parse(
        _ data: Data, source: String, path: String? = nil, categories: [String]? = nil
    ) throws -> [LabelledPost] {
        var problems: [CorpusProblem] = []
        let posts = parse(data, source: source, path: path ?? source, categories: categories,
                          problems: &problems)
        if !problems.isEmpty { throw CorpusError(problems: problems) }
        return posts
    }

    private static func expand(_ files: [URL], problems: inout [CorpusProblem]) -> [URL] {
        var result: [URL] = []
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
                problems.append(CorpusProblem(path: file.relativePath, line: nil, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                result.append(file)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: file.path)) ?? []
            let corpora = names.filter { $0.hasSuffix(".jsonl") }.sorted()
            if corpora.isEmpty {
                problems.append(CorpusProblem(
                    path: file.relativePath, line: nil,
                    message: "the directory holds no *.jsonl file; name corpus files <name>.jsonl"))
            }
            result += corpora.map { file.appendingPathComponent($0) }
        }
        return result
    }

    private static func parse(
        _ data: Data, source: String, path: String, categories: [String]?,
        problems: inout [CorpusProblem]
    ) -> [LabelledPost] {
        let known = categories.map(Set.init)
        var posts: [LabelledPost] = []
        var firstLineByID: [String: Int] = [:]
        let bytes = [UInt8](data)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            var messages: [String] = []
            let post = parseLine(Data(line), source: source, line: lineNumber, categories: categories,
                                 known: known, messages: &messages)
            if let post {
                if let first = firstLineByID[post.id] {
                    messages.append("duplicate id '\(post.id)', first used on line \(first); ids must be unique within a file")
                } else {
                    firstLineByID[post.id] = lineNumber
                }
            }
            if messages.isEmpty, let post {
                posts.append(post)
            } else {
                problems += messages.map { CorpusProblem(path: path, line: lineNumber, message: $0) }
            }
        }
        return posts
    }

    /// Returns the post, or nil with at least one message when the line cannot be read;
    /// a post is also returned with messages for unknown labels, so duplicate ids are found.
    private static func parseLine(
        _ line: Data, source: String, line number: Int, categories: [String]?, known: Set<String>?,
        messages: inout [String]
    ) -> LabelledPost? {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: line)
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String
            messages.append("not valid JSON" + (detail.map { " (\($0))" } ?? "") + "; expected one object per line")
            return nil
        }
        guard let object = value as? [String: Any] else {
            messages.append("expected a JSON object, found \(JSONValueKind(value))")
            return nil
        }
        var id: String?
        switch object["id"] {
        case nil:
            messages.append("missing \"id\"")
        case let string as String where !string.isEmpty:
            id = string
        case let number as NSNumber where JSONValueKind(number) == .integer:
            id = String(number.int64Value)
        case is String:
            messages.append("\"id\" must not be empty")
        case let other?:
            messages.append("\"id\" must be a string or an integer, found \(JSONValueKind(other))")
        }
        let text = requiredString("text", in: object, allowEmpty: true, messages: &messages)
        let lang = requiredString("lang", in: object, allowEmpty: false, messages: &messages)
        var labels: [String]?
        switch object["labels"] {
        case nil:
            messages.append("missing \"labels\"; use [] for a clean post")
        case let array as [Any]:
            let strings = array.compactMap { $0 as? String }
            if strings.count != array.count || strings.contains("") {
                messages.append("\"labels\" must be an array of category names")
            } else {
                labels = strings
            }
        case let other?:
            messages.append("\"labels\" must be an array of category names, found \(JSONValueKind(other))")
        }
        var ambiguous = false
        switch object["ambiguous"] {
        case nil, is NSNull:
            break
        case let number as NSNumber where JSONValueKind(number) == .boolean:
            ambiguous = number.boolValue
        case let other?:
            messages.append("\"ambiguous\" must be true or false, found \(JSONValueKind(other))")
        }
        var functionality: String?
        switch object["functionality"] {
        case nil, is NSNull:
            break
        case let string as String where !string.isEmpty:
            functionality = string
        case let other?:
            messages.append("\"functionality\" must be a non-empty string, found \(JSONValueKind(other))")
        }
        if let labels, let known, let categories {
            for label in Set(labels).sorted() where !known.contains(label) {
                var message = "unknown label '\(label)'; the categories are \(categories.joined(separator: ", "))"
                if let suggestion = closest(to: label, in: categories) {
                    message += "; did you mean '\(suggestion)'?"
                }
                messages.append(message)
            }
        }
        guard let id, let text, let lang, let labels else { return nil }
        return LabelledPost(id: id, text: text, lang: lang, labels: labels, ambiguous: ambiguous,
                            functionality: functionality, source: source, line: number)
    }

    private static func requiredString(
        _ key: String, in object: [String: Any], allowEmpty: Bool, messages: inout [String]
    ) -> String? {
        switch object[key] {
        case nil:
            messages.append("missing \"\(key)\"")
        case let string as String where allowEmpty || !string.isEmpty:
            return string
        case is String:
            messages.append("\"\(key)\" must not be empty")
        case let other?:
            messages.append("\"\(key)\" must be a string, found \(JSONValueKind(other))")
        }
        return nil
    }

    /// The candidate within edit distance 2 of `word` (ties: the first), if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(word.utf8), Array(candidate.utf8))
            if distance <= 2, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// What a value from `JSONSerialization` is, for error messages.
enum JSONValueKind: CustomStringConvertible, Equatable {
    case string, boolean, integer, number, array, object, null

    init(_ value: Any) {
        switch value {
        case is String: self = .string
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" {
                self = .boolean
            } else if ["d", "f"].contains(type) {
                self = .number
            } else {
                self = .integer
            }
        case is [Any]: self = .array
        case is [String: Any]: self = .object
        default: self = .null
        }
    }

    var description: String {
        switch self {
        case .string: "a string"
        case .boolean: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .array: "an array"
        case .object: "an object"
        case .null: "null"
        }
    }
}
