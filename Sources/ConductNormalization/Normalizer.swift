/// Turns a post — a String or raw UTF-8 bytes, possibly invalid — into ``NormalizedText``:
/// the bytes the matcher scans, each mapped back to the original bytes it came from.
///
///     let normalizer = Normalizer()
///     normalizer.normalize("Ｕse  c0de  ＳＡＶＥ20").string   // "use code save20"
///     normalizer.normalize("you are an іdіot").string     // "you are an idiot" (Cyrillic і)
///
/// The steps, in order, each switchable through ``NormalizationOptions``: invalid UTF-8 →
/// U+FFFD; default ignorables dropped; NFKC_Casefold (ICU, with an ASCII fast path);
/// non-ASCII white space → U+0020; diacritics folded; then word by word: confusables folded,
/// leet folded, letter runs squeezed, white space collapsed; then spaced letters joined, judged
/// on the words as those steps wrote them. The output is a fixed point: normalizing it again
/// changes nothing. See `ScalarPass`, `TokenPass` and its extensions for the exact rules.
///
/// Cost: linear in the input. Pure-ASCII posts never call ICU: about two passes over the
/// bytes. Output arrays are reserved up front; ``normalize(utf8:into:)`` reuses the arrays of
/// a previous result so a worker normalizing many posts allocates nothing per post. The first
/// post with a non-ASCII scalar builds the shared scalar table (tens of milliseconds, once per
/// process).
///
/// Immutable and `Sendable`: one instance serves any number of threads.
///
/// Input is limited to ``maximumInputBytes`` (2,147,483,646 bytes): the offset map holds
/// 32-bit offsets. Passing more is a programming error and traps; `CompiledRules.classify`
/// never does, as it classifies posts longer than 64 MiB in pieces.
public struct Normalizer: Sendable {
    /// The steps this normalizer applies.
    public let options: NormalizationOptions

    /// The longest input, in bytes, whose offsets the map can hold: `Int32.max - 1`. Check
    /// before normalizing input of unbounded length, and split it (at white space) when longer.
    public static let maximumInputBytes = Int(Int32.max) - 1

    /// A normalizer applying `options` (by default every step).
    public init(options: NormalizationOptions = .default) {
        self.options = options
    }

    /// Builds the process-wide table of non-ASCII scalars now rather than at the first
    /// non-ASCII character (about 50 M instructions). Call it on another thread
    /// while the main one loads rules, to take that time off the start-up; a normalizer
    /// that needs the table meanwhile waits for it. Later calls return at once.
    public static func prepare() {
        _ = ScalarTable.shared
    }

    /// Normalizes a String.
    public func normalize(_ text: String) -> NormalizedText {
        var result = NormalizedText()
        normalize(text, into: &result)
        return result
    }

    /// Normalizes a String into `result`, reusing its arrays' storage.
    public func normalize(_ text: String, into result: inout NormalizedText) {
        var text = text
        text.withUTF8 { normalize(utf8: UnsafeRawBufferPointer($0), into: &result) }
    }

    /// Normalizes UTF-8 bytes, which may be ill-formed.
    public func normalize(utf8 bytes: [UInt8]) -> NormalizedText {
        var result = NormalizedText()
        bytes.withUnsafeBytes { normalize(utf8: $0, into: &result) }
        return result
    }

    /// Normalizes UTF-8 bytes, which may be ill-formed.
    public func normalize(utf8 input: UnsafeRawBufferPointer) -> NormalizedText {
        var result = NormalizedText()
        normalize(utf8: input, into: &result)
        return result
    }

    /// Normalizes UTF-8 bytes into `result`, overwriting it and reusing the storage of its
    /// arrays: keep one `NormalizedText` per worker thread and pass it to every call, and
    /// normalizing allocates nothing once the arrays have grown to the size of the longest
    /// post.
    ///
    ///     var scratch = NormalizedText()
    ///     for post in posts {
    ///         post.withUnsafeBytes { normalizer.normalize(utf8: $0, into: &scratch) }
    ///         scan(scratch)
    ///     }
    public func normalize(utf8 input: UnsafeRawBufferPointer, into result: inout NormalizedText) {
        let n = input.count
        precondition(n <= Self.maximumInputBytes,
                     "input of \(n) bytes exceeds the limit of \(Self.maximumInputBytes) bytes (Normalizer.maximumInputBytes); split it first")
        result.originalCount = n
        guard n > 0, let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            result.resize(to: 0)
            result.applied = []
            return
        }
        var applied: NormalizationOptions = []
        var mayHaveConfusables = false
        var count: Int
        let firstNonASCII = UTF8Scan.firstNonASCII(base, from: 0, count: n)
        if firstNonASCII == n {
            if result.assignASCII(base, count: n, casefold: options.contains(.nfkcCasefold)) { applied.insert(.nfkcCasefold) }
            count = n
        } else {
            // The last ASCII byte before the first non-ASCII one may start a longer
            // normalization segment ("e" + U+0301): the scalar pass takes it.
            let prefix = max(0, firstNonASCII - 1)
            result.resize(to: n + n / 4 + ScalarPass.stepRoom)
            if result.writeASCII(base, count: prefix, casefold: options.contains(.nfkcCasefold)) { applied.insert(.nfkcCasefold) }
            var pass = ScalarPass(options: options, table: .shared, position: prefix)
            count = prefix
            while true {
                let capacity = result.bytes.count
                let written = count
                let needed = result.bytes.withUnsafeMutableBufferPointer { bytes in
                    result.originStarts.withUnsafeMutableBufferPointer { starts in
                        result.originEnds.withUnsafeMutableBufferPointer { ends in
                            var sink = ByteSink(bytes: bytes.baseAddress!, starts: starts.baseAddress!,
                                                ends: ends.baseAddress!, capacity: capacity, count: written)
                            defer { count = sink.count }
                            return pass.run(base, count: n, sink: &sink)
                        }
                    }
                }
                if needed == 0 { break }
                result.resize(to: max(capacity * 2, count + needed))
            }
            applied.formUnion(pass.applied)
            mayHaveConfusables = pass.sawConfusable && options.contains(.foldConfusables)
        }
        let wordSteps: NormalizationOptions = [
            .foldConfusables, .foldLeet, .joinSpacedLetters, .squeezeRepeats, .collapseWhitespace,
        ]
        if !options.isDisjoint(with: wordSteps) && count > 0 {
            let firstPassCount = count
            let options = self.options
            let latinDominant = mayHaveConfusables && endsUpMostlyLatin(result, count: count, original: base)
            result.bytes.withUnsafeMutableBufferPointer { bytes in
                result.originStarts.withUnsafeMutableBufferPointer { starts in
                    result.originEnds.withUnsafeMutableBufferPointer { ends in
                        var pass = TokenPass(options: options, table: .shared, original: base, bytes: bytes.baseAddress!,
                                             starts: starts.baseAddress!, ends: ends.baseAddress!,
                                             count: firstPassCount, latinDominant: latinDominant,
                                             mayHaveConfusables: mayHaveConfusables)
                        count = pass.run()
                        applied.formUnion(pass.applied)
                    }
                }
            }
        }
        result.resize(to: count)
        result.applied = applied
    }

    /// Whether the letters of the post are mostly Latin once every fold that does not depend
    /// on that answer has been made. Runs the word pass on a copy with the answer "no" and
    /// counts the letters it leaves. Deciding on the folded letters keeps normalization
    /// idempotent: a second pass sees the same letters and reaches the same answer. Only posts
    /// with a look-alike letter pay for it.
    private func endsUpMostlyLatin(_ result: NormalizedText, count: Int, original: UnsafePointer<UInt8>) -> Bool {
        var bytes = Array(result.bytes[0..<count])
        var starts = Array(result.originStarts[0..<count])
        var ends = Array(result.originEnds[0..<count])
        let options = self.options
        return bytes.withUnsafeMutableBufferPointer { b in
            starts.withUnsafeMutableBufferPointer { s in
                ends.withUnsafeMutableBufferPointer { e in
                    var pass = TokenPass(options: options, table: .shared, original: original, bytes: b.baseAddress!, starts: s.baseAddress!,
                                         ends: e.baseAddress!, count: count, latinDominant: false,
                                         mayHaveConfusables: true)
                    let written = pass.run()
                    var latin = 0
                    var other = 0
                    var i = 0
                    while i < written {
                        let (scalar, length) = UTF8Scan.decodeValid(b.baseAddress!, at: i)
                        i += length
                        if scalar < 0x80 {
                            if (scalar | 0x20) &- 0x61 < 26 { latin += 1 }
                            continue
                        }
                        let info = ScalarTable.shared.info(scalar)
                        guard info & ScalarInfo.letter != 0 else { continue }
                        if ScalarInfo.script(info) == ScalarInfo.latin { latin += 1 } else { other += 1 }
                    }
                    return latin > other
                }
            }
        }
    }
}
