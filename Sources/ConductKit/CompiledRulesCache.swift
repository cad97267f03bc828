#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ConductMatching
import ConductNormalization
import ConductRules

/// A folder of compiled rule sets kept between processes, so that a rules folder is loaded and
/// compiled once, not at every start.
///
///     let cache = CompiledRulesCache(directory: "/var/cache/conduct")
///     let classifier = try Classifier(rulesDirectory: "Rules", cache: cache)   // compiles, keeps
///     let again = try Classifier(rulesDirectory: "Rules", cache: cache)        // reads the image
///
/// An entry's name is the SHA-256 of everything that decides the compiled rules: the build of
/// the code (the device, inode, size and modification time of the file holding ConductKit, the
/// executable or a library, and of the ICU libraries it runs with), the normalization options,
/// the folder paths as given (they appear in every explanation), and the name and bytes of
/// every rule file and guideline file. Changing any of them misses the cache; nothing is ever
/// invalidated by hand. A miss, an unreadable or damaged entry, or a folder that cannot be
/// written only costs the compile: the result is always what loading and compiling gives, and
/// errors in rule files are reported as without a cache (no entry is written for them).
///
/// An entry is a header (magic, format version, its key, the payload's length and a 64-bit
/// checksum) and the ``ImageCodable`` payload; it is written to a temporary file and renamed,
/// so a reader never sees half an entry. The cache keeps the ``maximumEntries`` most recently
/// used entries. Entries are trusted as the executable is: keep the folder writable by its
/// owner alone (it is created with mode 0700).
///
/// Cost of a hit: reading the rule files and hashing them (about 1 ms for the bundled rules),
/// reading the entry (about 7 MB for the bundled rules) and copying its tables.
public struct CompiledRulesCache: Sendable, Hashable {
    /// The folder of the entries.
    public let directory: String

    /// A cache in `directory` (relative to the working directory unless absolute; "" is the
    /// working directory itself), created when the first entry is written.
    public init(directory: String) {
        self.directory = directory.isEmpty ? "." : directory
    }

    /// `$XDG_CACHE_HOME/conduct`, or `$HOME/.cache/conduct`; nil when neither variable is set
    /// to an absolute path.
    public static var standard: CompiledRulesCache? {
        standard(environment: ProcessInfo.processInfo.environment)
    }

    static func standard(environment: [String: String]) -> CompiledRulesCache? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return CompiledRulesCache(directory: base + "/conduct")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return CompiledRulesCache(directory: home + "/.cache/conduct")
        }
        return nil
    }

    /// Entries kept; writing one more removes the least recently used. An entry of the bundled
    /// rules is about 17 MB, and every new build of the code makes new entries.
    public static let maximumEntries = 8

    /// Identifies the entry format; a change of layout must change it.
    static let formatVersion: UInt32 = 1
    static let magic = Array("conduct\u{0}".utf8)
    static let suffix = ".rules"

    /// What a lookup found, for tests and reports.
    enum Outcome: Equatable {
        /// The rule files could not all be read as plain files: no key, no entry.
        case uncached
        /// No usable entry; the rules were compiled and an entry written (or not, when
        /// `stored` is false: the folder could not be written).
        case compiled(stored: Bool)
        /// Read from the entry.
        case read
    }

    /// The compiled rules of the folder at `directory` (with `guidelines`, nil for none), read
    /// from this cache when an entry matches, else loaded and compiled by `compile` and kept.
    func compiledRules(directory: String, guidelines: String?, normalizer: Normalizer,
                       compile: () throws -> CompiledRules) throws -> (CompiledRules, Outcome) {
        guard let key = Self.key(directory: directory, guidelines: guidelines, normalizer: normalizer) else {
            return (try compile(), .uncached)
        }
        let path = self.path(for: key)
        if let rules = read(path: path, key: key, normalizer: normalizer) {
            return (rules, .read)
        }
        let rules = try compile()
        return (rules, .compiled(stored: write(rules, key: key, to: path)))
    }

    func path(for key: SHA256.Digest) -> String { "\(directory)/\(key.hex)\(Self.suffix)" }

    // MARK: The key

    /// The digest of everything that decides the compiled rules of `directory`; nil when the
    /// build cannot be identified or a rule or guideline file cannot be read as a plain file
    /// (loading then reports it).
    static func key(directory: String, guidelines: String?, normalizer: Normalizer) -> SHA256.Digest? {
        guard let build = buildIdentity else { return nil }
        var hash = SHA256()
        hash.update("conduct compiled rules")
        hash.update(Int(formatVersion))
        hash.update(build.utf8.count)
        hash.update(build)
        hash.update(Int(normalizer.options.rawValue))
        hash.update(directory.utf8.count)
        hash.update(directory)
        guard let ruleNames = try? FileManager.default.contentsOfDirectory(atPath: directory)
            .filter({ $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }).sorted(),
              hashFiles(ruleNames, in: directory, limit: RuleLimits.standard.fileBytes, into: &hash)
        else { return nil }
        if let guidelines {
            hash.update(1)
            hash.update(guidelines.utf8.count)
            hash.update(guidelines)
            // The loader reads every entry not starting with "." that is not a folder.
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: guidelines)
                .filter({ !$0.hasPrefix(".") && !isDirectory("\(guidelines)/\($0)") }).sorted(),
                  hashFiles(names, in: guidelines, limit: RuleLimits.standard.guidelineBytes, into: &hash)
            else { return nil }
        } else {
            hash.update(0)
        }
        return hash.finish()
    }

    private static func hashFiles(_ names: [String], in folder: String, limit: Int, into hash: inout SHA256) -> Bool {
        hash.update(names.count)
        for name in names {
            guard let bytes = readPlainFile("\(folder)/\(name)", limit: limit) else { return false }
            hash.update(name.utf8.count)
            hash.update(name)
            hash.update(bytes.count)
            hash.update(bytes)
        }
        return true
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// What identifies this build of the code: the file holding this module's code (the
    /// executable, or the shared library ConductKit was built as), and the ICU libraries it
    /// runs with, whose Unicode data decide how every pattern word is normalized.
    static let buildIdentity: String? = {
        guard let files = codeFiles else { return nil }
        var identities: [String] = []
        for file in files {
            guard let identity = fileIdentity(file) else { return nil }
            identities.append(file + " " + identity)
        }
        return identities.joined(separator: "\n")
    }()

    /// The path of the file mapped where this module's code is, then those of the ICU
    /// libraries mapped, in order.
    private static var codeFiles: [String]? {
        let address = UInt(bitPattern: #dsohandle)
        #if os(Linux)
        // Lines of /proc/self/maps: "start-end perms offset dev inode   path".
        guard let maps = readProcFile("/proc/self/maps") else { return nil }
        var code: String?
        var icu: Set<String> = []
        for line in String(decoding: maps, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt(fields[0][..<dash], radix: 16),
                  let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16) else { continue }
            let path = fields[5...].joined(separator: " ")
            guard path.hasPrefix("/") else { continue }
            if start <= address && address < end { code = path }
            if path.split(separator: "/").last?.hasPrefix("libicu") == true { icu.insert(path) }
        }
        return code.map { [$0] + icu.sorted() }
        #else
        var info = Dl_info()
        guard dladdr(#dsohandle, &info) != 0, let name = info.dli_fname else { return nil }
        return [String(cString: name)]
        #endif
    }

    /// A file of /proc, whose size `stat` gives as 0: read until its end.
    private static func readProcFile(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.readToEnd()).map { [UInt8]($0) }
    }

    /// Device, inode, size and modification time of the file at `path` (symbolic links
    /// followed).
    private static func fileIdentity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// The bytes of a regular file of at most `limit` bytes; nil for anything else (opened
    /// without blocking, so a named pipe cannot make the lookup wait).
    static func readPlainFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else {
            return nil
        }
        let size = Int(info.st_size)
        var whole = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = systemRead(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            // Bytes never read are not initialized: keep none.
            whole = filled == size
            initialized = whole ? size : 0
        }
        guard whole else { return nil }
        // A file that grew since `fstat` is read again by the loader; the key would not cover it.
        var extra: UInt8 = 0
        guard systemRead(descriptor, &extra, 1) == 0 else { return nil }
        return bytes
    }

    // MARK: Entries

    /// Header: magic (8 bytes), format version (4), reserved (4), key (32), payload length (8),
    /// payload checksum (8).
    static let headerSize = 64

    /// The compiled rules of the entry at `path` when it is whole, of this format and of `key`.
    /// The entry is read into memory of its own, which its tables then use in place.
    func read(path: String, key: SHA256.Digest, normalizer: Normalizer) -> CompiledRules? {
        guard let storage = Self.readEntry(path), storage.bytes.count >= Self.headerSize else { return nil }
        let raw = UnsafeRawBufferPointer(storage.bytes)
        var header = ImageReader(raw)
        guard let magic = try? header.take(8), Array(magic) == Self.magic,
              let version = try? header.take(4), version.loadUnaligned(as: UInt32.self) == Self.formatVersion.littleEndian,
              (try? header.take(4)) != nil,
              let storedKey = try? header.take(32), Array(storedKey) == key.bytes,
              let length: UInt64 = try? header.read(), length == UInt64(raw.count - Self.headerSize),
              let checksum: UInt64 = try? header.read()
        else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: raw[Self.headerSize...])
        guard Self.checksum(payload) == checksum else { return nil }
        var reader = ImageReader(payload, storage: storage)
        guard let rules = try? CompiledRules(from: &reader, normalizer: normalizer), reader.remaining == 0 else {
            return nil
        }
        // Most recently used: the entries removed last.
        _ = utimes(path, nil)
        return rules
    }

    /// The bytes of the regular file at `path`, in an ``ImageStorage``.
    private static func readEntry(_ path: String) -> ImageStorage? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        let storage = ImageStorage(count: size)
        var filled = 0
        while filled < size {
            let count = systemRead(descriptor, storage.bytes.baseAddress! + filled, size - filled)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        return size == 0 ? nil : storage
    }

    /// Writes the entry of `rules` under `key` to `path` (through a temporary file), then
    /// trims the cache; false when the folder cannot be made or written.
    @discardableResult
    func write(_ rules: CompiledRules, key: SHA256.Digest, to path: String) -> Bool {
        var payload = ImageWriter()
        rules.write(to: &payload)
        var entry = ImageWriter()
        for byte in Self.magic { entry.write(byte) }
        withUnsafeBytes(of: Self.formatVersion.littleEndian) { for byte in $0 { entry.write(byte) } }
        for _ in 0..<4 { entry.write(0 as UInt8) }
        for byte in key.bytes { entry.write(byte) }
        entry.write(UInt64(payload.bytes.count))
        payload.bytes.withUnsafeBytes { entry.write(Self.checksum($0)) }
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil
        else { return false }
        let temporary = "\(directory)/.\(key.hex).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        let written = Self.writeAll(descriptor, entry.bytes) && Self.writeAll(descriptor, payload.bytes)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        trim()
        return true
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Removes the least recently used entries beyond ``maximumEntries``.
    func trim() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var entries: [(path: String, used: Double)] = []
        for name in names where name.hasSuffix(Self.suffix) && !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            entries.append((path, Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9))
        }
        guard entries.count > Self.maximumEntries else { return }
        for entry in entries.sorted(by: { $0.used < $1.used }).prefix(entries.count - Self.maximumEntries) {
            unlink(entry.path)
        }
    }

    /// A 64-bit checksum of `bytes` (xxHash64's rounds over four lanes): it tells a damaged or
    /// truncated entry from a whole one. Not a defence against a forged entry (see the type's
    /// notes on trust). About 1 ms for the bundled rules' entry.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        @inline(__always) func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
            ((lane &+ input &* prime2) << 31 | (lane &+ input &* prime2) >> 33) &* prime1
        }
        var a = prime1 &+ prime2, b = prime2, c: UInt64 = 0, d = 0 &- prime1
        var offset = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                a = round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                b = round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                c = round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                d = round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            while offset < count {
                a = round(a, UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &+ UInt64(offset) << 8)
                offset += 1
            }
        }
        var hash = (a << 1 | a >> 63) &+ (b << 7 | b >> 57) &+ (c << 12 | c >> 52) &+ (d << 18 | d >> 46)
        hash = round(hash, UInt64(count))
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        return hash
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
#endif
