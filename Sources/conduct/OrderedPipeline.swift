import ConductIO
import ConductKit
import Foundation

/// Reads batches of lines, classifies them on `jobs` worker threads, and writes the results in
/// input order.
///
/// Invariants: at most `3 × jobs` batches are read but not yet written (memory is constant in
/// the input size); batch `n` is written only after batches `0..<n`; exactly one thread writes
/// at a time. With `jobs == 1` everything runs on the calling thread.
final class OrderedPipeline: @unchecked Sendable {
    let jobs: Int
    let classifier: Classifier
    let configuration: PostProcessor.Configuration
    let progress: Progress?

    static let batchLines = 4096
    static let batchBytes = 1 << 20

    private let condition = NSCondition()
    // Guarded by `condition`:
    /// Batches read and not yet taken by a worker (at most `3 × jobs`, so taking the first
    /// is cheap, and a taken batch is released as soon as its worker is done with it).
    private var pending: [(sequence: Int, batch: LineBatch, jsonl: Bool)] = []
    private var completed: [Int: ([UInt8], PostProcessor.Stats)] = [:]
    private var nextToWrite = 0
    private var dispatched = 0
    private var finished = false
    private var writing = false
    private var runningWorkers = 0
    private var stats = PostProcessor.Stats()

    init(jobs: Int, classifier: Classifier, configuration: PostProcessor.Configuration, progress: Progress?) {
        self.jobs = jobs
        self.classifier = classifier
        self.configuration = configuration
        self.progress = progress
    }

    /// Processes every source in order; returns the totals.
    func run(_ sources: [(name: String, reader: LineReader)]) throws -> PostProcessor.Stats {
        if jobs == 1 { return try runInline(sources) }
        runningWorkers = jobs
        for _ in 0..<jobs {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
        var failure: Error?
        do {
            try read(sources) { sequence, batch, jsonl in
                condition.lock()
                while dispatched - nextToWrite >= 3 * jobs { condition.wait() }
                pending.append((sequence, batch, jsonl))
                dispatched += 1
                condition.broadcast()
                condition.unlock()
            }
        } catch {
            failure = error
        }
        condition.lock()
        finished = true
        condition.broadcast()
        while runningWorkers > 0 || nextToWrite < dispatched { condition.wait() }
        let totals = stats
        condition.unlock()
        progress?.finish()
        if let failure { throw failure }
        return totals
    }

    private func runInline(_ sources: [(name: String, reader: LineReader)]) throws -> PostProcessor.Stats {
        let processor = PostProcessor(classifier: classifier, configuration: configuration)
        var totals = PostProcessor.Stats()
        try read(sources) { _, batch, jsonl in
            let (output, batchStats) = processor.process(batch, jsonl: jsonl)
            output.withUnsafeBytes { Terminal.standardOutput.write($0) }
            totals.add(batchStats)
            progress?.update(totals)
        }
        progress?.finish()
        return totals
    }

    /// Reads every source as batches, deciding per source whether it is JSONL.
    private func read(_ sources: [(name: String, reader: LineReader)],
                      _ submit: (Int, LineBatch, Bool) -> Void) throws {
        var sequence = 0
        for (name, reader) in sources {
            var jsonl: Bool? = switch configuration.input {
            case .jsonl: true
            case .text: false
            case .auto: nil
            }
            while true {
                let batch: LineBatch?
                do {
                    batch = try reader.nextBatch(maxLines: Self.batchLines, maxBytes: Self.batchBytes)
                } catch {
                    throw ReadFailure(source: name, underlying: "\(error)")
                }
                guard let batch else { break }
                if jsonl == nil {
                    batch.forEach { item in
                        if jsonl == nil, case .line(let line) = item, !line.bytes.isEmpty {
                            jsonl = PostProcessor.looksLikeJSON(line.bytes)
                        }
                    }
                }
                submit(sequence, batch, jsonl ?? true)
                sequence += 1
            }
        }
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var source: String
        var underlying: String
        var description: String { "cannot read '\(source)': \(underlying)" }
    }

    /// A worker: takes batches in order, processes them, and writes whatever is next in line.
    private func work() {
        let processor = PostProcessor(classifier: classifier, configuration: configuration)
        while true {
            condition.lock()
            while pending.isEmpty && !finished { condition.wait() }
            if pending.isEmpty {
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let item = pending.removeFirst()
            condition.unlock()

            let result = processor.process(item.batch, jsonl: item.jsonl)

            condition.lock()
            completed[item.sequence] = result
            guard !writing else {
                condition.unlock()
                continue
            }
            writing = true
            while let (output, batchStats) = completed.removeValue(forKey: nextToWrite) {
                condition.unlock()
                output.withUnsafeBytes { Terminal.standardOutput.write($0) }
                condition.lock()
                stats.add(batchStats)
                nextToWrite += 1
                progress?.update(stats)
            }
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// A progress line on standard error, for terminals: posts done, posts per second, flagged.
final class Progress: @unchecked Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastUpdate: UInt64 = 0
    private var shown = false

    func update(_ stats: PostProcessor.Stats) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastUpdate >= 250_000_000 else { return }
        lastUpdate = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Int(Double(stats.lines) / seconds) : 0
        Terminal.standardError.write("\r\u{1B}[Kconduct: \(stats.lines) posts, \(rate) posts/s, \(stats.flagged) flagged")
        shown = true
    }

    func finish() {
        if shown { Terminal.standardError.write("\r\u{1B}[K") }
    }
}
