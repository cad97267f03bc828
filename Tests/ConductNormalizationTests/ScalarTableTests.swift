import CConductICU
import Testing
@testable import ConductNormalization

/// The scalar table filled from ICU's ranges (general-category runs, binary-property sets)
/// holds, for every scalar below its limit, exactly what asking ICU about that scalar alone
/// gives: `conduct_scalar_info` and `conduct_latin_fold` are the reference.
@Suite("Scalar table")
struct ScalarTableTests {
    static let limit = ScalarTable.shared.limit

    /// The scalars where `filled` and `expected` differ, in ascending order, as
    /// "U+XXXX: filled 0x… ≠ expected 0x…".
    static func differences<T: BinaryInteger>(_ filled: [T], _ expected: (UInt32) -> T) -> [String] {
        var found: [String] = []
        for scalar in 0..<UInt32(filled.count) where filled[Int(scalar)] != expected(scalar) {
            let hex = { (value: T) in "0x" + String(value, radix: 16, uppercase: true) }
            found.append("U+\(String(scalar, radix: 16, uppercase: true)): filled \(hex(filled[Int(scalar)])) ≠ expected \(hex(expected(scalar)))")
        }
        return found
    }

    static func reference(_ scalar: UInt32) -> UInt32 {
        scalar >= 0xD800 && scalar <= 0xDFFF ? 0 : conduct_scalar_info(scalar)
    }

    static func referenceFold(_ scalar: UInt32) -> UInt16 {
        scalar < 0x80 || (scalar >= 0xD800 && scalar <= 0xDFFF) ? 0 : conduct_latin_fold(scalar)
    }

    @Test("the whole-range fill gives every scalar's info bits and fold")
    func fillMatchesScalarByScalar() {
        let count = Int(Self.limit)
        var infos = [UInt32](repeating: 0xDEAD_BEEF, count: count)
        var folds = [UInt16](repeating: 0xBEEF, count: count)
        let filled = infos.withUnsafeMutableBufferPointer { infos in
            folds.withUnsafeMutableBufferPointer { folds in
                conduct_fill_scalar_table(Self.limit, infos.baseAddress, folds.baseAddress)
            }
        }
        #expect(filled == 1, "the fill asked scalar by scalar instead of reading ICU's ranges")
        let infoDifferences = Self.differences(infos, Self.reference)
        #expect(infoDifferences.count == 0, "infos differ, first: \(infoDifferences.prefix(8))")
        let foldDifferences = Self.differences(folds, Self.referenceFold)
        #expect(foldDifferences.count == 0, "folds differ, first: \(foldDifferences.prefix(8))")
        // The fill covers what the normalizer relies on.
        #expect(folds[0xE9] == UInt16(UInt8(ascii: "e")))
        #expect(folds[0xE6] == UInt16(UInt8(ascii: "a")) | UInt16(UInt8(ascii: "e")) << 8)
        #expect(folds[0xF8] == UInt16(UInt8(ascii: "o")))
        #expect(infos[0x200B] & ScalarInfo.ignorable != 0)
        #expect(infos[0x3000] & ScalarInfo.whiteSpace != 0)
        #expect(infos[0x1F600] & ScalarInfo.pictographic != 0)
        #expect(infos[0xFF41] & ScalarInfo.nfkcChanges != 0)
        #expect(ScalarInfo.script(infos[0x0456]) == ScalarInfo.cyrillic)
    }

    @Test("the shared table answers as ICU does, confusable targets included")
    func sharedTable() {
        let table = ScalarTable.shared
        var infoDifferences: [String] = [], foldDifferences: [String] = []
        for scalar in 0..<Self.limit {
            var expected = Self.reference(scalar)
            if scalar < 0xD800 || scalar > 0xDFFF, let target = ConfusableTable.target(of: scalar) {
                expected |= UInt32(target) << 24
            }
            if table.info(scalar) != expected { infoDifferences.append("U+\(String(scalar, radix: 16))") }
            if table.fold(scalar) != Self.referenceFold(scalar) { foldDifferences.append("U+\(String(scalar, radix: 16))") }
        }
        #expect(infoDifferences.count == 0, "infos differ, first: \(infoDifferences.prefix(8))")
        #expect(foldDifferences.count == 0, "folds differ, first: \(foldDifferences.prefix(8))")
        #expect(ScalarInfo.confusableTarget(table.info(0x0456)) == UInt8(ascii: "i"))
    }
}
