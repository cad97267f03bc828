@testable import ConductKit
import Foundation
import Dispatch
import Testing

/// One compiled rule set classifying from eight threads at once gives exactly the verdicts of
/// classifying one post after the other. Run under ThreadSanitizer in CI:
///
///     swift test --build-path .build-tsan --sanitize=thread --filter ConcurrencyTests
@Suite("Concurrency")
struct ConcurrencyTests {
    static let threads = 8

    /// 400 posts from fragments that hit every bundled category, detectors, and none, in
    /// English and Dutch, with look-alikes, invalid UTF-8 and emoji; the same every run.
    static let posts: [(bytes: [UInt8], language: String?)] = {
        let fragments = [
            "Use code SAVE20 at checkout for 20% off", "DM me for the price list", "stuur me een berichtje",
            "her phone is 06 12345678", "mail jan.jansen@example.org", "IBAN NL91ABNA0417164300",
            "Postcode 1012 AB, Damstraat 1", "you are such an idiot", "ｂｕｙ ｎｏｗ", "Ｉ will find you",
            "thanks for the talk yesterday", "the venue opens at 9", "s e l l i n g cheap", "c0de SAVE20",
            "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} great session", "іdіоt", "h3ll0 fr13nd", "loooooser",
            "bestel nu met korting", "www.example.com/shop", "@someone check this", "€15 only today",
        ]
        var generator = SplitMix64(seed: 2_024)
        return (0..<400).map { n in
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                bytes += Array(fragments[Int.random(in: 0..<fragments.count, using: &generator)].utf8) + [0x20]
            }
            if n % 17 == 0 { bytes.insert(0xFF, at: bytes.count / 2) }
            return (bytes, [nil, "en", "nl"][n % 3])
        }
    }()

    /// Strides prime to 400: thread `t` visits the posts in the order `(step × strides[t] + 37t) mod 400`.
    static let strides = [1, 3, 7, 9, 11, 13, 17, 19]

    /// Every post classified once per thread, in an order of its own, on one shared rule set.
    static func concurrently(_ rules: CompiledRules) -> [[Verdict?]] {
        perThread { thread in
            var row = [Verdict?](repeating: nil, count: posts.count)
            for step in 0..<posts.count {
                let n = (step * strides[thread] + thread * 37) % posts.count
                row[n] = rules.classify(utf8: posts[n].bytes, language: posts[n].language)
            }
            return row
        }
    }

    /// `body` on `threads` threads at once; each result lands in a slot of its own, so the
    /// harness itself shares nothing mutable between threads.
    static func perThread<Result>(_ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = ThreadSlots<Result>(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            slots.buffer[thread] = body(thread)
        }
        return slots.buffer.map { $0! }
    }

    @Test("the bundled rules give every thread the sequential verdicts")
    func bundledRules() throws {
        let rules = try Classifier.bundled().rules
        let sequential = Self.posts.map { rules.classify(utf8: $0.bytes, language: $0.language) }
        #expect(sequential.filter { !$0.labels.isEmpty }.count > 100)
        for row in Self.concurrently(rules) {
            #expect(row == sequential)
        }
    }

    @Test("rules read from the cache, their tables in the entry's bytes, give every thread the sequential verdicts")
    func rulesReadFromTheCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conduct-concurrency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = CompiledRulesCache(directory: folder.path)
        let directory = try #require(BundledRules.directory)
        let (compiled, first) = try Classifier.compiledRules(directory: directory, guidelines: nil, threads: 1, cache: cache)
        let (read, second) = try Classifier.compiledRules(directory: directory, guidelines: nil, threads: 1, cache: cache)
        #expect(first == .compiled(stored: true))
        #expect(second == .read)
        let sequential = Self.posts.map { compiled.classify(utf8: $0.bytes, language: $0.language) }
        for row in Self.concurrently(read) {
            #expect(row == sequential)
        }
    }

    @Test("loading the bundled rules from eight threads at once gives one rule set")
    func bundledFirstUse() throws {
        let counts = Self.perThread { _ in (try? Classifier.bundled().rules.literalCount) ?? -1 }
        let expected = try Classifier.bundled().rules.literalCount
        #expect(counts == Array(repeating: expected, count: Self.threads))
    }

    @Test("explain from eight threads agrees with classify")
    func explain() throws {
        let rules = try Classifier.bundled().rules
        let valid = Self.posts.prefix(64).compactMap { String(validating: $0.bytes, as: UTF8.self) }
        let expected = valid.map { rules.classify($0) }
        for row in Self.perThread({ _ in valid.map { rules.explain($0).verdict } }) {
            #expect(row == expected)
        }
    }
}

/// One result slot per thread: threads write only their own slot, then one thread reads all.
final class ThreadSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
}
