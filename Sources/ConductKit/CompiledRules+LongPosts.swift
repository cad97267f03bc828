import ConductNormalization

/// Posts longer than ``CompiledRules/maximumPostBytes``: classified piece by piece.
///
///     let verdict = rules.classify(utf8: hugePost)   // pieces of at most 64 MiB, one verdict
///     verdict.hits.last?.span                        // offsets into the whole post
///
/// Why a limit: the engine keeps normalized offsets in 32 bits, and normalization can make a
/// post up to 11 times longer (U+FDFA becomes 33 bytes), so one pass over more than about
/// 190 MB cannot be represented; and a post costs 8 to 42 times its size in memory while it
/// is classified. Pieces of 64 MiB keep every pass representable and the memory of one
/// classification under about 2.8 GB, whatever the post's length.
///
/// Cost: the same as classifying the pieces one after the other, plus finding each cut
/// (at most half a piece scanned back for white space).
extension CompiledRules {
    /// The longest post classified in one pass: 64 MiB (67,108,864 bytes), the same as the
    /// CLI's line limit, so every line the CLI accepts is classified whole.
    ///
    /// A longer post is cut into pieces of at most this many bytes, each cut just after the
    /// last white space byte in the second half of the piece (else before the character that
    /// would cross the limit); each piece is classified on its own and the verdicts are
    /// joined: hits with offsets into the whole post (still at most
    /// ``Verdict/maximumHitsPerRule`` per rule), each category scored over every rule that hit
    /// in any piece, labels and action from those scores. What a single pass would see across
    /// a cut is not seen: a phrase or gap spanning it, a `near` context, `unless` or
    /// `unless_near` exception or composite part on the other side.
    public static let maximumPostBytes = 64 << 20

    /// Classifies `bytes`, in pieces when it is longer than `pieceBytes` (a parameter so tests
    /// can cut small posts).
    func classify(utf8 bytes: UnsafeRawBufferPointer, language: String?, scratch: ClassificationScratch,
                  pieceBytes: Int) -> Verdict {
        guard bytes.count > pieceBytes else {
            return scratch.withWorkspace { w in
                normalizer.normalize(utf8: bytes, into: &w.scan.text)
                guard evaluate(&w, original: bytes, language: language, trace: false) else { return cleanVerdict }
                return verdict(w, original: bytes)
            }
        }
        var hits: [Hit] = []
        var hitsPerRule: [RuleID: Int] = [:]
        for piece in Self.pieces(of: bytes, limit: pieceBytes) {
            let verdict = classify(utf8: UnsafeRawBufferPointer(rebasing: bytes[piece]), language: language,
                                   scratch: scratch, pieceBytes: pieceBytes)
            // Pieces are in order and each verdict's hits are sorted, so the joined hits are too.
            for var hit in verdict.hits where hitsPerRule[hit.rule, default: 0] < Verdict.maximumHitsPerRule {
                hitsPerRule[hit.rule, default: 0] += 1
                hit.span = OriginalSpan(start: hit.span.start + piece.lowerBound, end: hit.span.end + piece.lowerBound)
                hits.append(hit)
            }
        }
        guard !hits.isEmpty else { return cleanVerdict }
        // Every rule that hit is among the hits (each keeps at least one): score each once.
        var keep = [String: Double]()
        var scored = Set<RuleID>()
        for hit in hits.sorted(by: { $0.rule < $1.rule }) where scored.insert(hit.rule).inserted {
            keep[hit.category, default: 1] *= 1 - hit.weight
        }
        var labels: [String] = []
        var action = Action.allow
        var scores: [CategoryScore] = []
        for category in categories {
            let score = 1 - keep[category.name, default: 1]
            scores.append(CategoryScore(category: category.name, score: score))
            if Self.reaches(score, category.thresholds.review) {
                labels.append(category.name)
                action = max(action, Self.reaches(score, category.thresholds.remove) ? .remove : .review)
            }
        }
        return Verdict(labels: labels.sorted(), action: action, scores: scores, hits: hits)
    }

    /// Consecutive ranges covering `bytes`, each at most `limit` bytes (`limit` ≥ 4): cut after
    /// the last ASCII white space byte in the second half of the range, else at the last
    /// character boundary (never inside a UTF-8 sequence; a run of stray continuation bytes
    /// may be cut anywhere, as each is a character of its own).
    static func pieces(of bytes: UnsafeRawBufferPointer, limit: Int) -> [Range<Int>] {
        precondition(limit >= 4, "a piece must hold the longest UTF-8 character")
        var result: [Range<Int>] = []
        var start = 0
        while bytes.count - start > limit {
            var cut = start + limit
            var space = cut
            while space > start + limit / 2 && !Self.isSpace(bytes[space - 1]) { space -= 1 }
            if space > start + limit / 2 {
                cut = space
            } else {
                var boundary = cut
                while boundary > cut - 3 && bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
                if bytes[boundary] & 0xC0 != 0x80 { cut = boundary }
            }
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<bytes.count)
        return result
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
