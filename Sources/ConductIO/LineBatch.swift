/// Consecutive whole lines copied out of a ``LineReader`` into owned storage, so another
/// thread can process them while the reader fills the next batch.
///
/// ```swift
/// while let batch = try reader.nextBatch(maxLines: 4096, maxBytes: 4 << 20) {
///     pool.submit { batch.forEach { item in handle(item) } }      // batch is Sendable
/// }
/// ```
///
/// Cost: memory is the lines' bytes plus 16 bytes per line; reading the lines back is free.
public struct LineBatch: Sendable {
    /// Per line: where its bytes end in `bytes`, and for a too-long line its length
    /// (`tooLongByteCount >= 0`, with no bytes of its own in `bytes`).
    @usableFromInline struct Entry: Sendable {
        @usableFromInline var end: Int
        @usableFromInline var tooLongByteCount: Int
    }

    /// The number of the first line in the batch (1-based).
    public let firstLineNumber: Int
    /// The reader's limit, reported in ``LineTooLong`` values.
    public let maximumLineLength: Int
    /// The lines' bytes, concatenated without terminators.
    public private(set) var bytes: [UInt8]
    @usableFromInline private(set) var entries: [Entry]

    init(firstLineNumber: Int, maximumLineLength: Int, byteCapacity: Int, lineCapacity: Int) {
        self.firstLineNumber = firstLineNumber
        self.maximumLineLength = maximumLineLength
        self.bytes = []
        self.bytes.reserveCapacity(byteCapacity)
        self.entries = []
        self.entries.reserveCapacity(lineCapacity)
    }

    mutating func append(_ item: LineRead) {
        switch item {
        case .line(let line):
            bytes.append(contentsOf: line.bytes)
            entries.append(Entry(end: bytes.count, tooLongByteCount: -1))
        case .tooLong(let problem):
            entries.append(Entry(end: bytes.count, tooLongByteCount: problem.byteCount))
        }
    }

    /// The number of lines in the batch (too-long ones included).
    @inlinable public var count: Int { entries.count }

    /// The number of the last line in the batch.
    @inlinable public var lastLineNumber: Int { firstLineNumber + entries.count - 1 }

    /// Calls `body` with each line in order, exactly as ``LineReader/next()`` would have
    /// produced it; the line's bytes are valid only inside the call.
    @inlinable public func forEach(_ body: (LineRead) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var lineStart = 0
            for (index, entry) in entries.enumerated() {
                let number = firstLineNumber + index
                if entry.tooLongByteCount >= 0 {
                    try body(.tooLong(LineTooLong(number: number, byteCount: entry.tooLongByteCount,
                                                  limit: maximumLineLength)))
                } else {
                    let line = UnsafeBufferPointer(rebasing: all[lineStart..<entry.end])
                    try body(.line(InputLine(number: number, bytes: line)))
                }
                lineStart = entry.end
            }
        }
    }
}

extension LineReader {
    /// Copies up to `maxLines` next lines into a ``LineBatch``, stopping early after the line
    /// that brings the batch to `maxBytes` bytes or more (so a batch holds at least one line,
    /// whatever its length). Returns `nil` at the end of the input.
    ///
    /// Cost: one copy of each line's bytes; memory about `maxBytes` plus one line.
    /// - Precondition: `maxLines >= 1`.
    public func nextBatch(maxLines: Int, maxBytes: Int) throws(LineReaderError) -> LineBatch? {
        precondition(maxLines >= 1, "maxLines must be at least 1, got \(maxLines)")
        guard let first = try next() else { return nil }
        var batch = LineBatch(firstLineNumber: first.number, maximumLineLength: maximumLineLength,
                              byteCapacity: max(0, min(maxBytes, chunkSize)) + 64,
                              lineCapacity: min(maxLines, 1 << 16))
        batch.append(first)
        while batch.count < maxLines && batch.bytes.count < maxBytes, let item = try next() {
            batch.append(item)
        }
        return batch
    }
}
