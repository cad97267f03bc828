import BenchmarkSupport
import ConductKit
import ConductNormalization
import ConductRules
import Foundation

// Runs one stage of the engine over the workload once (or --repeat times) and prints
// throughput, for profilers: `valgrind --tool=callgrind .build/release/Profile classify`.
//
//   Profile normalize                      normalize every post (reused buffers)
//   Profile classify [--rules SET]         normalize + scan + score every post (one scratch)
//   Profile classify-api [--rules SET]     the same through classify(utf8:) (thread scratch)
//   Profile latency [--rules SET]          one post at a time, posts of 180–220 bytes: p50/p99
//                   [--slowest N]          … and the N posts whose fastest time is the longest
//   Profile compile [--rules SET]          compile the rule set
// Options: --rules bundled|reference|synthetic-10k|synthetic-100k (default bundled),
//          --limit N (first N posts), --repeat N.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let mode = arguments.first ?? "classify"
let ruleSetName = option("--rules") ?? "bundled"
let limit = option("--limit").flatMap(Int.init)
let repeats = option("--repeat").flatMap(Int.init) ?? 1

func report(_ label: String, posts: Int, bytes: Int, wall: Double, cpu: Double) {
    let line = String(format: "%@: %d posts, %.1f MB: wall %.3f s, cpu %.3f s; %.0f posts/s, %.1f MB/s (cpu)",
                      label, posts, Double(bytes) / 1e6, wall, cpu, Double(posts) / cpu, Double(bytes) / 1e6 / cpu)
    print(line)
}

do {
    var posts = try Workload.posts()
    if let limit { posts = Array(posts.prefix(limit)) }
    var expectedPlanted: Int?
    let ruleSet: RuleSet
    switch ruleSetName {
    case "bundled": ruleSet = try RuleSets.bundled()
    case "reference": ruleSet = try RuleSets.reference()
    case "synthetic-10k", "synthetic-100k":
        let synthetic = ruleSetName == "synthetic-10k"
            ? SyntheticRules(literalCount: 10_000, literalsPerRule: 1)
            : SyntheticRules(literalCount: 100_000, literalsPerRule: 10)
        let planted = synthetic.plant(into: posts, every: 50)
        posts = planted.posts
        expectedPlanted = planted.planted
        ruleSet = try synthetic.ruleSet()
    default:
        throw WorkloadError(description: "unknown rule set \(ruleSetName)")
    }
    let set = PostSet(name: "posts", posts: posts)

    switch mode {
    case "normalize":
        let normalizer = Normalizer()
        var text = NormalizedText()
        var produced = 0
        let wall = wallSeconds(), cpu = threadCPUSeconds()
        for _ in 0..<repeats {
            for post in set.posts {
                post.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &text) }
                produced &+= text.bytes.count
            }
        }
        report("normalize", posts: set.posts.count * repeats, bytes: set.bytes * repeats,
               wall: wallSeconds() - wall, cpu: threadCPUSeconds() - cpu)
        print("normalized bytes: \(produced)")
    case "compile":
        let wall = wallSeconds(), cpu = threadCPUSeconds()
        var literals = 0
        for _ in 0..<repeats { literals = try CompiledRules(ruleSet).literalCount }
        print(String(format: "compile %@: %d rules, %d literals: wall %.3f s, cpu %.3f s per compile", ruleSetName,
                     ruleSet.rules.count, literals, (wallSeconds() - wall) / Double(repeats),
                     (threadCPUSeconds() - cpu) / Double(repeats)))
    case "classify", "classify-api":
        let classifier = Classifier(try CompiledRules(ruleSet))
        let scratch = ClassificationScratch()
        var flagged = 0, hits = 0
        let wall = wallSeconds(), cpu = threadCPUSeconds()
        for _ in 0..<repeats {
            flagged = 0
            hits = 0
            for post in set.posts {
                let verdict = post.withUnsafeBytes {
                    mode == "classify" ? classifier.classify(utf8: $0, scratch: scratch) : classifier.classify(utf8: $0)
                }
                if !verdict.labels.isEmpty { flagged += 1 }
                hits += verdict.hits.count
            }
        }
        report("\(mode) \(ruleSetName)", posts: set.posts.count * repeats, bytes: set.bytes * repeats,
               wall: wallSeconds() - wall, cpu: threadCPUSeconds() - cpu)
        print("flagged posts: \(flagged), hits: \(hits)" + (expectedPlanted.map { ", planted: \($0)" } ?? "")
              + "; rules fingerprint \(ruleSet.fingerprint)")
    case "latency":
        let classifier = Classifier(try CompiledRules(ruleSet))
        let scratch = ClassificationScratch()
        let sample = set.posts.filter { (180...220).contains($0.count) }
        for post in sample { _ = post.withUnsafeBytes { classifier.classify(utf8: $0, scratch: scratch) } }
        var nanoseconds: [Double] = []
        nanoseconds.reserveCapacity(sample.count * repeats)
        var fastest = Array(repeating: Double.infinity, count: sample.count)
        for _ in 0..<repeats {
            for (index, post) in sample.enumerated() {
                let start = wallSeconds()
                let verdict = post.withUnsafeBytes { classifier.classify(utf8: $0, scratch: scratch) }
                let elapsed = (wallSeconds() - start) * 1e9
                nanoseconds.append(elapsed)
                fastest[index] = min(fastest[index], elapsed)
                withExtendedLifetime(verdict) {}
            }
        }
        if let slowest = option("--slowest").flatMap(Int.init) {
            // The posts whose fastest time is the longest: what the tail is made of.
            for index in fastest.indices.sorted(by: { fastest[$0] > fastest[$1] }).prefix(slowest) {
                print(String(format: "%.0f ns\t", fastest[index]) + String(decoding: sample[index], as: UTF8.self))
            }
        }
        nanoseconds.sort()
        func percentile(_ p: Double) -> Double { nanoseconds[min(nanoseconds.count - 1, Int(p / 100 * Double(nanoseconds.count)))] }
        print(String(format: "latency %@: %d posts of 180–220 bytes: p50 %.0f ns, p90 %.0f ns, p99 %.0f ns, p99.9 %.0f ns, max %.0f ns",
                     ruleSetName, nanoseconds.count, percentile(50), percentile(90), percentile(99), percentile(99.9),
                     nanoseconds.last ?? 0))
    default:
        throw WorkloadError(description: "unknown mode \(mode)")
    }
} catch {
    FileHandle.standardError.write("Profile: \(error)\n".data(using: .utf8)!)
    exit(1)
}
