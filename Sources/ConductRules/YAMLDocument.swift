import Yams

/// Reads one rule file into a YAML node tree, turning every way this can fail into diagnostics.
///
///     let root = YAMLDocument.parse(path: "selling.yaml", text: text, limits: .standard, log: &log)
///
/// Cost: O(bytes + nodes visited), nodes visited capped by `RuleLimits.yamlNodes`.
enum YAMLDocument {
    static func parse(path: String, text: String, limits: RuleLimits, log: inout DiagnosticLog) -> Node? {
        let bytes = text.utf8.count
        if bytes > limits.fileBytes {
            log.error(SourceLocation(file: path, line: 1, column: 1),
                      "file is \(bytes) bytes; the limit is \(limits.fileBytes) bytes (\(limits.fileBytes >> 20) MiB); "
                      + "split it, e.g. move long lists to lists.yaml")
            return nil
        }
        let findings = YAMLScreen.findings(in: text, maxAnchors: limits.yamlAnchors)
        for finding in findings {
            log.error(SourceLocation(file: path, line: finding.line, column: finding.column), finding.message)
        }
        guard findings.isEmpty else { return nil }

        let root: Node?
        do {
            // UTF-8 named, not left to `Parser.Encoding.default`: that reads the whole
            // environment on every call, and when YAMS_DEFAULT_ENCODING is set it switches
            // encodings and prints a line to standard output, where verdicts go.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (line, column, message) = describe(error, text: text)
            log.error(SourceLocation(file: path, line: line, column: column), message)
            return nil
        } catch {
            log.error(SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)")
            return nil
        }
        guard let root else {
            log.error(SourceLocation(file: path, line: 1, column: 1),
                      "file is empty; a category file starts with 'category: <name>', lists.yaml with 'lists:'")
            return nil
        }
        let visited = countNodes(root, limit: limits.yamlNodes)
        if visited > limits.yamlNodes {
            log.error(location(of: root, in: path),
                      "file expands to more than \(limits.yamlNodes) YAML nodes (aliases counted at every use); "
                      + "the limit is \(limits.yamlNodes); remove nested aliases or split the file")
            return nil
        }
        return root
    }

    static func location(of node: Node, in path: String) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Nodes of the tree as a reader sees it (an alias counts its whole target each time),
    /// stopping just past `limit`. Iterative: the tree's depth never reaches the call stack.
    static func countNodes(_ root: Node, limit: Int) -> Int {
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch node {
            case .scalar, .alias:
                break
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for pair in mapping {
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            }
        }
        return count
    }

    private static func describe(_ error: YamlError, text: String) -> (Int, Int, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.contains("Maximum nesting level") {
                return (mark.line, mark.column, "YAML nests deeper than the parser's limit of 1000 levels; rule files need fewer than 10; remove the extra brackets or indentation")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
            }
            if problem.contains("undefined alias") {
                message += "; a pattern that starts with '*' must be quoted, e.g. \"*hole\""
            } else {
                message += "; quote values that start with '{', '*', '&', '!', '|', '>', '%' or '@'"
            }
            return (mark.line, mark.column, message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, context.mark.column,
                    "duplicate key \(keys) in one mapping; each key may appear once, remove or merge the repeats")
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { lineAndColumn(ofCharacter: $0, in: text) } ?? (1, 1)
            return (line, column, "cannot read the file as UTF-8 YAML: \(problem); save it as UTF-8 without control characters")
        default:
            return (1, 1, "invalid YAML: \(error)")
        }
    }

    private static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (n, character) in text.enumerated() {
            if n == offset { break }
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
