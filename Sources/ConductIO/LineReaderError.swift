#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be opened or read. After a read error the reader is finished.
///
/// ```swift
/// do { _ = try LineReader(path: "missing.jsonl") }
/// catch { print(error) }   // "cannot open missing.jsonl: No such file or directory (errno 2)"
/// ```
public struct LineReaderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Operation: Hashable, Sendable {
        /// `open(2)` of the named path.
        case open(path: String)
        /// `read(2)`; `afterLine` is the number of lines delivered before the failure.
        case read(afterLine: Int)
    }

    /// What failed.
    public let operation: Operation
    /// The `errno` value reported by the system.
    public let code: Int32

    /// The failure of `operation` with `errno` `code`.
    public init(operation: Operation, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// Stable text naming the operation, the system's reason and the errno.
    public var description: String {
        let reason = String(cString: strerror(code))
        switch operation {
        case .open(let path): return "cannot open \(path): \(reason) (errno \(code))"
        case .read(let line): return "read failed after line \(line): \(reason) (errno \(code))"
        }
    }
}
