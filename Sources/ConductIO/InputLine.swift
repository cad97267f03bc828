/// One line of input, borrowed from the buffer that holds it: `bytes` excludes the line
/// terminator (`\n` or `\r\n`) and is valid only until the next call on the ``LineReader``
/// (or, for a ``LineBatch``, inside the closure that received it).
///
/// ```swift
/// if case .line(let line)? = try reader.next() {
///     print(line.number, line.bytes.count)       // 1, length without "\n"
/// }
/// ```
public struct InputLine {
    /// 1-based line number in the input.
    public let number: Int
    /// The line's bytes without terminator; may be empty, may hold invalid UTF-8.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// A line numbered `number` holding `bytes`.
    @inlinable public init(number: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.number = number
        self.bytes = bytes
    }
}

/// A line longer than the reader's limit. The reader skipped it without holding it in memory
/// and went on with the next line; the caller reports it in the line's place.
///
/// ```swift
/// case .tooLong(let problem): print(problem)   // "line 7 is 70000000 bytes long, …"
/// ```
public struct LineTooLong: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based number of the line.
    public let number: Int
    /// The line's length in bytes, without its terminator.
    public let byteCount: Int
    /// The reader's ``LineReader/maximumLineLength`` that the line exceeded.
    public let limit: Int

    /// Line `number`, `byteCount` bytes long, over `limit`.
    @inlinable public init(number: Int, byteCount: Int, limit: Int) {
        self.number = number
        self.byteCount = byteCount
        self.limit = limit
    }

    /// Stable text, e.g. `line 7 is 70000000 bytes long, over the limit of 67108864 bytes; split the post or raise the limit`.
    public var description: String {
        "line \(number) is \(byteCount) bytes long, over the limit of \(limit) bytes; split the post or raise the limit"
    }
}

/// What ``LineReader/next()`` produces for each input line, in input order: every input line
/// yields exactly one `LineRead`.
public enum LineRead {
    /// A line that fits the limit (possibly empty).
    case line(InputLine)
    /// A line that exceeds ``LineReader/maximumLineLength``; its bytes were skipped.
    case tooLong(LineTooLong)

    /// The 1-based number of the line, whichever the case.
    @inlinable public var number: Int {
        switch self {
        case .line(let line): line.number
        case .tooLong(let problem): problem.number
        }
    }
}
