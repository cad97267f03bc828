import Benchmark
import BenchmarkSupport
import ConductKit
import ConductRules
import Foundation

/// In-process classification (normalize + scan + score, no I/O) of the shared workload's posts,
/// one `ClassificationScratch` reused the way a worker thread does:
/// - the bundled rules, the converted reference set, and 10,000 and 100,000 made-up literals
///   (the workload with one literal planted in every 50th post): the scan's cost should not
///   grow with the number of rules;
/// - latency of single posts of 180–220 bytes (p50, p99), each timed on its own.
/// Each iteration is one pass over all 200,000 posts (46 MB). Custom metrics: megabytes and
/// posts per second of the pass's CPU time (the figures to compare on a shared machine) and of
/// the wall clock. Every pass checks its answer: flagged posts and hits must equal the
/// recorded counts (see `Expected`), or the planted literals for the synthetic sets.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident,
                  postsPerCPUSecond, megabytesPerCPUSecond, postsPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )
    for set in RuleSetChoice.allCases {
        Benchmark("classify \(set.title)") { benchmark in
            let state = try ClassifyState.shared(set)
            var flagged = 0, hits = 0
            let cpu = threadCPUSeconds(), wall = wallSeconds()
            benchmark.startMeasurement()
            for post in state.posts.posts {
                let verdict = post.withUnsafeBytes { state.classifier.classify(utf8: $0, scratch: state.scratch) }
                if !verdict.labels.isEmpty { flagged &+= 1 }
                hits &+= verdict.hits.count
            }
            benchmark.stopMeasurement()
            let cpuSeconds = threadCPUSeconds() - cpu, elapsed = wallSeconds() - wall
            state.check(Expected.Counts(flagged: flagged, hits: hits))
            benchmark.measurement(postsPerCPUSecond, Int(Double(state.posts.posts.count) / cpuSeconds))
            benchmark.measurement(megabytesPerCPUSecond, Int(Double(state.posts.bytes) / 1e6 / cpuSeconds))
            benchmark.measurement(postsPerSecond, Int(Double(state.posts.posts.count) / elapsed))
        }
    }

    Benchmark("latency bundled, posts of 180-220 bytes",
              configuration: .init(metrics: [.wallClock, p50, p99, p999], maxIterations: 5)) { benchmark in
        let state = try ClassifyState.shared(.bundled)
        let sample = state.posts.posts.filter { (180...220).contains($0.count) }
        var nanoseconds: [Double] = []
        nanoseconds.reserveCapacity(sample.count)
        benchmark.startMeasurement()
        for post in sample {
            let start = wallSeconds()
            let verdict = post.withUnsafeBytes { state.classifier.classify(utf8: $0, scratch: state.scratch) }
            nanoseconds.append((wallSeconds() - start) * 1e9)
            blackHole(verdict)
        }
        benchmark.stopMeasurement()
        nanoseconds.sort()
        func percentile(_ p: Double) -> Int { Int(nanoseconds[min(nanoseconds.count - 1, Int(p / 100 * Double(nanoseconds.count)))]) }
        benchmark.measurement(p50, percentile(50))
        benchmark.measurement(p99, percentile(99))
        benchmark.measurement(p999, percentile(99.9))
    }
}

let postsPerCPUSecond = BenchmarkMetric.custom("posts/s (CPU time)", polarity: .prefersLarger, useScalingFactor: false)
let megabytesPerCPUSecond = BenchmarkMetric.custom("MB/s (CPU time)", polarity: .prefersLarger, useScalingFactor: false)
let postsPerSecond = BenchmarkMetric.custom("posts/s (wall clock)", polarity: .prefersLarger, useScalingFactor: false)
let p50 = BenchmarkMetric.custom("p50 ns per post", polarity: .prefersSmaller, useScalingFactor: false)
let p99 = BenchmarkMetric.custom("p99 ns per post", polarity: .prefersSmaller, useScalingFactor: false)
let p999 = BenchmarkMetric.custom("p99.9 ns per post", polarity: .prefersSmaller, useScalingFactor: false)

/// A rule set, its classifier, the posts to classify with it and the answer they must give.
final class ClassifyState: @unchecked Sendable {
    let classifier: Classifier
    let scratch = ClassificationScratch()
    let posts: PostSet
    let choice: RuleSetChoice
    let fingerprint: String
    /// For synthetic sets: every planted post must get exactly one hit.
    let planted: Int?

    nonisolated(unsafe) private static var cache: [RuleSetChoice: ClassifyState] = [:]

    static func shared(_ choice: RuleSetChoice) throws -> ClassifyState {
        if let known = cache[choice] { return known }
        let state = try ClassifyState(choice)
        cache[choice] = state
        return state
    }

    init(_ choice: RuleSetChoice) throws {
        self.choice = choice
        var posts = try Workload.posts()
        let ruleSet: RuleSet
        switch choice {
        case .bundled:
            ruleSet = try RuleSets.bundled()
            planted = nil
        case .reference:
            ruleSet = try RuleSets.reference()
            planted = nil
        case .synthetic10k, .synthetic100k:
            let synthetic = choice == .synthetic10k
                ? SyntheticRules(literalCount: 10_000, literalsPerRule: 1)
                : SyntheticRules(literalCount: 100_000, literalsPerRule: 10)
            let result = synthetic.plant(into: posts, every: 50)
            posts = result.posts
            planted = result.planted
            ruleSet = try synthetic.ruleSet()
        }
        fingerprint = ruleSet.fingerprint
        classifier = Classifier(try CompiledRules(ruleSet))
        self.posts = PostSet(name: choice.title, posts: posts)
    }

    /// Stops the benchmark unless `found` is the recorded answer.
    func check(_ found: Expected.Counts) {
        if let planted {
            precondition(found == Expected.Counts(flagged: planted, hits: planted),
                         "\(choice.title): found \(found), expected \(planted) planted literals, each hit once")
            return
        }
        precondition(Expected.workloadIsRecorded(),
                     "the workload's posts.txt is not the one the expected counts were recorded on "
                        + "(manifest sha256 differs); regenerate it with scripts/make-workload.sh")
        switch choice {
        case .bundled:
            Expected.check(found, expected: Expected.bundled[fingerprint], "bundled rules \(fingerprint)",
                           hint: "After a change of the bundled rules, check the new counts and record them "
                               + "in Benchmarks/Sources/BenchmarkSupport/Expected.swift under this fingerprint.")
        case .reference:
            Expected.check(found, expected: Expected.reference, "reference rules")
        case .synthetic10k, .synthetic100k:
            break
        }
    }
}

/// The rule sets measured.
enum RuleSetChoice: CaseIterable, Hashable, Sendable {
    case bundled, reference, synthetic10k, synthetic100k

    var title: String {
        switch self {
        case .bundled: "bundled rules"
        case .reference: "reference set (2,048 rules)"
        case .synthetic10k: "10,000 literals"
        case .synthetic100k: "100,000 literals"
        }
    }
}
