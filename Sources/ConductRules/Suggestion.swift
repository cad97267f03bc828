/// "Did you mean" suggestions by edit distance.
///
///     Suggestion.closest(to: "scroe", among: ["score", "weight"])   // "score"
///
/// Cost: O(candidates × length²) over names of at most 64 characters, at most
/// `maxCandidates` candidates.
enum Suggestion {
    /// Candidates compared at most per suggestion, so suggestions stay cheap among 100,000 rule ids.
    static let maxCandidates = 2_000

    /// The candidate nearest to `word` when it is near enough to be a likely typo, else nil.
    /// Ties go to the earlier candidate.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty, w.count <= 64 else { return nil }
        let allowed = max(1, min(3, w.count / 3))
        var best: (String, Int)?
        var considered = 0
        for candidate in candidates where candidate != word {
            considered += 1
            if considered > maxCandidates { break }
            let c = Array(candidate.unicodeScalars)
            guard c.count <= 64, abs(c.count - w.count) <= allowed else { continue }
            let d = distance(w, c)
            if d <= allowed, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or an empty string.
    static func phrase(for word: String, among candidates: some Sequence<String>, wrap: (String) -> String = { "'\($0)'" }) -> String {
        closest(to: word, among: candidates).map { "; did you mean \(wrap($0))?" } ?? ""
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
