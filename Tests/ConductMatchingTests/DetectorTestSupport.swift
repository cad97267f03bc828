import Testing
@testable import ConductMatching

/// Detector examples are written as normalized text with every expected span of one kind
/// marked ⟦like this⟧; an example without marks expects no detection of that kind.
enum DetectorExamples {
    /// The text without marks, and the marked spans as UTF-8 byte offsets.
    static func parse(_ marked: String) -> (text: [UInt8], spans: [Span]) {
        var text: [UInt8] = []
        var spans: [Span] = []
        var open: [Int] = []
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": open.append(text.count)
            case "⟧": spans.append(Span(start: open.removeLast(), end: text.count))
            default: text += Array(String(scalar).utf8)
            }
        }
        return (text, spans.sorted())
    }

    /// `text` with `spans` marked; overlapping spans are listed after the text instead.
    static func render(_ text: [UInt8], _ spans: [Span]) -> String {
        var out: [UInt8] = []
        var position = 0
        var nested = false
        for span in spans {
            guard span.start >= position else {
                nested = true
                break
            }
            out += text[position..<span.start] + Array("⟦".utf8) + text[span.start..<span.end] + Array("⟧".utf8)
            position = span.end
        }
        if nested { return String(decoding: text, as: UTF8.self) + " " + spans.description }
        out += text[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The spans `kind` finds in `text` when it is the only kind enabled.
    static func spans(_ kind: DetectorKind, in text: [UInt8]) -> [Span] {
        Detectors(kinds: [kind]).detections(in: text).map(\.span)
    }

    /// Checks that `kind` finds exactly the marked spans, also after a multi-scalar emoji
    /// prefix (every span shifts by its length) and inside a longer neutral post.
    static func check(_ kind: DetectorKind, _ marked: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let (text, expected) = parse(marked)
        #expect(render(text, spans(kind, in: text)) == marked, sourceLocation: sourceLocation)

        let prefix = Array("👍🏽 ".utf8)
        let shifted = expected.map { Span(start: $0.start + prefix.count, end: $0.end + prefix.count) }
        #expect(spans(kind, in: prefix + text) == shifted, "after an emoji prefix: \(marked)", sourceLocation: sourceLocation)

        let lead = Array("so this is what i wanted to say, really: ".utf8)
        let tail = Array(" and that is all for now".utf8)
        let embedded = expected.map { Span(start: $0.start + lead.count, end: $0.end + lead.count) }
        #expect(spans(kind, in: lead + text + tail) == embedded, "inside a longer post: \(marked)",
                sourceLocation: sourceLocation)
    }
}
