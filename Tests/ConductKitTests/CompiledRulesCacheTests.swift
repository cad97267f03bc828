import Foundation
import Testing
@testable import ConductKit
import ConductMatching
import ConductNormalization
import ConductRules

/// Compiled rules written as an image and read back are the same compiled rules, and the cache
/// that keeps images returns what loading and compiling returns, whatever state its folder is
/// in.
@Suite("Compiled rules cache")
struct CompiledRulesCacheTests {
    // MARK: SHA-256

    @Test("SHA-256 of the FIPS 180-2 test messages", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(message: String, digest: String) {
        var hash = SHA256()
        hash.update(Array(message.utf8))
        #expect(hash.finish().hex == digest)
    }

    @Test func sha256OfAMillionAsInPiecesOfEverySize() {
        let bytes = [UInt8](repeating: 0x61, count: 1_000_000)
        var hash = SHA256()
        var offset = 0, piece = 1
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let end = min(raw.count, offset + piece)
                hash.update(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
                offset = end
                piece = piece % 131 + 1
            }
        }
        #expect(hash.finish().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: Images

    static let bundled: CompiledRules = try! Classifier.bundled().rules

    static func image(_ rules: CompiledRules) -> [UInt8] {
        var writer = ImageWriter()
        rules.write(to: &writer)
        return writer.bytes
    }

    /// Posts that hit every bundled category, detectors and nothing, with the rules' own
    /// examples: the verdicts of two rule sets agree on all of them or they differ.
    static let posts: [String] = {
        var posts = ConcurrencyTests.posts.map { String(decoding: $0.bytes, as: UTF8.self) }
        for rule in bundled.ruleSet.rules {
            posts += rule.matchExamples.map(\.text) + rule.noMatchExamples.map(\.text)
        }
        return posts
    }()

    @Test func theBundledRulesReadBackAreTheSameRules() throws {
        let bytes = Self.image(Self.bundled)
        // Tables copied out of the bytes.
        let copied = try bytes.withUnsafeBytes { raw in
            var reader = ImageReader(raw)
            let rules = try CompiledRules(from: &reader, normalizer: Normalizer())
            #expect(reader.remaining == 0)
            return rules
        }
        try Self.expectSame(copied, Self.bundled)
        // Tables used in place, in storage the rules keep alive.
        let storage = ImageStorage(count: bytes.count)
        bytes.withUnsafeBytes { storage.bytes.copyMemory(from: $0) }
        var reader = ImageReader(UnsafeRawBufferPointer(storage.bytes), storage: storage)
        let inPlace = try CompiledRules(from: &reader, normalizer: Normalizer())
        #expect(reader.remaining == 0)
        try Self.expectSame(inPlace, Self.bundled)
    }

    static func expectSame(_ read: CompiledRules, _ compiled: CompiledRules) throws {
        #expect(read.ruleSet == compiled.ruleSet)
        #expect(read.literalCount == compiled.literalCount)
        #expect(read.categoryNames == compiled.categoryNames)
        // Every table, byte for byte (named by the first offset that differs, not printed).
        let (a, b) = (image(read), image(compiled))
        let differsAt = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? (a.count == b.count ? nil : min(a.count, b.count))
        #expect(differsAt == nil, "the images differ from byte \(differsAt ?? 0) on (\(a.count) and \(b.count) bytes)")
        var differing = 0
        for post in posts where read.classify(post) != compiled.classify(post) { differing += 1 }
        #expect(differing == 0)
        let explained = "Use code SAVE20 at checkout for 20% off, DM me"
        #expect("\(read.explain(explained))" == "\(compiled.explain(explained))")
    }

    @Test func aTruncatedImageIsAnErrorNotACrash() throws {
        let bytes = Self.image(Self.bundled)
        for length in [0, 7, 8, 100, bytes.count / 3, bytes.count - 1] {
            #expect(throws: ImageError.self) {
                try bytes.withUnsafeBytes { raw in
                    var reader = ImageReader(UnsafeRawBufferPointer(rebasing: raw[0..<length]))
                    _ = try CompiledRules(from: &reader, normalizer: Normalizer())
                }
            }
        }
    }

    @Test func readerErrorsNameWhatIsWrong() {
        var writer = ImageWriter()
        writer.write(1_000_000)
        writer.write(7 as UInt8)
        writer.bytes.withUnsafeBytes { raw in
            var reader = ImageReader(raw)
            #expect(throws: ImageError("a count of 1000000 at offset 0 exceeds the 1 bytes left")) {
                _ = try reader.read(plain: Int32.self)
            }
            var strings = ImageReader(raw)
            #expect(throws: ImageError("string 1000000 at offset 0 is neither new nor one of the 0 before")) {
                let _: String = try strings.read()
            }
            var truth = ImageReader(UnsafeRawBufferPointer(rebasing: raw[8...]))
            #expect(throws: ImageError("a truth value is 7 at offset 0")) {
                let _: Bool = try truth.read()
            }
        }
    }

    @Test func repeatedStringsAreWrittenOnce() throws {
        var writer = ImageWriter()
        writer.write(["scam", "scam", "oplichter", "scam"])
        // Count; "scam" new (number, length, 4 bytes); again (number); "oplichter" new; again.
        #expect(writer.bytes.count == 8 + (8 + 8 + 4) + 8 + (8 + 8 + 9) + 8)
        try writer.bytes.withUnsafeBytes { raw in
            var reader = ImageReader(raw)
            let strings: [String] = try reader.read()
            #expect(strings == ["scam", "scam", "oplichter", "scam"])
        }
    }

    @Test func sharedValuesAreWrittenOnceAndNestedOnesNumberedAfterTheirParent() throws {
        var writer = ImageWriter()
        func writeList(_ writer: inout ImageWriter, _ key: Int, _ words: [String], inner: Int? = nil) {
            writer.writeShared(key: key) { writer in
                writer.write(words)
                writer.write(inner != nil)
                if let inner { writeList(&writer, inner, ["nested"]) }
            }
        }
        writeList(&writer, 10, ["buy", "order"], inner: 20)   // 0, with 1 inside
        writeList(&writer, 10, ["buy", "order"], inner: 20)   // 0 again
        writeList(&writer, 20, ["nested"])                    // 1 again
        #expect(writer.bytes.count == 8 + (8 + (8 + 8 + 3) + (8 + 8 + 5) + 1 + (8 + (8 + 8 + 8 + 6) + 1)) + 8 + 8)
        try writer.bytes.withUnsafeBytes { raw throws in
            var reader = ImageReader(raw)
            func readList(_ reader: inout ImageReader) throws(ImageError) -> [String] {
                try reader.readShared { reader throws(ImageError) -> [String] in
                    let words: [String] = try reader.read()
                    let nested: Bool = try reader.read()
                    return nested ? words + (try readList(&reader)) : words
                }
            }
            #expect(try readList(&reader) == ["buy", "order", "nested"])
            #expect(try readList(&reader) == ["buy", "order", "nested"])
            #expect(try readList(&reader) == ["nested"])
            #expect(reader.remaining == 0)
        }
        var bad = ImageWriter()
        bad.write(3)
        bad.bytes.withUnsafeBytes { raw in
            var reader = ImageReader(raw)
            #expect(throws: ImageError("shared value 3 at offset 0 is neither new nor one of the 0 before")) {
                _ = try reader.readShared { _ throws(ImageError) in 0 }
            }
        }
    }

    // MARK: The cache

    /// A rules folder of one category with a guideline, in a fresh temporary folder.
    struct Folder {
        let root: URL
        var rules: String { root.appendingPathComponent("rules").path }
        var guidelines: String { root.appendingPathComponent("rules/guidelines").path }
        var cache: CompiledRulesCache { CompiledRulesCache(directory: root.appendingPathComponent("cache").path) }

        static let selling = """
            category: selling
            description: Sales pitches.
            guideline: community.txt "Do not sell"
            threshold: { review: 0.5, remove: 0.85 }
            rules:
              - id: selling.for_sale
                description: Something offered for sale
                guideline: community.txt "Do not sell"
                weight: 0.6
                match: ["for sale", "selling my", "te koop"]
                examples:
                  match: ["Bike ⟦for sale⟧"]
                  no_match: ["Not today"]

            """

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("conduct-cache-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("rules/guidelines").path,
                                                    withIntermediateDirectories: true)
            try write("selling.yaml", Self.selling)
            try Data("Be kind. Do not sell anything here.\n".utf8)
                .write(to: URL(fileURLWithPath: guidelines + "/community.txt"))
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: rules + "/" + name))
        }

        func load(cache: CompiledRulesCache? = nil) throws -> (CompiledRules, CompiledRulesCache.Outcome) {
            try Classifier.compiledRules(directory: rules, guidelines: guidelines, threads: 1, cache: cache ?? self.cache)
        }

        var entries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory)) ?? []).sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func aSecondLoadReadsWhatTheFirstCompiled() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (compiled, first) = try folder.load()
        #expect(first == .compiled(stored: true))
        #expect(folder.entries.count == 1)
        #expect(folder.entries[0].hasSuffix(".rules") && folder.entries[0].count == 64 + 6)
        let (read, second) = try folder.load()
        #expect(second == .read)
        #expect(read.ruleSet == compiled.ruleSet)
        #expect(read.classify("Bike for sale, te koop") == compiled.classify("Bike for sale, te koop"))
        #expect(read.classify("Bike for sale, te koop").labels == ["selling"])
        let mode = try FileManager.default.attributesOfItem(atPath: folder.cache.directory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func changingARuleFileMissesTheCache() throws {
        let folder = try Folder()
        defer { folder.remove() }
        _ = try folder.load()
        try folder.write("selling.yaml", Folder.selling.replacingOccurrences(of: "weight: 0.6", with: "weight: 0.9"))
        let (changed, outcome) = try folder.load()
        #expect(outcome == .compiled(stored: true))
        #expect(changed.ruleSet.rule("selling.for_sale")?.weight == 0.9)
        #expect(folder.entries.count == 2)
        // A file the loader does not read changes nothing.
        try folder.write("README.md", "notes")
        #expect(try folder.load().1 == .read)
        // A guideline file does.
        try Data("Do not sell. Ever.\n".utf8).write(to: URL(fileURLWithPath: folder.guidelines + "/community.txt"))
        #expect(try folder.load().1 == .compiled(stored: true))
    }

    @Test func theKeyCoversTheFoldersAsGivenAndTheNormalizer() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let key = CompiledRulesCache.key(directory: folder.rules, guidelines: folder.guidelines, normalizer: Normalizer())
        #expect(key != nil)
        #expect(key == CompiledRulesCache.key(directory: folder.rules, guidelines: folder.guidelines, normalizer: Normalizer()))
        #expect(key != CompiledRulesCache.key(directory: folder.rules + "/", guidelines: folder.guidelines,
                                              normalizer: Normalizer()))
        #expect(key != CompiledRulesCache.key(directory: folder.rules, guidelines: nil, normalizer: Normalizer()))
        #expect(key != CompiledRulesCache.key(directory: folder.rules, guidelines: folder.guidelines,
                                              normalizer: Normalizer(options: [.nfkcCasefold])))
    }

    @Test("A damaged entry is compiled again and replaced", arguments: ["flip", "truncate", "empty", "header"])
    func damagedEntries(damage: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (compiled, _) = try folder.load()
        let path = folder.cache.directory + "/" + folder.entries[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes[9] ^= 1  // the format version
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (again, outcome) = try folder.load()
        #expect(outcome == .compiled(stored: true))
        #expect(again.ruleSet == compiled.ruleSet)
        #expect(try folder.load().1 == .read)
    }

    @Test func aFolderThatCannotBeWrittenOnlyCostsTheCompile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // The cache folder's parent is a regular file.
        let blocked = folder.root.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocked)
        let cache = CompiledRulesCache(directory: blocked.path + "/cache")
        let (rules, outcome) = try folder.load(cache: cache)
        #expect(outcome == .compiled(stored: false))
        #expect(rules.classify("Bike for sale").labels == ["selling"])
    }

    @Test func brokenRulesAreReportedAsWithoutACacheAndNothingIsKept() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("selling.yaml", Folder.selling.replacingOccurrences(of: "weight: 0.6", with: "wieght: 0.6"))
        var uncached = ""
        do { _ = try Classifier(rulesDirectory: folder.rules, guidelines: folder.guidelines) } catch { uncached = "\(error)" }
        var cached = ""
        do { _ = try folder.load() } catch { cached = "\(error)" }
        #expect(!uncached.isEmpty)
        #expect(cached == uncached)
        #expect(folder.entries.isEmpty)
    }

    @Test func aNamedPipeAmongTheRuleFilesIsNotWaitedOn() throws {
        let folder = try Folder()
        defer { folder.remove() }
        #expect(mkfifo(folder.rules + "/lists.yaml", 0o600) == 0)
        #expect(CompiledRulesCache.key(directory: folder.rules, guidelines: nil, normalizer: Normalizer()) == nil)
        #expect(throws: RuleLoadError.self) { _ = try folder.load() }
        #expect(folder.entries.isEmpty)
    }

    @Test func theLeastRecentlyUsedEntriesGo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.cache.directory, withIntermediateDirectories: true)
        // 20 old entries, the oldest first.
        for n in 0..<20 {
            let path = folder.cache.directory + "/\(String(repeating: "0", count: 62))\(String(format: "%02d", n)).rules"
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            var times = [timeval(tv_sec: 1_000_000 + n, tv_usec: 0), timeval(tv_sec: 1_000_000 + n, tv_usec: 0)]
            #expect(utimes(path, &times) == 0)
        }
        _ = try folder.load()
        let entries = folder.entries
        #expect(entries.count == CompiledRulesCache.maximumEntries)
        // The new entry stays; of the old, the 7 most recently used (13 to 19).
        #expect(!entries.contains { $0.hasSuffix("12.rules") && $0.hasPrefix("0000") })
        #expect(entries.contains { $0.hasSuffix("13.rules") && $0.hasPrefix("0000") })
        #expect(entries.filter { !$0.hasPrefix("0000") }.count == 1)
    }

    #if os(Linux)
    /// An ICU update changes how pattern words normalize, so it must miss the cache.
    @Test func theBuildIsTheCodesFileAndTheICULibraries() throws {
        let lines = try #require(CompiledRulesCache.buildIdentity).split(separator: "\n").map(String.init)
        let paths = lines.map { String($0[..<$0.lastIndex(of: " ")!]) }
        #expect(paths[0] == Bundle.main.executablePath || paths[0].hasSuffix(".xctest"))
        #expect(paths.contains { $0.split(separator: "/").last!.hasPrefix("libicuuc.so") })
        #expect(paths.contains { $0.split(separator: "/").last!.hasPrefix("libicudata.so") })
        for line in lines {
            // path, then device:inode:size:seconds.nanoseconds
            #expect(line.split(separator: " ").last!.split(separator: ":").count == 4)
        }
    }
    #endif

    @Test func anEmptyFolderIsTheWorkingDirectoryNotTheRoot() {
        #expect(CompiledRulesCache(directory: "").directory == ".")
        #expect(CompiledRulesCache(directory: "").path(for: SHA256.Digest(bytes: Array(repeating: 0xab, count: 32)))
                == "./" + String(repeating: "ab", count: 32) + ".rules")
    }

    @Test func theStandardFolderFollowsXDG() {
        #expect(CompiledRulesCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"])?.directory
                == "/x/cache/conduct")
        #expect(CompiledRulesCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.directory
                == "/home/a/.cache/conduct")
        #expect(CompiledRulesCache.standard(environment: [:]) == nil)
    }
}
