import Foundation

extension EvaluationReport {
    /// The report as stable JSON: keys sorted, scores rounded to 4 decimals, each table row
    /// on one line, ending in a newline. Equal reports give equal bytes.
    ///
    ///     try report.jsonData().write(to: URL(fileURLWithPath: "Corpus/baseline.json"))
    public func jsonData() -> Data {
        Data(jsonString().utf8)
    }

    /// The text of ``jsonData()``.
    public func jsonString() -> String { JSONLayout.stableJSON(self) }

    /// Reads a report written by ``jsonData()``.
    ///
    /// - Throws: ``ReportError`` when the data is not a report, or one of another format version.
    public init(jsonData data: Data) throws {
        struct Version: Decodable { var formatVersion: Int? }
        let version: Version
        do {
            version = try JSONDecoder().decode(Version.self, from: data)
        } catch DecodingError.dataCorrupted {
            throw ReportError.notAReport(detail: "malformed JSON")
        } catch {
            throw ReportError.notAReport(detail: "not a JSON object")
        }
        guard let found = version.formatVersion else {
            throw ReportError.notAReport(detail: "missing \"formatVersion\"")
        }
        guard found == Self.currentFormatVersion else {
            throw ReportError.unsupportedVersion(found: found,
                                                 supported: Self.currentFormatVersion)
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportError.notAReport(detail: "missing \"\(key.stringValue)\" at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ReportError.notAReport(detail: "wrong type at \(Self.path(context.codingPath))")
        } catch {
            throw ReportError.notAReport(detail: "malformed JSON")
        }
    }

    /// Reads a report from a file.
    ///
    /// - Throws: ``ReportError`` naming the file.
    public static func load(from url: URL) throws -> EvaluationReport {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError.file(path: url.relativePath, .unreadable)
        }
        do {
            return try EvaluationReport(jsonData: data)
        } catch let error as ReportError {
            throw ReportError.file(path: url.relativePath, error)
        }
    }

    /// Writes ``jsonData()`` to `url`, replacing the file.
    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let parts = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
        return parts.isEmpty ? "the top level" : String(parts.joined().drop { $0 == "." })
    }
}

/// Why a saved report could not be read.
public indirect enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable
    case notAReport(detail: String)
    case unsupportedVersion(found: Int, supported: Int)
    case file(path: String, ReportError)

    /// The problem in words, with the command that writes a readable report.
    public var description: String {
        switch self {
        case .unreadable:
            "cannot read the file"
        case .notAReport(let detail):
            "not an evaluation report (\(detail)); write one with `conduct eval --write-baseline FILE`"
        case .unsupportedVersion(let found, let supported):
            "report format version \(found), this version reads only "
                + "\(supported); write a new baseline with `conduct eval --write-baseline FILE`"
        case .file(let path, let error):
            "\(path): error: \(error)"
        }
    }
}
