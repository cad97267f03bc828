import Foundation

/// The shared benchmark workload (`scripts/make-workload.sh` writes it to `Benchmarks/.workload/`):
/// 200,000 posts, 46 MB, English and Dutch, 5% with violations, and the 2,050-rule reference
/// set converted into conduct rules.
///
///     let posts = try Workload.posts()          // every post of posts.txt as UTF-8 bytes
///     posts.count                                // 200_000
public enum Workload {
    /// The workload folder: `$CONDUCT_BENCH_WORKLOAD_DIR`, else `.workload` in the current
    /// folder, else `Benchmarks/.workload` next to this package.
    public static var directory: String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CONDUCT_BENCH_WORKLOAD_DIR"], !explicit.isEmpty { return explicit }
        let local = FileManager.default.currentDirectoryPath + "/.workload"
        if FileManager.default.fileExists(atPath: local + "/posts.txt") { return local }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".workload").path
    }

    /// A file of the workload, or an error that says how to make it.
    public static func file(_ name: String) throws -> Data {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkloadError(description: "no workload file \(path); run Benchmarks/scripts/make-workload.sh first")
        }
        return data
    }

    /// The posts of `posts.txt` (one per line, the JSONL file's texts with newlines replaced by
    /// spaces), as UTF-8 bytes.
    public static func posts() throws -> [[UInt8]] {
        let data = try file("posts.txt")
        return data.withUnsafeBytes { raw in
            raw.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(raw.last == 0x0A ? 1 : 0)
                .map { Array($0) }
        }
    }

    /// The sha256 of `posts.txt` as the generator recorded it in `manifest.json`.
    public static func postsDigest() throws -> String {
        let manifest = try JSONSerialization.jsonObject(with: try file("manifest.json")) as? [String: Any]
        let files = manifest?["files"] as? [String: Any]
        let posts = files?["posts.txt"] as? [String: Any]
        guard let digest = posts?["sha256"] as? String else {
            throw WorkloadError(description: "manifest.json of the workload has no sha256 for posts.txt")
        }
        return digest
    }

    /// Directory of the reference rule set converted into conduct rules.
    public static var referenceRules: String { directory + "/reference-rules" }
}

/// A missing or unexpected workload.
public struct WorkloadError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// A set of posts with its total size.
public struct PostSet: Sendable {
    public let name: String
    public let posts: [[UInt8]]
    public let bytes: Int

    public init(name: String, posts: [[UInt8]]) {
        self.name = name
        self.posts = posts
        self.bytes = posts.reduce(0) { $0 + $1.count }
    }
}

/// A small deterministic generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Thread CPU time in seconds: the figure to compare on a machine shared with other work.
public func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Monotonic wall-clock time in seconds.
public func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
