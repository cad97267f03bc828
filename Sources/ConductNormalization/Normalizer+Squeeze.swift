extension Normalizer {
    /// The word with every run of two or more identical letters reduced to one letter, or nil
    /// when the word has no such run. The squeeze step turns runs of three or more into one
    /// letter ("goooood" → "god"), so a rule compiler adds this variant of a pattern word with a
    /// double letter ("good" → "god") to still match the stretched spelling. Pass normalized
    /// words: letters are compared scalar by scalar, without case folding.
    ///
    ///     Normalizer.squeezedVariant(of: "good")    // "god"
    ///     Normalizer.squeezedVariant(of: "idiot")   // nil
    ///
    /// Cost: linear in the word.
    public static func squeezedVariant(of word: String) -> String? {
        squeezedVariant(of: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 form of ``squeezedVariant(of:)-(String)``.
    public static func squeezedVariant(of utf8: [UInt8]) -> [UInt8]? {
        var scalars: [Unicode.Scalar] = []
        var decoder = UTF8()
        var iterator = utf8.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var changed = false
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if scalar == previous && isLetter(scalar) {
                changed = true
                continue
            }
            previous = scalar
            result.append(contentsOf: Array(String(scalar).utf8))
        }
        return changed ? result : nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
