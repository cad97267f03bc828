#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in large chunks and lends each line to the caller
/// without copying it.
///
/// ```swift
/// let reader = try LineReader(path: "posts.jsonl")
/// while let item = try reader.next() { if case .line(let line) = item { use(line.bytes) } }
/// ```
///
/// Lines end at `\n`; a `\r` right before the `\n` is dropped too. A last line without `\n`
/// is still a line; a file ending in `\n` has no extra empty line after it. Empty lines are
/// lines. A UTF-8 byte order mark at the very start of the input is skipped (when
/// `skipsByteOrderMark`). A line longer than `maximumLineLength` is reported as
/// ``LineRead/tooLong(_:)`` and skipped without being held in memory.
///
/// Cost: one `memchr` pass over the input plus one `read(2)` per `chunkSize` bytes; bytes are
/// moved only when a line straddles the end of the buffer (amortised O(1) per byte). Memory is
/// one buffer of `chunkSize` bytes, grown (by `realloc`) for long lines up to
/// `maximumLineLength + 2` bytes, and never more, whatever the input size. Not thread-safe: one reader per thread (hand batches
/// from ``nextBatch(maxLines:maxBytes:)`` to other threads).
public final class LineReader {
    /// 4 MiB.
    public static let defaultChunkSize = 4 << 20
    /// 64 MiB.
    public static let defaultMaximumLineLength = 64 << 20

    /// The file descriptor read from.
    public let fileDescriptor: Int32
    /// Bytes requested per `read(2)` and the initial buffer size.
    public let chunkSize: Int
    /// The longest line, in bytes without terminator, that is delivered; longer ones are
    /// reported as ``LineTooLong``.
    public let maximumLineLength: Int
    /// Whether a UTF-8 byte order mark at the start of the input is skipped.
    public let skipsByteOrderMark: Bool
    /// Lines delivered so far (including too-long ones); the number of the last line. Counted
    /// for every line without the runtime's exclusivity check: a reader is used by one thread
    /// at a time, and no access to it overlaps another.
    @exclusivity(unchecked) public private(set) var linesRead = 0
    /// Bytes read from the descriptor so far.
    public private(set) var bytesRead = 0

    private let closesOnDeinit: Bool
    // Invariant: 0 <= start <= scanFrom <= end <= capacity; [start, end) is unconsumed input
    // and [start, scanFrom) is known to hold no '\n'.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var scanFrom = 0
    private var end = 0
    private var atEOF = false
    private var checkedByteOrderMark = false
    private let capacityLimit: Int

    /// Reads from an open descriptor (for example `STDIN_FILENO`). The descriptor is closed on
    /// deinit only when `closesOnDeinit` is true.
    ///
    /// - Precondition: `chunkSize >= 1`, `maximumLineLength >= 0`.
    public init(
        fileDescriptor: Int32,
        chunkSize: Int = LineReader.defaultChunkSize,
        maximumLineLength: Int = LineReader.defaultMaximumLineLength,
        skipsByteOrderMark: Bool = true,
        closesOnDeinit: Bool = false
    ) {
        precondition(chunkSize >= 1, "chunkSize must be at least 1, got \(chunkSize)")
        precondition(maximumLineLength >= 0, "maximumLineLength must not be negative, got \(maximumLineLength)")
        self.fileDescriptor = fileDescriptor
        self.chunkSize = chunkSize
        self.maximumLineLength = maximumLineLength
        self.skipsByteOrderMark = skipsByteOrderMark
        self.closesOnDeinit = closesOnDeinit
        // At least 4 bytes, so the byte order mark check can see 3 bytes.
        self.capacity = max(chunkSize, 4)
        self.capacityLimit = max(capacity, maximumLineLength + 2)
        self.buffer = Self.reallocate(nil, capacity)
    }

    /// Opens `path` for reading; the file is closed when the reader is released.
    public convenience init(
        path: String,
        chunkSize: Int = LineReader.defaultChunkSize,
        maximumLineLength: Int = LineReader.defaultMaximumLineLength,
        skipsByteOrderMark: Bool = true
    ) throws(LineReaderError) {
        var fd: Int32
        repeat { fd = open(path, O_RDONLY) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw LineReaderError(operation: .open(path: path), code: errno) }
        self.init(fileDescriptor: fd, chunkSize: chunkSize, maximumLineLength: maximumLineLength,
                  skipsByteOrderMark: skipsByteOrderMark, closesOnDeinit: true)
    }

    deinit {
        free(buffer)
        if closesOnDeinit { _ = close(fileDescriptor) }
    }

    /// The next line, or `nil` at the end of the input. The line's bytes stay valid until the
    /// next call on this reader, and while the reader is alive.
    ///
    /// Cost: amortised O(line length). Throws ``LineReaderError`` when `read(2)` fails with
    /// anything but `EINTR` (which is retried); the reader is finished afterwards.
    public func next() throws(LineReaderError) -> LineRead? {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        while true {
            if scanFrom < end, let newline = memchr(buffer + scanFrom, 0x0A, end - scanFrom) {
                let at = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                var lineEnd = at
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let lineStart = start
                start = at + 1
                scanFrom = start
                return deliver(from: lineStart, to: lineEnd)
            }
            scanFrom = end
            if atEOF {
                guard start < end else { return nil }
                let lineStart = start
                start = end
                return deliver(from: lineStart, to: end)
            }
            if end == capacity && !makeRoom() {
                return try skipLongLine()
            }
            try fill()
        }
    }

    private func deliver(from lineStart: Int, to lineEnd: Int) -> LineRead {
        linesRead += 1
        let count = lineEnd - lineStart
        if count > maximumLineLength {
            return .tooLong(LineTooLong(number: linesRead, byteCount: count, limit: maximumLineLength))
        }
        return .line(InputLine(number: linesRead, bytes: UnsafeBufferPointer(start: buffer + lineStart, count: count)))
    }

    /// Frees space at the end of a full buffer by moving the partial line to the front, or
    /// by growing the buffer. Returns false when the partial line fills a buffer at its limit.
    private func makeRoom() -> Bool {
        let pending = end - start
        if start > 0 {
            memmove(buffer, buffer + start, pending)
            scanFrom -= start
            start = 0
            end = pending
        }
        if pending * 2 > capacity && capacity < capacityLimit {
            // Double, but jump to the limit rather than stopping less than a chunk below it.
            var grown = capacity * 2
            if grown + chunkSize >= capacityLimit { grown = capacityLimit }
            buffer = Self.reallocate(buffer, grown)
            capacity = grown
        }
        return end < capacity
    }

    /// `realloc(3)`, which can move a large buffer's pages instead of copying them, so growing
    /// never holds the old and the new buffer at once.
    private static func reallocate(_ old: UnsafeMutablePointer<UInt8>?, _ size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let raw = realloc(old, size) else {
            fatalError("cannot allocate a \(size)-byte line buffer")
        }
        return raw.assumingMemoryBound(to: UInt8.self)
    }

    /// Reads once into the free space after `end`; sets `atEOF` when the input is exhausted.
    private func fill() throws(LineReaderError) {
        let count = try readRetrying(into: buffer + end, count: capacity - end)
        if count == 0 { atEOF = true } else { end += count }
    }

    private func readRetrying(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(LineReaderError) -> Int {
        while true {
            let got = read(fileDescriptor, destination, count)
            if got >= 0 {
                bytesRead += got
                return got
            }
            let code = errno
            if code == EINTR { continue }
            atEOF = true
            start = 0; scanFrom = 0; end = 0
            throw LineReaderError(operation: .read(afterLine: linesRead), code: code)
        }
    }

    /// The buffer is full at its limit with no '\n': the line is too long. Counts and drops
    /// its bytes up to its terminator, keeping whatever follows it.
    private func skipLongLine() throws(LineReaderError) -> LineRead {
        var count = end - start
        var last = buffer[end - 1]
        start = 0; scanFrom = 0; end = 0
        while true {
            let got = try readRetrying(into: buffer, count: capacity)
            if got == 0 {
                atEOF = true
                break
            }
            if let newline = memchr(buffer, 0x0A, got) {
                let at = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                count += at
                if (at > 0 ? buffer[at - 1] : last) == 0x0D { count -= 1 }
                start = at + 1; scanFrom = start; end = got
                break
            }
            count += got
            last = buffer[got - 1]
        }
        linesRead += 1
        return .tooLong(LineTooLong(number: linesRead, byteCount: count, limit: maximumLineLength))
    }

    private func skipByteOrderMark() throws(LineReaderError) {
        checkedByteOrderMark = true
        guard skipsByteOrderMark else { return }
        while end < 3 && !atEOF { try fill() }
        if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            start = 3
            scanFrom = 3
        }
    }
}
