import Foundation

/// Lays out compact JSON (as written by `JSONEncoder` with sorted keys) for line-based diffs:
/// an object whose values are scalars or arrays of scalars (a table row) and an array of
/// scalars stay on one line; any other container puts each element on its own line, indented
/// by two spaces. A changed number thus changes one line of a committed baseline.
///
/// Invariant: the input is valid JSON with no white space outside strings.
enum JSONLayout {
    private indirect enum Node {
        case scalar(String)
        case array([Node])
        case object([(key: String, value: Node)])
    }

    /// `value` encoded with sorted keys and laid out by ``format(_:)``.
    static func stableJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The values encoded here hold only strings, integers, booleans and finite doubles,
        // for which encoding cannot fail.
        let compact = try! encoder.encode(value)
        return format([UInt8](compact))
    }

    static func format(_ compact: [UInt8]) -> String {
        var index = 0
        let node = parse(compact, &index)
        var out = ""
        write(node, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func parse(_ bytes: [UInt8], _ i: inout Int) -> Node {
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: Node)] = []
            while bytes[i] != UInt8(ascii: "}") {
                let key = scalar(bytes, &i)
                i += 1  // ':'
                members.append((key, parse(bytes, &i)))
                if bytes[i] == UInt8(ascii: ",") { i += 1 }
            }
            i += 1
            return .object(members)
        case UInt8(ascii: "["):
            i += 1
            var elements: [Node] = []
            while bytes[i] != UInt8(ascii: "]") {
                elements.append(parse(bytes, &i))
                if bytes[i] == UInt8(ascii: ",") { i += 1 }
            }
            i += 1
            return .array(elements)
        default:
            return .scalar(scalar(bytes, &i))
        }
    }

    /// A string (with its quotes and escapes) or a number, true, false or null.
    private static func scalar(_ bytes: [UInt8], _ i: inout Int) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "\"") {
            i += 1
            while bytes[i] != UInt8(ascii: "\"") {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            i += 1
        } else {
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[i]) {
                i += 1
            }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private static func inline(_ node: Node) -> String {
        switch node {
        case .scalar(let text): text
        case .array(let elements): "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A scalar, an array of scalars, or an object whose values are scalars or arrays of scalars.
    private static func isFlat(_ node: Node) -> Bool {
        switch node {
        case .scalar: true
        case .array(let elements): elements.allSatisfy { if case .scalar = $0 { true } else { false } }
        case .object(let members): members.allSatisfy { if case .object = $0.value { false } else { isFlat($0.value) } }
        }
    }

    private static func write(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch node {
        case .array(let elements) where !isFlat(node):
            out += "[\n"
            for (offset, element) in elements.enumerated() {
                out += pad
                write(element, indent: indent + 2, into: &out)
                out += offset == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !isFlat(node):
            out += "{\n"
            for (offset, member) in members.enumerated() {
                out += pad + member.key + ": "
                write(member.value, indent: indent + 2, into: &out)
                out += offset == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += inline(node)
        }
    }
}
