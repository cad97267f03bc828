/// Reads an example's `⟦…⟧` markers: the text without them and the marked UTF-8 byte ranges.
///
///     ExampleParser.parse("Use code ⟦SAVE20⟧ now")   // ("Use code SAVE20 now", [9..<15])
///
/// Cost: one pass over the text.
enum ExampleParser {
    static let open: Unicode.Scalar = "\u{27E6}"
    static let close: Unicode.Scalar = "\u{27E7}"

    static func parse(_ text: String) -> Result<(text: String, spans: [Range<Int>]), PatternParseError> {
        var output = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var offset = 0
        var start: Int?
        for c in text.unicodeScalars {
            switch c {
            case open:
                guard start == nil else {
                    return .failure(PatternParseError(message: "'⟦' inside a marked span; close the span with '⟧' before opening another"))
                }
                start = offset
            case close:
                guard let begin = start else {
                    return .failure(PatternParseError(message: "'⟧' without a '⟦' before it; mark a span as ⟦words⟧"))
                }
                guard begin < offset else {
                    return .failure(PatternParseError(message: "empty marked span '⟦⟧'; put the words the rule must match between the markers"))
                }
                spans.append(begin..<offset)
                start = nil
            default:
                output.append(c)
                offset += UTF8.width(c)
            }
        }
        if start != nil {
            return .failure(PatternParseError(message: "'⟦' is never closed; add '⟧' after the words the rule must match"))
        }
        return .success((String(output), spans))
    }
}
