import ConductIO
import ConductKit
import Foundation

/// Prints the time per MB of hostile posts and JSONL lines from 1 KB to 10 MB, so linear time
/// is measured rather than assumed (flat rows = linear). Release build, no sanitizers:
///
///     scripts/fuzz.sh timing                  # the table in SECURITY.md
///     scripts/fuzz.sh timing --memory         # peak RSS of one 10 MB post per shape
///     scripts/fuzz.sh timing --shape exceptions --bytes 1000000
///     scripts/fuzz.sh timing --compile        # load and compile time of rule sets at the limits
///
/// Each cell is the fastest of several runs (at least 3, or 0.3 s of runs) in CPU time of the
/// classifying thread, so other work on the machine does not inflate it; a shape whose single
/// run passes the `--budget` (seconds, default 20) stops growing, marked `>budget`.
/// `--shapes a,b` limits the tables to those shapes.
@main
struct HostileTiming {
    static let sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000]

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let repository = option("--repository") ?? FileManager.default.currentDirectoryPath
        let budget = Double(option("--budget") ?? "20") ?? 20
        let shape = option("--shape")
        let bytes = Int(option("--bytes") ?? "10000000") ?? 10_000_000
        let only = option("--shapes").map { Set($0.split(separator: ",").map(String.init)) }
        let memory = arguments.contains("--memory")
        if arguments.contains("--compile") {
            try RuleSetTiming.run()
            return
        }
        let (rules, rulesName) = try loadRules(repository: repository, folder: option("--rules"))

        if let shape {
            try single(shape, bytes: bytes, rules: rules)
            return
        }
        if memory {
            try memoryTable(bytes: bytes, only: only)
            return
        }
        print("rules: \(rulesName), \(rules.ruleSet.rules.count) rules, \(rules.literalCount) literals; load average \(loadAverage())")
        print("")
        print("| post shape | " + sizes.map(Self.size).joined(separator: " | ") + " | hits at 10 MB |")
        print("|---|" + String(repeating: "---:|", count: sizes.count + 1))
        for shape in HostileShape.posts where only?.contains(shape.name) ?? true {
            var hits = 0
            let cells = row(budget: budget) { size in
                let post = shape.make(bytes: size)
                return (measure(bytes: post.count) { hits = rules.classify(utf8: post).hits.count }, post.count)
            }
            print("| \(shape.name): \(shape.description) | " + cells.joined(separator: " | ") + " | \(hits) |")
        }
        print("")
        print("| JSONL line shape | " + sizes.map(Self.size).joined(separator: " | ") + " | outcome at 10 MB |")
        print("|---|" + String(repeating: "---:|", count: sizes.count + 1))
        let parser = JSONLineParser()
        for shape in HostileShape.lines where only?.contains(shape.name) ?? true {
            var outcome = ""
            let cells = row(budget: budget) { size in
                let line = shape.make(bytes: size)
                return (measure(bytes: line.count) {
                    line.withUnsafeBufferPointer { buffer in
                        do throws(JSONLineError) {
                            outcome = "text of \(try parser.parse(buffer).text?.count ?? 0) bytes"
                        } catch {
                            outcome = error.message
                        }
                    }
                }, line.count)
            }
            print("| \(shape.name): \(shape.description) | " + cells.joined(separator: " | ") + " | \(outcome) |")
        }
        print("")
        if only == nil { tinyPosts(rules: rules) }
        print("(ms per MB of CPU time; the fastest of at least 3 runs or 0.3 s of runs; load average \(loadAverage()))")
    }

    static func loadRules(repository: String, folder: String?) throws -> (CompiledRules, String) {
        if let folder { return (try CompiledRules(RuleSetLoader.load(directory: folder)), folder) }
        let bundled = (try? FileManager.default.contentsOfDirectory(atPath: repository + "/Rules"))?.contains { $0.hasSuffix(".yaml") } ?? false
        if bundled { return (try Classifier.bundled().rules, "bundled Rules/") }
        let coverage = repository + "/Fuzz/Classify/Rules"
        return (try CompiledRules(RuleSetLoader.load(directory: coverage)), "engine coverage set Fuzz/Classify/Rules (no bundled rule files yet)")
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes / 1_000) KB"
    }

    /// CPU seconds of this thread so far: unlike the wall clock, not inflated by other work
    /// competing for the machine's cores.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The 1-, 5- and 15-minute load averages, e.g. "2.10 2.35 2.40".
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    /// CPU seconds per run, the fastest of at least 3 runs or 0.3 s of runs (one run when a
    /// run takes longer than 1 s).
    static func measure(bytes: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        var spent = 0.0
        var runs = 0
        while runs < 3 || (spent < 0.3 && runs < 1_000) {
            let start = cpuSeconds()
            body()
            let seconds = cpuSeconds() - start
            best = min(best, seconds)
            spent += seconds
            runs += 1
            if seconds > 1 { break }
        }
        return best
    }

    /// One cell per size: ms per MB of the input actually made (a shape's unit may be longer
    /// than the smallest sizes), until a run exceeds the budget. `run` gives seconds and bytes.
    static func row(budget: Double, _ run: (Int) -> (seconds: Double, bytes: Int)) -> [String] {
        var cells: [String] = []
        var stopped = false
        for size in sizes {
            if stopped {
                cells.append(">budget")
                continue
            }
            let (seconds, bytes) = run(size)
            cells.append(String(format: "%.1f", seconds * 1e3 / (Double(max(1, bytes)) / 1e6)))
            if seconds * 10 > budget { stopped = true }
        }
        return cells
    }

    /// A million tiny posts, one after the other on one thread.
    static func tinyPosts(rules: CompiledRules) {
        let posts = ["hi", "", "ok!", "idiot", "\u{200B}", "DM me"].map { Array($0.utf8) }
        var labelled = 0
        let start = cpuSeconds()
        for n in 0..<1_000_000 where !rules.classify(utf8: posts[n % posts.count]).labels.isEmpty { labelled += 1 }
        let seconds = cpuSeconds() - start
        print(String(format: "1,000,000 tiny posts: %.2f s CPU, %.2f µs per post, %d labelled", seconds, seconds, labelled))
    }

    /// One shape at one size: time and this process's peak RSS.
    static func single(_ name: String, bytes: Int, rules: CompiledRules) throws {
        guard let shape = (HostileShape.posts + HostileShape.lines).first(where: { $0.name == name }) else {
            throw TimingError("unknown shape '\(name)'; shapes: " + (HostileShape.posts + HostileShape.lines).map(\.name).joined(separator: ", "))
        }
        let input = shape.make(bytes: bytes)
        let before = peakRSS()
        let start = cpuSeconds()
        var outcome: String
        if HostileShape.lines.contains(where: { $0.name == name }) {
            outcome = input.withUnsafeBufferPointer { buffer in
                do throws(JSONLineError) { return "text of \(try JSONLineParser().parse(buffer).text?.count ?? 0) bytes" } catch { return error.message }
            }
        } else {
            outcome = "\(rules.classify(utf8: input).hits.count) hits"
        }
        let seconds = cpuSeconds() - start
        print(String(format: "%@ %d bytes: %.3f s CPU, %@, peak RSS %d MB (%d MB before)", name, input.count, seconds, outcome,
                     peakRSS() >> 20, before >> 20))
    }

    /// Runs `single` for every shape in a child process and prints the peak RSS of each.
    static func memoryTable(bytes: Int, only: Set<String>?) throws {
        print("| shape | \(size(bytes)) input: seconds, outcome, peak RSS |")
        print("|---|---|")
        for shape in HostileShape.posts + HostileShape.lines where only?.contains(shape.name) ?? true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = Array(CommandLine.arguments.dropFirst()).filter { $0 != "--memory" } + ["--shape", shape.name, "--bytes", "\(bytes)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            print("| \(shape.name) | \(output.trimmingCharacters(in: .whitespacesAndNewlines)) |")
        }
    }

    /// This process's peak resident set size in bytes.
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

struct TimingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
