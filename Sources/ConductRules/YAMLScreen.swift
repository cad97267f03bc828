/// A linear lexical pass over a rule file before the YAML parser sees it. It rejects the few
/// YAML constructs that could make composing or freeing the document explode:
///
/// - more than `RuleLimits.yamlAnchors` anchors (`&name`): every anchor can deepen the
///   document by up to the parser's nesting limit, and freeing a very deep tree recurses;
/// - an alias (`*name`), list or mapping used as a mapping key, and explicit keys (`? `):
///   the parser hashes every key in full, and a key that expands an alias bomb never finishes.
///
/// The pass does not know YAML's quoting rules, so it errs on the side of reporting: it also
/// counts `&name` and `*name:` inside quoted text. Rule files need none of these constructs.
///
///     YAMLScreen.findings(in: "a: &x [1]\nb: {*x: 1}", maxAnchors: 20)   // one finding at 2:5
///
/// Cost: O(bytes), no allocation besides the findings.
enum YAMLScreen {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func findings(in text: String, maxAnchors: Int) -> [Finding] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { scan($0, maxAnchors: maxAnchors) } ?? []
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }

    /// Bytes after which a YAML token may start.
    private static func startsToken(after b: UInt8?) -> Bool {
        guard let b else { return true }
        return b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 || b == 0x5B || b == 0x7B || b == 0x2C
    }

    /// A `:` here indicates a mapping value: followed by white space, a flow indicator or the end.
    private static func isValueIndicator(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < bytes.count, bytes[i] == 0x3A else { return false }
        guard i + 1 < bytes.count else { return true }
        let n = bytes[i + 1]
        return n == 0x20 || n == 0x09 || n == 0x0A || n == 0x0D || n == 0x2C || n == 0x5D || n == 0x7D
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, maxAnchors: Int) -> [Finding] {
        var findings: [Finding] = []
        var anchors = 0
        var line = 1
        var column = 1
        var previous: UInt8?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if startsToken(after: previous) {
                switch b {
                case 0x26 where i + 1 < bytes.count && isNameByte(bytes[i + 1]):  // &name
                    anchors += 1
                    if anchors == maxAnchors + 1 {
                        findings.append(Finding(line: line, column: column, message:
                            "too many YAML anchors: this is anchor \(anchors) of the file; the limit is \(maxAnchors); "
                            + "write the repeated values out instead of anchoring them"))
                    }
                case 0x2A where i + 1 < bytes.count && isNameByte(bytes[i + 1]):  // *name
                    var end = i + 1
                    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                    if isValueIndicator(bytes, skipBlanks(bytes, from: end)) {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
                        findings.append(Finding(line: line, column: column, message:
                            "alias '\(name)' is used as a mapping key; rule files allow aliases only as values; "
                            + "write the key out (a pattern that starts with '*' must be quoted: \"\(name)\")"))
                    }
                case 0x3F where i + 1 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 1]):  // "? "
                    findings.append(Finding(line: line, column: column, message:
                        "explicit mapping keys ('? ') are not supported in rule files; write 'key: value' "
                        + "(a pattern that is only '?' must be quoted)"))
                default:
                    break
                }
            }
            if b == 0x5D || b == 0x7D, isValueIndicator(bytes, skipBlanks(bytes, from: i + 1)) {  // ]: or }:
                findings.append(Finding(line: line, column: column, message:
                    "a list or mapping is used as a mapping key; keys in rule files are plain names "
                    + "(text like '[x]:' inside a string needs rewording)"))
            }
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            previous = b
            i += 1
        }
        return findings
    }
}
