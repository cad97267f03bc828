/// The steps a ``Normalizer`` applies, each switchable.
///
///     var options = NormalizationOptions.default
///     options.remove(.foldLeet)
///     let text = Normalizer(options: options).normalize("h3ll0")
public struct NormalizationOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Invalid UTF-8 becomes U+FFFD, one per maximal ill-formed subpart (Unicode §3.9, as
    /// Swift's `String(decoding:as:)` does), mapped to the bytes it replaces. Always done, so
    /// that the output is valid UTF-8; the option exists so `--json` can report it.
    public static let replaceInvalidUTF8 = NormalizationOptions(rawValue: 1 << 0)
    /// Default-ignorable code points (ZWSP, ZWNJ, ZWJ, U+2060, U+FEFF, soft hyphen, variation
    /// selectors, bidi controls, tag characters, Hangul fillers: Unicode's
    /// Default_Ignorable_Code_Point) are dropped. With this step off they are kept as they are,
    /// outside NFKC_Casefold (which would drop them).
    public static let dropIgnorables = NormalizationOptions(rawValue: 1 << 1)
    /// NFKC_Casefold through ICU (fullwidth, ligatures, mathematical and circled letters,
    /// "ß" → "ss", case folding), segment by segment so every output byte maps to its segment's
    /// original bytes. ASCII and single scalars come from a table built from ICU once; the
    /// output equals ICU's for the whole text.
    public static let nfkcCasefold = NormalizationOptions(rawValue: 1 << 2)
    /// Look-alike letters from other scripts folded to Latin (UTS #39 confusables data of ICU,
    /// generated into `ConfusableTable`), only inside words that have a Latin letter or mix
    /// scripts, and in words wholly of Cyrillic or Greek look-alikes in a mostly Latin post.
    public static let foldConfusables = NormalizationOptions(rawValue: 1 << 3)
    /// Diacritics folded: é → e, ë → e, ñ → n, ø → o, æ → ae; combining diacritical marks
    /// dropped.
    public static let foldDiacritics = NormalizationOptions(rawValue: 1 << 4)
    /// Leet digits and symbols inside words (0→o, 1→i, 11→ll, 3→e, 4→a, 5→s, 7→t, @→a, $→s,
    /// !→i); never in numbers, codes, ordinals, amounts, handles or addresses.
    public static let foldLeet = NormalizationOptions(rawValue: 1 << 5)
    /// Spaced or dotted single letters joined: "s e l l", "s.e.l.l", "s-e-l-l" → "sell" (three
    /// letters at least, one separator throughout); a capital "I" before lower-case spaced
    /// letters is the pronoun: "I h a t e you" → "i hate you".
    public static let joinSpacedLetters = NormalizationOptions(rawValue: 1 << 6)
    /// Runs of three or more identical letters squeezed to one ("loooser" → "loser"); see
    /// ``Normalizer/squeezedVariant(of:)-(String)`` for matching words with double letters.
    public static let squeezeRepeats = NormalizationOptions(rawValue: 1 << 7)
    /// Runs of white space (any Unicode space, tab, newline) become one U+0020; leading and
    /// trailing white space is dropped.
    public static let collapseWhitespace = NormalizationOptions(rawValue: 1 << 8)

    /// Every step: what the matcher uses for posts and patterns alike.
    public static let `default`: NormalizationOptions = [
        .replaceInvalidUTF8, .dropIgnorables, .nfkcCasefold, .foldConfusables, .foldDiacritics,
        .foldLeet, .joinSpacedLetters, .squeezeRepeats, .collapseWhitespace,
    ]

    /// The names used by `conduct normalize --json`, in pipeline order.
    public static let named: [(name: String, option: NormalizationOptions)] = [
        ("replace-invalid-utf8", .replaceInvalidUTF8), ("drop-ignorables", .dropIgnorables),
        ("nfkc-casefold", .nfkcCasefold), ("fold-confusables", .foldConfusables),
        ("fold-diacritics", .foldDiacritics), ("fold-leet", .foldLeet),
        ("join-spaced-letters", .joinSpacedLetters), ("squeeze-repeats", .squeezeRepeats),
        ("collapse-whitespace", .collapseWhitespace),
    ]

    /// The names of the steps in this set, in pipeline order.
    public var names: [String] { Self.named.filter { contains($0.option) }.map(\.name) }
}
