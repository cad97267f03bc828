/// Plain-text input: each line is one post, its text the whole line, its id the 1-based line
/// number written in decimal.
///
/// ```swift
/// let plain = PlainTextLineParser()
/// let post = plain.parse(line)          // post.id == "7" as bytes for line 7; post.text == line.bytes
/// ```
///
/// Cost: O(digits of the line number); no allocation. The result borrows the line's bytes
/// and this parser's id buffer: valid until the next `parse` and while the parser is alive. Not thread-safe: one per thread.
public final class PlainTextLineParser {
    private let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 20)

    /// A parser with its own id buffer.
    public init() {}

    deinit { digits.deallocate() }

    /// The post of one line: `text` is the line's bytes as they are, `id` its number.
    public func parse(_ line: InputLine) -> PostFields {
        PostFields(id: decimal(line.number), text: line.bytes)
    }

    /// `number` in decimal (`number >= 0`), in this parser's id buffer.
    private func decimal(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        var value = UInt(max(number, 0))
        var start = 20
        repeat {
            start -= 1
            digits[start] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        return UnsafeBufferPointer(start: digits + start, count: 20 - start)
    }
}
