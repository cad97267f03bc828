import ConductIO
import ConductKit

/// Turns a batch of input lines into output bytes: parse, classify, format. One per worker
/// thread (the parsers keep scratch buffers).
final class PostProcessor {
    struct Configuration: Sendable {
        var format: Classify.OutputFormat
        var input: Classify.InputFormat
        var onlyFlagged: Bool
        var failOn: Action?
        var useLanguage: Bool
    }

    /// Counts over the lines processed.
    struct Stats: Sendable {
        var lines = 0
        var flagged = 0
        var unreadable = 0
        var reachedFailOn = 0

        mutating func add(_ other: Stats) {
            lines += other.lines
            flagged += other.flagged
            unreadable += other.unreadable
            reachedFailOn += other.reachedFailOn
        }
    }

    let classifier: Classifier
    let configuration: Configuration
    private let json = JSONLineParser()
    private let plain = PlainTextLineParser()
    /// Written for every post: without the runtime's exclusivity check, which costs two calls
    /// a post. A processor belongs to one thread, and no access to it overlaps another.
    @exclusivity(unchecked) private var writer = JSONWriter(capacity: 1 << 16)
    /// Output of `--format text`.
    private var text: [UInt8] = []
    private let categoryKeys: [[UInt8]]
    /// Everything a JSONL record of a post without hits writes after its id: no labels,
    /// `allow`, every score 0, no hits, the closing brace and the newline.
    private let cleanTail: [UInt8]
    /// Reused working memory of the classifier.
    private let scratch = ClassificationScratch()
    /// The last `lang` value seen, as bytes and as the String the classifier takes.
    private var lastLanguage: (bytes: [UInt8], code: String)?

    init(classifier: Classifier, configuration: Configuration) {
        self.classifier = classifier
        self.configuration = configuration
        self.categoryKeys = classifier.categoryNames.map { Array($0.utf8) }
        var record = JSONWriter(capacity: 256)
        record.beginObject(); record.key("id"); record.string("")
        let head = record.count
        Self.writeVerdict(Verdict(labels: [], action: .allow,
                                  scores: classifier.categoryNames.map { CategoryScore(category: $0, score: 0) },
                                  hits: []),
                          categoryKeys: categoryKeys, into: &record)
        self.cleanTail = Array(record.bytes[head...])
    }

    /// Whether a source whose first line is `line` is JSONL.
    static func looksLikeJSON(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 { return byte == UInt8(ascii: "{") }
        return false
    }

    /// Processes `batch`; `jsonl` says how to read its lines.
    func process(_ batch: LineBatch, jsonl: Bool) -> (output: [UInt8], stats: Stats) {
        writer.removeAll()
        text.removeAll(keepingCapacity: true)
        var stats = Stats()
        batch.forEach { item in
            stats.lines += 1
            switch item {
            case .tooLong(let problem):
                stats.unreadable += 1
                writeError(line: problem.number, message: problem.description)
            case .line(let line):
                if jsonl {
                    do throws(JSONLineError) {
                        let fields = try json.parse(line.bytes)
                        guard let postText = fields.text else {
                            stats.unreadable += 1
                            writeError(line: line.number, message: "missing field \"text\"")
                            return
                        }
                        let language = configuration.useLanguage ? fields.lang.map(languageCode) : nil
                        let verdict = classifier.classify(utf8: UnsafeRawBufferPointer(postText), language: language,
                                                          scratch: scratch)
                        record(verdict, &stats)
                        if let id = fields.id {
                            write(verdict, id: id)
                        } else {
                            let id = plain.parse(line).id!
                            write(verdict, id: id)
                        }
                    } catch {
                        stats.unreadable += 1
                        writeError(line: line.number, message: error.description)
                    }
                } else {
                    let fields = plain.parse(line)
                    let verdict = classifier.classify(utf8: UnsafeRawBufferPointer(line.bytes), scratch: scratch)
                    record(verdict, &stats)
                    write(verdict, id: fields.id!)
                }
            }
        }
        return (configuration.format == .jsonl ? writer.bytes : text, stats)
    }

    /// `bytes` as a String, reusing the previous one when the code repeats (as it does).
    private func languageCode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let last = lastLanguage, last.bytes.elementsEqual(bytes) { return last.code }
        let code = String(decoding: bytes, as: UTF8.self)
        lastLanguage = (Array(bytes), code)
        return code
    }

    private func record(_ verdict: Verdict, _ stats: inout Stats) {
        if !verdict.labels.isEmpty { stats.flagged += 1 }
        if let failOn = configuration.failOn, verdict.action >= failOn { stats.reachedFailOn += 1 }
    }

    private func write(_ verdict: Verdict, id: UnsafeBufferPointer<UInt8>) {
        if configuration.onlyFlagged && verdict.labels.isEmpty { return }
        switch configuration.format {
        case .jsonl: writeJSON(verdict, id: id)
        case .text: writeText(verdict, id: id)
        }
    }

    private func writeJSON(_ verdict: Verdict, id: UnsafeBufferPointer<UInt8>) {
        writer.beginObject()
        writer.key("id"); writer.string(id)
        if verdict.hits.isEmpty {
            // No hits: no labels, `allow`, every score 0 (scores come only from hits).
            cleanTail.withUnsafeBufferPointer { writer.raw($0) }
            return
        }
        Self.writeVerdict(verdict, categoryKeys: categoryKeys, into: &writer)
    }

    /// Labels, action, scores and hits, then the closing brace and the newline.
    private static func writeVerdict(_ verdict: Verdict, categoryKeys: [[UInt8]], into writer: inout JSONWriter) {
        writer.key("labels"); writer.beginArray()
        for label in verdict.labels { writer.string(label) }
        writer.endArray()
        writer.key("action"); writer.string(verdict.action.rawValue)
        writer.key("scores"); writer.beginObject()
        for (index, score) in verdict.scores.enumerated() {
            categoryKeys[index].withUnsafeBufferPointer { writer.key($0) }
            writer.score(score.score)
        }
        writer.endObject()
        writer.key("hits"); writer.beginArray()
        for hit in verdict.hits {
            writer.beginObject()
            writer.key("rule"); writer.string(hit.rule.rawValue)
            writer.key("category"); writer.string(hit.category)
            writer.key("weight"); writer.score(hit.weight)
            writer.key("start"); writer.integer(hit.span.start)
            writer.key("end"); writer.integer(hit.span.end)
            writer.key("match"); writer.string(hit.match)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.newline()
    }

    /// `id  action  labels  rule@start..<end "match" …`, tab-separated.
    private func writeText(_ verdict: Verdict, id: UnsafeBufferPointer<UInt8>) {
        var line = String(decoding: id, as: UTF8.self)
        line += "\t" + verdict.action.rawValue
        line += "\t" + (verdict.labels.isEmpty ? "-" : verdict.labels.joined(separator: ","))
        let hits = verdict.hits.map { "\($0.rule)@\($0.span.start)..<\($0.span.end) \"\(Self.oneLine($0.match))\"" }
        line += "\t" + (hits.isEmpty ? "-" : hits.joined(separator: " "))
        line += "\n"
        text.append(contentsOf: line.utf8)
    }

    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    private func writeError(line: Int, message: String) {
        switch configuration.format {
        case .jsonl:
            writer.beginObject()
            writer.key("id"); writer.string(String(line))
            writer.key("error"); writer.string(message)
            writer.endObject()
            writer.newline()
        case .text:
            text.append(contentsOf: "\(line)\terror\t\(Self.oneLine(message))\n".utf8)
        }
    }
}
