import Foundation
import Testing

/// `--cache-dir` and `--no-cache`: compiled rules kept between runs change nothing a run
/// writes, only what it has to compile.
@Suite("Compiled rules cache options")
struct CacheOptionTests {
    static let posts = "Bike for sale, only 15 euros each, buy now\nYou moron\nSee you at the talk\n"

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".rules") }
    }

    @Test func aSecondRunReadsTheEntryAndWritesTheSame() throws {
        let cache = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let uncached = try CLI.run(["classify", "--rules", "rules", "--no-cache"], stdin: Self.posts)
        let first = try CLI.run(["classify", "--rules", "rules", "--cache-dir", cache.path], stdin: Self.posts)
        #expect(Self.entries(cache).count == 1)
        let second = try CLI.run(["classify", "--rules", "rules", "--cache-dir", cache.path], stdin: Self.posts)
        #expect(Self.entries(cache).count == 1)
        for result in [first, second] {
            #expect(result.stdout == uncached.stdout)
            #expect(result.stderr == "")
            #expect(result.status == 0)
        }
        #expect(uncached.lines.count == 3)
        #expect(uncached.lines[1].contains(#""labels":["harassment"]"#))
    }

    @Test func aDamagedEntryIsReplacedWithoutAWord() throws {
        let cache = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try CLI.run(["classify", "--rules", "rules", "--cache-dir", cache.path], stdin: Self.posts)
        let entry = cache.appendingPathComponent(Self.entries(cache)[0])
        var bytes = [UInt8](try Data(contentsOf: entry))
        bytes.removeLast(bytes.count / 2)
        try Data(bytes).write(to: entry)
        let second = try CLI.run(["classify", "--rules", "rules", "--cache-dir", cache.path], stdin: Self.posts)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == "")
        #expect(second.status == 0)
        #expect(try Data(contentsOf: entry).count > bytes.count)
    }

    @Test func noCacheWritesNothingAndTheDefaultFolderFollowsXDG() throws {
        let home = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try CLI.run(["classify", "--rules", "rules", "--no-cache"], stdin: Self.posts,
                        environment: ["XDG_CACHE_HOME": home.path])
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("conduct").path))
        _ = try CLI.run(["classify", "--rules", "rules"], stdin: Self.posts, environment: ["XDG_CACHE_HOME": home.path])
        #expect(Self.entries(home.appendingPathComponent("conduct")).count == 1)
    }

    @Test func brokenRulesAreReportedAndNotKept() throws {
        let cache = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let uncached = try CLI.run(["classify", "--rules", "bad-rules", "--no-cache"], stdin: Self.posts)
        let cached = try CLI.run(["classify", "--rules", "bad-rules", "--cache-dir", cache.path], stdin: Self.posts)
        #expect(cached.stderr == uncached.stderr)
        #expect(cached.stderr.contains("error in rule files") || cached.stderr.contains("errors in rule files"))
        #expect(cached.status == 2)
        #expect(Self.entries(cache).isEmpty)
    }

    @Test func anEmptyCacheDirIsAUsageError() throws {
        let result = try CLI.run(["classify", "--cache-dir", ""], stdin: "hello\n")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: --cache-dir needs a folder; give '.' for the working directory\n"))
        #expect(result.status == 2)
    }

    @Test func noCacheAndCacheDirTogetherIsAUsageError() throws {
        let result = try CLI.run(["classify", "--no-cache", "--cache-dir", "x"], stdin: "hello\n")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: --no-cache and --cache-dir contradict each other; give one of them\n"))
        #expect(result.status == 2)
    }
}
