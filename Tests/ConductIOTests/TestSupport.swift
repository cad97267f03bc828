import ConductIO
import Foundation

/// Parses one line with a fresh parser.
func record(_ line: String) throws(JSONLineError) -> PostRecord {
    try JSONLineParser().parseRecord(Array(line.utf8))
}

func record(bytes: [UInt8]) throws(JSONLineError) -> PostRecord {
    try JSONLineParser().parseRecord(bytes)
}

/// The error a line is rejected with, or nil when it parses.
func parseError(_ line: String) -> JSONLineError? {
    parseError(bytes: Array(line.utf8))
}

func parseError(bytes: [UInt8]) -> JSONLineError? {
    do {
        _ = try JSONLineParser().parseRecord(bytes)
        return nil
    } catch {
        return error
    }
}

/// The decoded `text` of a line as bytes.
func textBytes(_ line: [UInt8]) throws -> [UInt8]? {
    let parser = JSONLineParser()
    return try withExtendedLifetime(parser) {
        try line.withUnsafeBufferPointer { buffer in try parser.parse(buffer).text.map(Array.init) }
    }
}

/// Deterministic pseudo-random numbers (SplitMix64), so property tests replay exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A file in the temporary directory; the test removes it with `remove()`.
struct TemporaryFile {
    let path: String

    init(_ bytes: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("conductio-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A reader's output, owned, for comparisons.
enum ReadItem: Equatable, CustomStringConvertible {
    case line(Int, String)
    case tooLong(Int, Int)

    init(_ item: LineRead) {
        switch item {
        case .line(let line): self = .line(line.number, String(decoding: line.bytes, as: UTF8.self))
        case .tooLong(let problem): self = .tooLong(problem.number, problem.byteCount)
        }
    }

    var description: String {
        switch self {
        case .line(let number, let text): "\(number):\(text.debugDescription)"
        case .tooLong(let number, let count): "\(number):tooLong(\(count))"
        }
    }
}

func readAll(_ bytes: [UInt8], chunkSize: Int = 4096, maximumLineLength: Int = 1 << 20,
             skipsByteOrderMark: Bool = true) throws -> [ReadItem] {
    let file = try TemporaryFile(bytes)
    defer { file.remove() }
    let reader = try LineReader(path: file.path, chunkSize: chunkSize, maximumLineLength: maximumLineLength,
                                skipsByteOrderMark: skipsByteOrderMark)
    var items: [ReadItem] = []
    while let item = try reader.next() { items.append(ReadItem(item)) }
    return items
}
