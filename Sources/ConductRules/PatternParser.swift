import ConductMatching

/// Parses the pattern language of rule files into `PatternSyntax`.
///
///     PatternParser.parse("(dm|pm) me *2 {email}")
///     // [.group([[.word("dm", .whole)], [.word("pm", .whole)]], optional: false),
///     //  .word("me", .whole), .gap(2), .detector(.email)]
///
/// A word is a maximal run of characters other than white space and `( ) | { } < > *`;
/// punctuation inside it is kept for the compiler to normalize. Cost: one pass over the
/// pattern's scalars, no recursion (groups use an explicit stack bounded by the group depth).
enum PatternParser {
    static func parse(_ text: String, limits: RuleLimits = .standard) -> Result<[PatternSyntax], PatternParseError> {
        do {
            return .success(try parseOrThrow(text, limits: limits))
        } catch {
            return .failure(error)
        }
    }

    private struct Frame {
        var alternatives: [[PatternSyntax]] = []
        var current: [PatternSyntax] = []
    }

    /// White space (Unicode White_Space), answered without a property lookup for ASCII.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value == 0x20 || c.value &- 0x09 < 5 : c.properties.isWhitespace
    }

    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", ")", "|", "{", "}", "<", ">", "*": false  // the pattern syntax
        default: !isSpace(c)
        }
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func fail(_ message: String) -> PatternParseError { PatternParseError(message: message) }

    private static func parseOrThrow(_ text: String, limits: RuleLimits) throws(PatternParseError) -> [PatternSyntax] {
        let bytes = text.utf8.count
        guard bytes <= limits.patternBytes else {
            throw fail("pattern is \(bytes) bytes; the limit is \(limits.patternBytes) bytes; split it into several patterns or move alternatives into a list")
        }
        let s = Array(text.unicodeScalars)
        let n = s.count
        var frames = [Frame()]
        var i = 0
        while i < n {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            switch c {
            case "(":
                guard frames.count <= limits.groupDepth else {
                    throw fail("groups nest \(frames.count) deep at this '('; the limit is \(limits.groupDepth); flatten the pattern or move alternatives into a list")
                }
                frames.append(Frame())
                i += 1
            case "|":
                guard frames.count > 1 else {
                    throw fail("'|' outside a group; write alternatives in parentheses, e.g. '(dm|pm) me'")
                }
                try endAlternative(&frames[frames.count - 1], limits: limits)
                i += 1
            case ")":
                guard frames.count > 1 else {
                    throw fail("unbalanced ')': no '(' opens it; remove it or add the '('")
                }
                var frame = frames.removeLast()
                try endAlternative(&frame, limits: limits)
                i += 1
                var optional = false
                if i < n, s[i] == "?" {
                    optional = true
                    i += 1
                }
                try append(.group(frame.alternatives, optional: optional), to: &frames[frames.count - 1], limits: limits)
            case "{", "<":
                let close: Unicode.Scalar = c == "{" ? "}" : ">"
                var j = i + 1
                while j < n, isWordCharacter(s[j]) { j += 1 }
                guard j < n, s[j] == close else {
                    throw fail(c == "{"
                        ? "unclosed '{'; write a detector as '{email}'; '{' cannot appear inside a word"
                        : "unclosed '<'; write a list reference as '<name>'; '<' cannot appear inside a word")
                }
                let name = Self.text(s[(i + 1)..<j])
                if c == "{" {
                    guard let kind = DetectorKind(rawValue: name) else {
                        let known = DetectorKind.allCases.map(\.rawValue).sorted()
                        throw fail("unknown detector '{\(name)}'"
                            + Suggestion.phrase(for: name, among: known, wrap: { "'{\($0)}'" })
                            + "; detectors: " + known.map { "{\($0)}" }.joined(separator: " "))
                    }
                    try append(.detector(kind), to: &frames[frames.count - 1], limits: limits)
                } else {
                    guard !name.isEmpty else { throw fail("empty list reference '<>'; write '<name>' with the name of a list") }
                    try append(.list(name), to: &frames[frames.count - 1], limits: limits)
                }
                i = j + 1
            case "}", ">":
                throw fail("unbalanced '\(c)': nothing opens it; remove it (punctuation is ignored when matching anyway)")
            case "*":
                i = try parseStar(s, at: i, into: &frames[frames.count - 1], limits: limits)
            default:
                i = try parseWord(s, at: i, into: &frames[frames.count - 1], limits: limits)
            }
        }
        guard frames.count == 1 else {
            throw fail("unclosed '(': \(frames.count - 1) group\(frames.count == 2 ? "" : "s") not closed; add ')'")
        }
        let sequence = frames[0].current
        guard !sequence.isEmpty else { throw fail("empty pattern; write at least one word or detector") }
        if case .gap = sequence.last! {
            throw fail("a gap cannot end a pattern; a gap stands between two elements, e.g. 'buy * now'")
        }
        guard !PatternSyntax.canBeEmpty(sequence) else {
            throw fail("pattern can match no words at all: every element is optional; make at least one element required")
        }
        return sequence
    }

    /// `*`, `*N`, `*suffix`, `*infix*` at `i`; returns the index after it.
    private static func parseStar(_ s: [Unicode.Scalar], at i: Int, into frame: inout Frame, limits: RuleLimits) throws(PatternParseError) -> Int {
        let n = s.count
        var k = i + 1
        while k < n, isDigit(s[k]) { k += 1 }
        if k > i + 1, k == n || (!isWordCharacter(s[k]) && s[k] != "*") {
            let digits = Self.text(s[(i + 1)..<k])
            guard digits.count <= 3, let words = Int(digits), (1...RuleLimits.maxGap).contains(words) else {
                throw fail("gap '*\(digits)' is out of range; a gap spans 1 to \(RuleLimits.maxGap) words, e.g. '*6'")
            }
            try append(.gap(words), to: &frame, limits: limits)
            return k
        }
        guard i + 1 < n, isWordCharacter(s[i + 1]) else {
            try append(.gap(RuleLimits.defaultGap), to: &frame, limits: limits)
            return i + 1
        }
        var end = i + 1
        while end < n, isWordCharacter(s[end]) { end += 1 }
        let word = Self.text(s[(i + 1)..<end])
        var anchoring = WordAnchoring.suffix
        if end < n, s[end] == "*" {
            anchoring = .infix
            end += 1
            if end < n, isWordCharacter(s[end]) {
                throw fail("'*' inside the word '*\(word)*\(String(String.UnicodeScalarView(s[end...].prefix { isWordCharacter($0) })))'; '*' may only start or end a word; for words in between write 'a * b'")
            }
        }
        try append(.word(word, anchoring), to: &frame, limits: limits)
        return end
    }

    /// The scalars as a String, their UTF-8 written straight into its storage (building a
    /// String a scalar at a time is several times slower; an array of bytes first costs an
    /// allocation and a validation). The capacity is exact, so that words of up to 15 bytes
    /// stay small strings, which need no allocation and compare faster.
    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let length = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }

    /// A word starting at `i`, with an optional trailing `*`; returns the index after it.
    private static func parseWord(_ s: [Unicode.Scalar], at i: Int, into frame: inout Frame, limits: RuleLimits) throws(PatternParseError) -> Int {
        let n = s.count
        var end = i
        while end < n, isWordCharacter(s[end]) { end += 1 }
        let word = Self.text(s[i..<end])
        var anchoring = WordAnchoring.whole
        if end < n, s[end] == "*" {
            if end + 1 < n, isWordCharacter(s[end + 1]) {
                let rest = String(String.UnicodeScalarView(s[(end + 1)...].prefix { isWordCharacter($0) }))
                throw fail("'*' inside the word '\(word)*\(rest)'; '*' may only start or end a word; for words in between write '\(word) * \(rest)'")
            }
            anchoring = .prefix
            end += 1
        }
        try append(.word(word, anchoring), to: &frame, limits: limits)
        return end
    }

    private static func append(_ element: PatternSyntax, to frame: inout Frame, limits: RuleLimits) throws(PatternParseError) {
        if case .gap = element {
            guard let last = frame.current.last else {
                throw fail("a gap cannot start a pattern or group; a gap stands between two elements, e.g. 'buy * now'")
            }
            if case .gap = last {
                throw fail("two gaps in a row; merge them into one, e.g. '*6'")
            }
        }
        guard frame.current.count < limits.elementsPerSequence else {
            throw fail("more than \(limits.elementsPerSequence) elements in one sequence; the limit is \(limits.elementsPerSequence); split the pattern into several patterns")
        }
        frame.current.append(element)
    }

    private static func endAlternative(_ frame: inout Frame, limits: RuleLimits) throws(PatternParseError) {
        guard let last = frame.current.last else {
            throw fail("empty alternative in a group; remove the extra '|', or write '(a)?' to make a group optional")
        }
        if case .gap = last {
            throw fail("a gap cannot end a group; a gap stands between two elements, e.g. 'buy * now'")
        }
        guard frame.alternatives.count < limits.alternativesPerGroup else {
            throw fail("more than \(limits.alternativesPerGroup) alternatives in one group; the limit is \(limits.alternativesPerGroup); move them into a list")
        }
        frame.alternatives.append(frame.current)
        frame.current = []
    }
}
