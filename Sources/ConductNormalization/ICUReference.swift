import CConductICU

/// Direct, slow calls into ICU for whole strings: the reference the normalizer's table-driven
/// paths are checked against (tests, `conduct normalize`), never used on a post's path.
enum ICUReference {
    /// The linked ICU's version, e.g. "72.1".
    static var version: String { String(cString: conduct_icu_version()) }

    /// NFKC_Casefold of `text` as ICU computes it.
    static func nfkcCasefold(_ text: String) -> String {
        transform(text) { conduct_nfkc_casefold($0, $1, $2, $3) }
    }

    /// The UTS #39 skeleton of `text` (ICU `uspoof_getSkeleton`).
    static func skeleton(_ text: String) -> String {
        transform(text) { conduct_confusable_skeleton($0, $1, $2, $3) }
    }

    private static func transform(
        _ text: String,
        _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32) -> Int32
    ) -> String {
        let source = Array(text.utf16)
        var output = [UInt16](repeating: 0, count: source.count * 4 + 16)
        var needed = source.withUnsafeBufferPointer { s in
            output.withUnsafeMutableBufferPointer { call(s.baseAddress, Int32(s.count), $0.baseAddress, Int32($0.count)) }
        }
        if Int(needed) > output.count {
            output = [UInt16](repeating: 0, count: Int(needed))
            needed = source.withUnsafeBufferPointer { s in
                output.withUnsafeMutableBufferPointer { call(s.baseAddress, Int32(s.count), $0.baseAddress, Int32($0.count)) }
            }
        }
        precondition(needed >= 0, "ICU failed on \(text.debugDescription)")
        return String(decoding: output[0..<Int(needed)], as: UTF16.self)
    }
}
