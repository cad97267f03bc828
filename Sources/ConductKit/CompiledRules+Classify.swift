import ConductMatching
import ConductNormalization
import ConductRules

extension CompiledRules {
    /// Classifies a post. `language` (ISO 639-1) restricts the rules to that language's.
    public func classify(_ text: String, language: String? = nil) -> Verdict {
        var text = text
        return text.withUTF8 { classify(utf8: UnsafeRawBufferPointer($0), language: language) }
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid.
    public func classify(utf8 bytes: [UInt8], language: String? = nil) -> Verdict {
        bytes.withUnsafeBytes { classify(utf8: $0, language: language) }
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid.
    public func classify(utf8 bytes: UnsafeRawBufferPointer, language: String? = nil) -> Verdict {
        ClassificationScratch.withThreadScratch { classify(utf8: bytes, language: language, scratch: $0) }
    }

    /// Classifies a post given as UTF-8 bytes, which may be invalid, reusing `scratch`'s
    /// buffers: the fastest way to classify many posts on one thread.
    ///
    /// Every entry point takes posts of any length: one longer than
    /// ``maximumPostBytes`` (64 MiB) is classified in pieces of at most that size.
    public func classify(utf8 bytes: UnsafeRawBufferPointer, language: String? = nil,
                         scratch: ClassificationScratch) -> Verdict {
        classify(utf8: bytes, language: language, scratch: scratch, pieceBytes: Self.maximumPostBytes)
    }

    /// The verdict of a post no rule hit: every score 0, action `allow`. Shared, so returning
    /// it allocates nothing.
    var cleanVerdict: Verdict {
        Verdict(labels: [], action: .allow, scores: zeroScores, hits: [])
    }

    /// Scores, labels, action and hits from an evaluated post.
    func verdict(_ w: Workspace, original: UnsafeRawBufferPointer) -> Verdict {
        var keep = Array(repeating: 1.0, count: categories.count)
        var hits: [Hit] = []
        for index in w.evaluated {
            let matches = w.matches(forRule: index)
            guard !matches.isEmpty else { continue }
            // The fields this needs, not a copy of the whole rule (its source `Rule` included).
            let weight = rules[Int(index)].weight, category = Int(rules[Int(index)].category)
            guard weight > 0 else { continue }
            let id = rules[Int(index)].id
            keep[category] *= 1 - weight
            // A rule's matches are in text order; it scores once however many there are.
            for match in matches.prefix(Verdict.maximumHitsPerRule) {
                let span = w.scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
                hits.append(Hit(rule: id, category: categories[category].name, weight: weight,
                                span: span, match: Self.decode(original, span)))
            }
        }
        guard !hits.isEmpty else { return cleanVerdict }
        hits.sort { ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule) }
        var labels: [String] = []
        var action = Action.allow
        var scores: [CategoryScore] = []
        scores.reserveCapacity(categories.count)
        for (index, category) in categories.enumerated() {
            let score = keep[index] == 1 ? 0 : 1 - keep[index]
            scores.append(CategoryScore(category: category.name, score: score))
            if Self.reaches(score, category.thresholds.review) {
                labels.append(category.name)
                action = max(action, Self.reaches(score, category.thresholds.remove) ? .remove : .review)
            }
        }
        return Verdict(labels: labels.sorted(), action: action, scores: scores, hits: hits)
    }

    /// The verdict of an explained post: the same as ``classify(utf8:language:)`` gives.
    func verdict(_ evaluation: PostEvaluation, original: UnsafeRawBufferPointer) -> Verdict {
        var w = Workspace()
        if let scan = evaluation.scan { w.scan = scan }
        w.begin(atoms: 0, programs: 0, rules: rules.count)
        for (index, state) in evaluation.states.sorted(by: { $0.key < $1.key }) {
            w.ruleMark[Int(index)] = w.generation
            w.ruleLo[Int(index)] = Int32(w.ruleMatches.count)
            w.ruleMatches.append(contentsOf: state.matches)
            w.ruleHi[Int(index)] = Int32(w.ruleMatches.count)
            w.evaluated.append(index)
        }
        return verdict(w, original: original)
    }

    /// `score ≥ threshold`, forgiving the rounding of `1 − Π(1 − w)`.
    static func reaches(_ score: Double, _ threshold: Double) -> Bool { score + 1e-9 >= threshold }

    /// The original text of `span`; invalid UTF-8 shown as U+FFFD.
    static func decode(_ original: UnsafeRawBufferPointer, _ span: OriginalSpan) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: original[span.start..<span.end]), as: UTF8.self)
    }

    /// Normalizes, scans and evaluates `text` keeping every intermediate result, for
    /// explanations.
    func evaluate(_ text: NormalizedText, original: [UInt8], language: String?, trace: Bool) -> PostEvaluation {
        var w = Workspace()
        w.scan.text = text
        return original.withUnsafeBytes { original in
            guard evaluate(&w, original: original, language: language, trace: trace) else {
                return PostEvaluation(scan: w.found.count == 0 ? nil : w.scan, states: [:])
            }
            // At most `Verdict.maximumHitsPerRule` matches and near misses per rule, the first
            // in the text: the verdict's hits, and explanations of bounded size.
            let limit = Verdict.maximumHitsPerRule
            var states: [Int32: RuleState] = [:]
            for index in w.evaluated {
                states[index] = RuleState(matches: Array(w.matches(forRule: index).prefix(limit)))
            }
            for (rule, match, reason) in w.suppressed where states[rule, default: RuleState()].suppressed.count < limit {
                states[rule, default: RuleState()].suppressed.append((match, reason))
            }
            return PostEvaluation(scan: w.scan, states: states)
        }
    }
}
