import ArgumentParser
import ConductNormalization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `conduct normalize [TEXT | -]`: prints text the way the matcher sees it.
///
///     $ conduct normalize 'Ｈ3LL0  wörld'
///     hello world
///     $ printf 's e l l\n1d10t\n' | conduct normalize --json
///     {"original":"s e l l","normalized":"sell","applied":["join-spaced-letters"],"map":[[0,1],[2,3],[4,5],[6,7]]}
///     …
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print text the way the matcher sees it, after normalization.",
        discussion: """
        Without TEXT, or with -, reads standard input and writes one line per input line.
        Steps, in order: \(NormalizationOptions.named.map(\.name).joined(separator: ", ")).
        With --json each line is an object: "original", "normalized", "applied" (the steps that
        changed something) and "map" (for every byte of "normalized", the [start, end) UTF-8
        byte range of the original it came from).
        """
    )

    @Argument(help: "The text to normalize; - or nothing reads standard input.")
    var text: String?

    @Flag(help: "Print the offset map and the steps applied as JSON, one object per line.")
    var json = false

    @Option(name: .customLong("skip"), help: ArgumentHelp("A step to leave out (repeatable).", valueName: "step"))
    var skipped: [String] = []

    func validate() throws {
        let names = NormalizationOptions.named.map(\.name)
        for step in skipped where !names.contains(step) {
            throw ValidationError("unknown step '\(step)' for --skip; steps are: \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        var options = NormalizationOptions.default
        for (name, option) in NormalizationOptions.named where skipped.contains(name) { options.remove(option) }
        let normalizer = Normalizer(options: options)
        var scratch = NormalizedText()
        var output = StandardOutput()
        if let text, text != "-" {
            normalizer.normalize(text, into: &scratch)
            output.write(line: format(Array(text.utf8), scratch))
        } else {
            var reader = LineReader(descriptor: 0)
            let interactive = isatty(0) != 0
            while let line = reader.next() {
                line.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &scratch) }
                output.write(line: format(line, scratch))
                if interactive { output.flush() }
            }
        }
        output.flush()
    }

    private func format(_ original: [UInt8], _ text: NormalizedText) -> [UInt8] {
        guard json else { return text.bytes }
        var out: [UInt8] = []
        out.reserveCapacity(original.count * 2 + text.bytes.count * 8 + 64)
        out.append(contentsOf: Array(#"{"original":"#.utf8))
        JSONText.appendString(String(decoding: original, as: UTF8.self), to: &out)
        out.append(contentsOf: Array(#","normalized":"#.utf8))
        JSONText.appendString(text.string, to: &out)
        out.append(contentsOf: Array(#","applied":["#.utf8))
        for (index, name) in text.applied.names.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendString(name, to: &out)
        }
        out.append(contentsOf: Array(#"],"map":["#.utf8))
        for i in 0..<text.bytes.count {
            if i > 0 { out.append(0x2C) }
            out.append(contentsOf: Array("[\(text.originStarts[i]),\(text.originEnds[i])]".utf8))
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }
}

/// JSON string escaping (RFC 8259): quotes, backslashes and control characters escaped,
/// everything else written as UTF-8.
private enum JSONText {
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in string.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

/// Reads lines of raw bytes (without their "\n" or "\r\n") from a file descriptor, so that
/// ill-formed UTF-8 reaches the normalizer exactly as it was given.
private struct LineReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { readFrom(descriptor, $0) }
            if count <= 0 {
                finished = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}

/// Buffered writes of whole lines to standard output.
private struct StandardOutput {
    private var pending: [UInt8] = []

    mutating func write(line: [UInt8]) {
        pending.append(contentsOf: line)
        pending.append(0x0A)
        if pending.count >= 64 * 1024 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < pending.count {
            let written = pending[offset...].withUnsafeBytes { writeToStandardOutput($0) }
            if written <= 0 { break }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}

private func writeToStandardOutput(_ bytes: UnsafeRawBufferPointer) -> Int {
    write(1, bytes.baseAddress, bytes.count)
}

private func readFrom(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
