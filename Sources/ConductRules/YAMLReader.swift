import Yams

/// A value read from a rule file with the place it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// The keys of one YAML mapping, checked against the keys allowed there.
struct Fields {
    var node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    subscript(_ key: String) -> Node? { values[key] }
}

/// Typed access to a composed YAML tree of one file. Every mismatch becomes a diagnostic that
/// names what was expected and what was found; the accessor then returns nil.
///
///     let fields = reader.fields(root, allowed: ["category", "rules"], in: "the category file", log: &log)
///
/// Cost: proportional to the nodes read; never descends further than the schema.
struct YAMLReader {
    let path: String

    func location(_ node: Node) -> SourceLocation { YAMLDocument.location(of: node, in: path) }

    /// "the string 'abc'", "a list", …: how a mismatching value is named in messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing (an empty value)" }
            let text = scalar.string
            if scalar.style == .plain {
                if Double(text) != nil { return "the number \(text)" }
                if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) { return "the boolean \(text)" }
            }
            return "the string '\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
    }

    /// A number as people write it: `2`, not `2.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func mismatch(_ node: Node, _ what: String, _ expected: String, hint: String = "", log: inout DiagnosticLog) {
        log.error(location(node), "\(what) must be \(expected); found \(Self.describe(node))\(hint)")
    }

    /// The mapping's entries by key, reporting keys outside `allowed` with a suggestion.
    func fields(_ node: Node, allowed: [String], in context: String, what: String, log: inout DiagnosticLog) -> Fields? {
        guard case .mapping(let mapping) = node else {
            mismatch(node, what, "a mapping of \(allowed.map { "'\($0)'" }.joined(separator: ", "))", log: &log)
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                log.error(location(key), "keys must be plain names; found \(Self.describe(key))")
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let hint = Suggestion.closest(to: name, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "valid keys: " + allowed.joined(separator: ", ")
                log.error(location(key), "unknown key '\(name)' in \(context); \(hint)")
                continue
            }
            fields.values[name] = value
            fields.keys[name] = key
        }
        return fields
    }

    func string(_ node: Node, _ what: String, hint: String = "", log: inout DiagnosticLog) -> Located<String>? {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            mismatch(node, what, "a string", hint: hint, log: &log)
            return nil
        }
        return Located(value: scalar.string, location: location(node))
    }

    func number(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string) else {
            mismatch(node, what, "a number", log: &log)
            return nil
        }
        guard value.isFinite else {
            // 1e999 parses as infinity: name it as written, not as "the number" a number is wrong for.
            log.error(location(node), "\(what) must be a finite number; found \(scalar.string)")
            return nil
        }
        return value
    }

    func integer(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            if case .scalar(let scalar) = node, scalar.style == .plain, Self.isWholeNumber(scalar.string) {
                log.error(location(node), "\(what) is \(scalar.string), beyond the largest whole number (\(Int.max)); write a small whole number")
            } else {
                mismatch(node, what, "a whole number", log: &log)
            }
            return nil
        }
        return value
    }

    /// Digits with an optional sign: a whole number, however large.
    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return !digits.isEmpty && text.utf8.count - digits.count <= 1 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A list of strings; a single string counts as a list of one.
    func strings(_ node: Node, _ what: String, hint: String = "", log: inout DiagnosticLog) -> [Located<String>]? {
        switch node {
        case .scalar(let scalar) where !Self.isNull(scalar):
            return [Located(value: scalar.string, location: location(node))]
        case .sequence(let sequence):
            var result: [Located<String>] = []
            result.reserveCapacity(sequence.count)
            var ok = true
            for item in sequence {
                if let text = string(item, "each item of \(what)", hint: hint, log: &log) {
                    result.append(text)
                } else {
                    ok = false
                }
            }
            return ok ? result : nil
        default:
            mismatch(node, what, "a string or a list of strings", hint: hint, log: &log)
            return nil
        }
    }
}
