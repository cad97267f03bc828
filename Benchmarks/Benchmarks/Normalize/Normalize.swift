import Benchmark
import ConductNormalization
import Foundation

/// Normalization throughput on the shared workload (Benchmarks/.workload/posts.txt, made by
/// Benchmarks/scripts/make-workload.sh), or on a synthetic workload when that file is absent.
/// Each iteration normalizes every post of one set with the buffer-reusing API, the way a
/// classifier worker does; the custom metrics are input megabytes per second of that loop, by
/// the wall clock (`MB/s`) and by the thread's CPU time (`MB/s (CPU time)`).
/// Every benchmark checks its answer: the total normalized byte count must equal the count the
/// allocating API gives for the same posts.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, megabytesPerSecond, megabytesPerCPUSecond],
        maxDuration: .seconds(5),
        maxIterations: 10
    )
    let workload = Workload.load()
    for set in [workload.ascii, workload.nonASCII, workload.all] {
        Benchmark("normalize \(set.name) (\(workload.source))") { benchmark in
            measure(set, benchmark)
        }
    }
}

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
/// Input megabytes per second of CPU time of the normalizing thread: the figure to compare on
/// a machine shared with other work, where wall-clock time includes waiting for a core.
let megabytesPerCPUSecond = BenchmarkMetric.custom("MB/s (CPU time)", polarity: .prefersLarger, useScalingFactor: false)

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Normalizes every post of `set` once, reusing one result, and records MB/s.
func measure(_ set: PostSet, _ benchmark: Benchmark) {
    let normalizer = Normalizer()
    var scratch = NormalizedText()
    var produced = 0
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    for post in set.posts {
        post.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &scratch) }
        produced &+= scratch.bytes.count
    }
    let elapsed = clock.now - start
    let cpuSeconds = threadCPUSeconds() - cpuStart
    blackHole(scratch)
    precondition(produced == set.expectedNormalizedBytes,
                 "\(set.name): normalized \(produced) bytes, the allocating API gives \(set.expectedNormalizedBytes)")
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(megabytesPerSecond, Int(Double(set.bytes) / 1_000_000 / seconds))
    benchmark.measurement(megabytesPerCPUSecond, Int(Double(set.bytes) / 1_000_000 / cpuSeconds))
}

/// One set of posts and what normalizing them must give.
struct PostSet: Sendable {
    let name: String
    let posts: [[UInt8]]
    let bytes: Int
    let expectedNormalizedBytes: Int

    init(name: String, posts: [[UInt8]]) {
        self.name = name
        self.posts = posts
        bytes = posts.reduce(0) { $0 + $1.count }
        let normalizer = Normalizer()
        expectedNormalizedBytes = posts.reduce(0) { $0 + normalizer.normalize(utf8: $1).bytes.count }
    }
}

/// The posts: ASCII-only ones, ones with any non-ASCII byte, and all of them.
struct Workload: Sendable {
    let source: String
    let ascii: PostSet
    let nonASCII: PostSet
    let all: PostSet

    static func load() -> Workload {
        let paths: [String?] = [
            ProcessInfo.processInfo.environment["CONDUCT_BENCH_WORKLOAD"],
            FileManager.default.currentDirectoryPath + "/.workload/posts.txt",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".workload/posts.txt").path,
        ]
        for case let path? in paths {
            if let data = FileManager.default.contents(atPath: path) {
                return Workload(source: "workload", posts: split(Array(data)))
            }
        }
        return Workload(source: "synthetic", posts: synthetic())
    }

    init(source: String, posts: [[UInt8]]) {
        self.source = source
        ascii = PostSet(name: "ascii", posts: posts.filter { $0.allSatisfy { $0 < 0x80 } })
        nonASCII = PostSet(name: "non-ascii", posts: posts.filter { $0.contains { $0 >= 0x80 } })
        all = PostSet(name: "all", posts: posts)
    }

    static func split(_ data: [UInt8]) -> [[UInt8]] {
        data.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    }

    /// 20,000 posts of about 230 bytes built from fixed sentences: English and Dutch prose, a
    /// quarter with non-ASCII (accents, curly quotes, emoji, fullwidth, Cyrillic look-alikes).
    static func synthetic() -> [[UInt8]] {
        let ascii = [
            "Has anyone tried the new release of the scheduler? We ran into a timeout after the upgrade.",
            "Thanks for the detailed write-up, it helped our team plan the migration for next quarter.",
            "Kan iemand uitleggen hoe de nieuwe rapportage werkt? Ik zie de cijfers van vorige week niet.",
            "Use promo code SAVE20 for 20% off, call 0612345678 or mail info@example.com before 2024-01-05.",
            "I think the workshop on Thursday was really useful, especially the part about onboarding.",
        ]
        let other = [
            "Café-overleg: wat vinden jullie van de naïeve aanpak? Ik ben er niet zo zeker van 🤔",
            "That’s a “great” idea, but the rollout in Zürich needs more testing first 👍",
            "ＦＲＥＥ ｓｈｉｐｐｉｎｇ today only — you are such an іdіot for missing it",
        ]
        var generator = SplitMix64(seed: 20_261_121)
        return (0..<20_000).map { _ in
            let pool = generator.next() % 4 == 0 ? other : ascii
            var post = ""
            while post.utf8.count < 200 {
                post += pool[Int(generator.next() % UInt64(pool.count))] + " "
            }
            return Array(post.utf8)
        }
    }
}

/// A small deterministic generator for the synthetic workload.
struct SplitMix64 {
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
