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
        let text = normalizer.normalize(utf8: bytes)
        let evaluation = evaluate(text, original: hasExactRules ? Array(bytes) : nil, language: language, trace: false)
        return verdict(evaluation, original: bytes)
    }

    var hasExactRules: Bool { rules.contains { !$0.exactWords.isEmpty } }

    /// Scores, labels, action and hits from an evaluation.
    func verdict(_ evaluation: PostEvaluation, original: UnsafeRawBufferPointer) -> Verdict {
        var keep = Array(repeating: 1.0, count: categories.count)
        var hits: [Hit] = []
        if let scan = evaluation.scan {
            // In rule order: Dictionary order varies between instances (per-instance hash
            // seeds), and floating-point products in another order differ in the last bit.
            for (index, state) in evaluation.states.sorted(by: { $0.key < $1.key }) where !state.matches.isEmpty {
                let rule = rules[Int(index)]
                guard rule.weight > 0 else { continue }
                keep[Int(rule.category)] *= 1 - rule.weight
                for match in state.matches {
                    let span = scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
                    hits.append(Hit(rule: rule.id, category: categories[Int(rule.category)].name, weight: rule.weight,
                                    span: span, match: Self.decode(original, span)))
                }
            }
        }
        hits.sort { ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule) }
        var labels: [String] = []
        var action = Action.allow
        var scores: [CategoryScore] = []
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

    /// `score ≥ threshold`, forgiving the rounding of `1 − Π(1 − w)`.
    static func reaches(_ score: Double, _ threshold: Double) -> Bool { score + 1e-9 >= threshold }

    /// The original text of `span`; invalid UTF-8 shown as U+FFFD.
    static func decode(_ original: UnsafeRawBufferPointer, _ span: OriginalSpan) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: original[span.start..<span.end]), as: UTF8.self)
    }
}
