import ConductIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What must hold for any bytes given as a JSONL line, and for any bytes read as lines: the
/// `jsonline` fuzzer checks it on every input; `swift test` replays the inputs that once broke
/// it (`Tests/ConductIOTests/FuzzCrashers/jsonline/`).
///
/// Parsing: an error whose offset lies in the line, or fields that are valid UTF-8, the same
/// from a reused parser as from a fresh one, and that survive a round trip through
/// ``JSONWriter``. Reading: ``LineReader`` yields exactly the lines of a naive split, whatever
/// the chunk size and line limit.
///
///     JSONLineProperties.problems(Array(#"{"id":1,"text":"hi"}"#.utf8), reusing: JSONLineParser())
///
/// Cost: linear in the input; reading goes through a pipe, so inputs above 60 KB skip it.
enum JSONLineProperties {
    /// What the fuzzer checks for one input: the parse with a reused and a fresh parser, and
    /// the reader with a chunk size (1...16) from the first byte and a line limit from the
    /// second (0...63, or 1 MiB when its high bit is set).
    static func fuzzProblems(_ input: [UInt8], reusing parser: JSONLineParser) -> [String] {
        let chunkSize = 1 + Int(input.first ?? 0) % 16
        let second = input.count > 1 ? Int(input[1]) : 255
        let limit = second >= 128 ? 1 << 20 : second % 64
        return problems(input, reusing: parser) + readerProblems(input, chunkSize: chunkSize, maximumLineLength: limit)
    }

    static func problems(_ input: [UInt8], reusing parser: JSONLineParser) -> [String] {
        var problems: [String] = []
        let reused: Result<PostRecord, JSONLineError> = input.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONLineError) in
                let fields = try parser.parse(buffer)
                problems += encodingProblems(fields)
                return PostRecord(fields)
            }
        }
        let fresh = Result { () throws(JSONLineError) in try JSONLineParser().parseRecord(input) }
        switch (reused, fresh) {
        case (.failure(let a), .failure(let b)):
            if a != b { problems.append("a reused parser fails with \(a), a fresh one with \(b)") }
            if a.offset < 0 || a.offset > input.count || a.message.isEmpty || a.description != "\(a.message) at byte \(a.offset)" {
                problems.append("malformed error: \(a) (offset \(a.offset), line of \(input.count) bytes)")
            }
        case (.success(let a), .success(let b)):
            if a != b { problems.append("a reused parser reads \(a), a fresh one \(b)") }
            problems += recordProblems(a)
        default:
            problems.append("a reused parser gives \(reused), a fresh one \(fresh)")
        }
        return problems
    }

    /// Every extracted field is valid UTF-8 (invalid input bytes already replaced).
    static func encodingProblems(_ fields: PostFields) -> [String] {
        var named: [(String, UnsafeBufferPointer<UInt8>?)] = [("id", fields.id), ("text", fields.text), ("lang", fields.lang),
                                                               ("functionality", fields.functionality)]
        for (index, label) in (fields.labels ?? UnsafeBufferPointer(start: nil, count: 0)).enumerated() {
            named.append(("labels[\(index)]", label))
        }
        return named.compactMap { name, bytes in
            guard let bytes, String(validating: bytes, as: UTF8.self) == nil else { return nil }
            return "field \(name) is not valid UTF-8: \(Array(bytes))"
        }
    }

    /// The fields survive writing with ``JSONWriter`` and reading again.
    static func recordProblems(_ record: PostRecord) -> [String] {
        var writer = JSONWriter()
        writer.beginObject()
        if let id = record.id { writer.key("id"); writer.string(id) }
        if let text = record.text { writer.key("text"); writer.string(text) }
        if let lang = record.lang { writer.key("lang"); writer.string(lang) }
        if let labels = record.labels {
            writer.key("labels"); writer.beginArray()
            for label in labels { writer.string(label) }
            writer.endArray()
        }
        if let ambiguous = record.ambiguous { writer.key("ambiguous"); writer.bool(ambiguous) }
        if let functionality = record.functionality { writer.key("functionality"); writer.string(functionality) }
        writer.endObject()
        let written = writer.bytes
        if String(validating: written, as: UTF8.self) == nil { return ["the writer produced invalid UTF-8: \(written)"] }
        do {
            let again = try JSONLineParser().parseRecord(written)
            return again == record ? [] : ["round trip changed \(record) into \(again) via \(String(decoding: written, as: UTF8.self))"]
        } catch {
            return ["the writer's output does not parse: \(error): \(String(decoding: written, as: UTF8.self))"]
        }
    }

    /// One line as the reader must deliver it.
    enum Line: Equatable {
        case line([UInt8])
        case tooLong(Int)
    }

    /// The lines of `input` by the reader's documented rules, computed the slow, obvious way.
    static func expectedLines(_ input: [UInt8], maximumLineLength: Int) -> [Line] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines: [Line] = []
        var current: [UInt8] = []
        var open = false
        for byte in bytes {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(current.count > maximumLineLength ? .tooLong(current.count) : .line(current))
                current = []
                open = false
            } else {
                current.append(byte)
                open = true
            }
        }
        if open { lines.append(current.count > maximumLineLength ? .tooLong(current.count) : .line(current)) }
        return lines
    }

    /// Reads `input` through a pipe with the given chunk size and line limit and compares with
    /// ``expectedLines(_:maximumLineLength:)``.
    static func readerProblems(_ input: [UInt8], chunkSize: Int, maximumLineLength: Int) -> [String] {
        guard input.count <= 60_000 else { return [] }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return ["pipe() failed"] }
        let written = input.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        guard written == input.count else { return ["wrote \(written) of \(input.count) bytes to the pipe"] }
        let reader = LineReader(fileDescriptor: fds[0], chunkSize: chunkSize, maximumLineLength: maximumLineLength)
        var lines: [Line] = []
        var numbers: [Int] = []
        do {
            while let item = try reader.next() {
                numbers.append(item.number)
                switch item {
                case .line(let line): lines.append(.line(Array(line.bytes)))
                case .tooLong(let problem): lines.append(.tooLong(problem.byteCount))
                }
            }
        } catch {
            return ["reading from a pipe failed: \(error)"]
        }
        var problems: [String] = []
        let expected = expectedLines(input, maximumLineLength: maximumLineLength)
        if lines != expected {
            problems.append("chunk \(chunkSize), limit \(maximumLineLength): read \(lines), expected \(expected)")
        }
        if numbers != Array(1..<(lines.count + 1)) {
            problems.append("line numbers \(numbers) are not 1...\(lines.count)")
        }
        return problems
    }
}
