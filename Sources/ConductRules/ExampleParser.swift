/// Reads an example's `⟦…⟧` markers: the text without them and the marked UTF-8 byte ranges.
///
///     ExampleParser.parse("Use code ⟦SAVE20⟧ now")   // ("Use code SAVE20 now", [9..<15])
///
/// Cost: one pass over the text.
enum ExampleParser {
    static let open: Unicode.Scalar = "\u{27E6}"
    static let close: Unicode.Scalar = "\u{27E7}"

    static func parse(_ text: String) -> Result<(text: String, spans: [Range<Int>]), PatternParseError> {
        // The text is built as UTF-8 bytes: appending to a `String.UnicodeScalarView` one
        // scalar at a time costs hundreds of instructions a scalar.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var spans: [Range<Int>] = []
        var start: Int?
        for c in text.unicodeScalars {
            switch c {
            case open:
                guard start == nil else {
                    return .failure(PatternParseError(message: "'⟦' inside a marked span; close the span with '⟧' before opening another"))
                }
                start = output.count
            case close:
                guard let begin = start else {
                    return .failure(PatternParseError(message: "'⟧' without a '⟦' before it; mark a span as ⟦words⟧"))
                }
                guard begin < output.count else {
                    return .failure(PatternParseError(message: "empty marked span '⟦⟧'; put the words the rule must match between the markers"))
                }
                spans.append(begin..<output.count)
                start = nil
            default:
                if c.isASCII {
                    output.append(UInt8(truncatingIfNeeded: c.value))
                } else {
                    UTF8.encode(c) { output.append($0) }
                }
            }
        }
        if start != nil {
            return .failure(PatternParseError(message: "'⟦' is never closed; add '⟧' after the words the rule must match"))
        }
        return .success((String(decoding: output, as: UTF8.self), spans))
    }
}
