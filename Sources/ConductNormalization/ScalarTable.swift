import CConductICU

/// Per-scalar facts the normalizer needs, read from the linked ICU once and kept for the life
/// of the process: normalization boundaries, the NFKC_Casefold mapping of the scalar alone,
/// Unicode properties, the diacritic fold and the confusable fold.
///
///     let info = ScalarTable.shared.info(0x0456)      // Cyrillic і
///     ScalarInfo.confusableTarget(info)               // UInt8(ascii: "i")
///
/// Cost: built on first use (general categories and binary properties from ICU's ranges, a
/// few ICU look-ups per assigned scalar, an NFKC_Casefold mapping for each of the few thousand
/// that normalization changes: about 30 M instructions); about 1.3 MB.
/// Scalars at or above ``limit`` (ideographs of plane 2, tags, private use) are asked of ICU
/// each time; they are rare in posts.
///
/// Invariant: the tables are written only by `init` and never change afterwards, so the
/// `@unchecked Sendable` conformance is sound.
final class ScalarTable: @unchecked Sendable {
    /// The table shared by every normalizer.
    static let shared = ScalarTable(limit: 0x20000)

    /// Scalars below this value are answered from the table.
    let limit: UInt32
    /// `conduct_scalar_info` bits, script in bits 16–23, confusable ASCII target in bits 24–31.
    private let infos: UnsafeMutablePointer<UInt32>
    /// For scalars whose NFKC_Casefold differs: `offset << 8 | length` into `pool`.
    private let mappings: UnsafeMutablePointer<UInt32>
    /// Diacritic fold: up to two ASCII letters (byte 0 first).
    private let folds: UnsafeMutablePointer<UInt16>
    /// UTF-8 of every NFKC_Casefold mapping, back to back.
    private let pool: UnsafeMutablePointer<UInt8>

    init(limit: UInt32) {
        precondition(limit <= 0x110000, "limit \(limit) is past the last code point")
        self.limit = limit
        let count = Int(limit)
        infos = .allocate(capacity: count)
        mappings = .allocate(capacity: count)
        folds = .allocate(capacity: count)
        mappings.initialize(repeating: 0, count: count)
        // Property bits and folds of the whole range: from ICU's ranges, or one scalar at a
        // time when the linked ICU cannot give them.
        _ = conduct_fill_scalar_table(limit, infos, folds)
        // NFKC_Casefold mappings, one ICU call for each of the few thousand scalars that
        // normalization changes.
        var poolBytes: [UInt8] = []
        poolBytes.reserveCapacity(64 * 1024)
        var buffer = [UInt8](repeating: 0, count: 128)
        for scalar in 0..<limit where infos[Int(scalar)] & ScalarInfo.nfkcChanges != 0 {
            let length = buffer.withUnsafeMutableBufferPointer {
                conduct_nfkc_casefold_scalar(scalar, $0.baseAddress, Int32($0.count))
            }
            if length >= 0 && length <= 127 {
                mappings[Int(scalar)] = UInt32(poolBytes.count) << 8 | UInt32(length)
                poolBytes.append(contentsOf: buffer[0..<Int(length)])
            } else {
                infos[Int(scalar)] &= ~ScalarInfo.nfkcChanges
            }
        }
        // Confusable targets: the entries are sorted by scalar, one entry per scalar.
        for entry in ConfusableTable.entries {
            let scalar = entry >> 8
            if scalar >= limit { break }
            infos[Int(scalar)] |= (entry & 0xFF) << 24
        }
        pool = .allocate(capacity: max(poolBytes.count, 1))
        poolBytes.withUnsafeBufferPointer { pool.initialize(from: $0.baseAddress!, count: $0.count) }
    }

    /// The info bits of `scalar` (see ``ScalarInfo``).
    @inline(__always)
    func info(_ scalar: UInt32) -> UInt32 {
        if scalar < limit { return infos[Int(scalar)] }
        return Self.computeInfo(scalar)
    }

    /// The diacritic fold of `scalar`: up to two ASCII letters, 0 when it does not fold.
    @inline(__always)
    func fold(_ scalar: UInt32) -> UInt16 {
        if scalar < limit { return folds[Int(scalar)] }
        return conduct_latin_fold(scalar)
    }

    /// The UTF-8 NFKC_Casefold mapping of a scalar below ``limit`` whose info has
    /// ``ScalarInfo/nfkcChanges``.
    @inline(__always)
    func mapping(_ scalar: UInt32) -> UnsafeBufferPointer<UInt8> {
        let entry = mappings[Int(scalar)]
        return UnsafeBufferPointer(start: pool + Int(entry >> 8), count: Int(entry & 0xFF))
    }

    private static func computeInfo(_ scalar: UInt32) -> UInt32 {
        guard scalar <= 0x10FFFF, scalar < 0xD800 || scalar > 0xDFFF else { return 0 }
        var info = conduct_scalar_info(scalar)
        if let target = ConfusableTable.target(of: scalar) { info |= UInt32(target) << 24 }
        return info
    }
}

extension ConfusableTable {
    /// The ASCII letter `scalar` folds to, found by binary search.
    static func target(of scalar: UInt32) -> UInt8? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let key = entries[middle] >> 8
            if key == scalar { return UInt8(truncatingIfNeeded: entries[middle]) }
            if key < scalar { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// Names for the bits of a ``ScalarTable`` info value.
enum ScalarInfo {
    static let boundaryBefore = UInt32(CONDUCT_BOUNDARY_BEFORE)
    static let boundaryAfter = UInt32(CONDUCT_BOUNDARY_AFTER)
    static let nfkcChanges = UInt32(CONDUCT_NFKC_CHANGES)
    static let ignorable = UInt32(CONDUCT_IGNORABLE)
    static let whiteSpace = UInt32(CONDUCT_WHITE_SPACE)
    static let letter = UInt32(CONDUCT_LETTER)
    static let mark = UInt32(CONDUCT_MARK)
    static let digit = UInt32(CONDUCT_DIGIT)
    static let diacritic = UInt32(CONDUCT_DIACRITIC)
    static let ideographic = UInt32(CONDUCT_IDEOGRAPHIC)
    static let katakana = UInt32(CONDUCT_KATAKANA)
    static let pictographic = UInt32(CONDUCT_PICTOGRAPHIC)

    static let latin: UInt32 = 25
    static let greek: UInt32 = 14
    static let cyrillic: UInt32 = 8
    static let hebrew: UInt32 = 19

    /// ICU script code of the scalar (0 Common, 1 Inherited, 25 Latin, …).
    @inline(__always) static func script(_ info: UInt32) -> UInt32 { (info >> 16) & 0xFF }
    /// The ASCII letter a look-alike folds to, or 0.
    @inline(__always) static func confusableTarget(_ info: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: info >> 24) }
}
