import ConductMatching
import ConductNormalization
import ConductRules

/// Why a post got its verdict, for a person: every hit with its rule and guideline, the
/// components that matched, and the near misses — rules whose words matched but whose
/// context, exception, language or missing components stopped them.
///
///     let explanation = try Classifier.bundled().explain("DM me for a discount")
///     explanation.hits.map(\.hit.rule)          // ["selling.…", "unsolicited_dm.…"]
///     explanation.nearMisses.map(\.reason)      // ["…"]
///
/// Costs more than `classify` (keeps every intermediate match); meant for one post at a time.
public struct Explanation: Sendable {
    /// The post as given (invalid UTF-8 shown as U+FFFD).
    public var text: String
    /// What the matcher saw.
    public var normalized: String
    public var verdict: Verdict
    /// Scored hits (as in the verdict) and matched components (weight 0), in text order.
    public var hits: [ExplainedHit]
    public var nearMisses: [NearMiss]
    /// Each category's score against its thresholds, in rule-set order.
    public var categories: [CategoryExplanation]
}

/// A hit with what a person needs to judge it.
public struct ExplainedHit: Sendable, Hashable {
    public var hit: Hit
    public var description: String
    public var guideline: Citation
    /// The normalized text that matched.
    public var normalized: String
    /// False for a component (weight 0): it matched, but scores only through a composite.
    public var scored: Bool
}

/// A rule that almost hit.
public struct NearMiss: Sendable, Hashable {
    public var rule: RuleID
    public var category: String
    public var weight: Double
    /// Where its words matched, in the original post.
    public var span: OriginalSpan
    public var match: String
    /// What stopped it, e.g. `exception 'are not' matched 'are not' at 10..<17`.
    public var reason: String
}

/// A category's score and thresholds.
public struct CategoryExplanation: Sendable, Hashable {
    public var category: String
    public var score: Double
    public var thresholds: Thresholds
}

extension CompiledRules {
    /// Explains the verdict on `text`.
    public func explain(_ text: String, language: String? = nil) -> Explanation {
        let original = Array(text.utf8)
        let normalized = normalizer.normalize(utf8: original)
        let evaluation = evaluate(normalized, original: original, language: language, trace: true)
        let verdict = original.withUnsafeBytes { self.verdict(evaluation, original: $0) }
        var hits: [ExplainedHit] = []
        var nearMisses: [NearMiss] = []
        if let scan = evaluation.scan {
            for (index, state) in evaluation.states.sorted(by: { $0.key < $1.key }) {
                let rule = rules[Int(index)]
                let category = categories[Int(rule.category)].name
                for match in state.matches {
                    let span = scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
                    let hit = Hit(rule: rule.id, category: category, weight: rule.weight, span: span,
                                  match: Self.decode(original, span))
                    hits.append(ExplainedHit(hit: hit, description: rule.rule.description, guideline: rule.rule.guideline,
                                             normalized: Self.normalizedText(scan, match), scored: rule.weight > 0))
                }
                for (match, reason) in state.suppressed {
                    let span = scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
                    nearMisses.append(NearMiss(rule: rule.id, category: category, weight: rule.weight, span: span,
                                               match: Self.decode(original, span),
                                               reason: describe(reason, rule: rule, scan: scan, original: original,
                                                                language: language)))
                }
            }
        }
        hits.sort { ($0.hit.span.start, $0.hit.span.end, $0.hit.rule) < ($1.hit.span.start, $1.hit.span.end, $1.hit.rule) }
        nearMisses.sort { ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule) }
        let categoryExplanations = categories.enumerated().map { index, category in
            CategoryExplanation(category: category.name, score: verdict.scores[index].score,
                                thresholds: category.thresholds)
        }
        return Explanation(text: String(decoding: original, as: UTF8.self), normalized: normalized.string,
                           verdict: verdict, hits: hits, nearMisses: nearMisses, categories: categoryExplanations)
    }

    static func decode(_ original: [UInt8], _ span: OriginalSpan) -> String {
        String(decoding: original[span.start..<span.end], as: UTF8.self)
    }

    static func normalizedText(_ scan: PostScan, _ match: ProgramMatch) -> String {
        String(decoding: scan.text.bytes[Int(match.start)..<Int(match.end)], as: UTF8.self)
    }

    private func describe(_ reason: Suppression, rule: CompiledRule, scan: PostScan, original: [UInt8],
                          language: String?) -> String {
        func located(_ match: ProgramMatch) -> String {
            let span = scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
            return "'\(Self.decode(original, span))' at \(span)"
        }
        switch reason {
        case .missingContext:
            let context = rule.rule.near!
            let words = context.any.map(\.source).joined(separator: ", ")
            return "needs one of [\(words)] within \(context.within) words (\(context.side.rawValue)); none found"
        case .exception(let program, let at):
            return "exception '\(programs[Int(program)].source)' matched \(located(at))"
        case .exceptionNear(let program, let at):
            let within = rule.rule.unlessNear?.within ?? 0
            return "exception '\(programs[Int(program)].source)' (unless_near, within \(within) words) matched \(located(at))"
        case .language:
            return "rule is for [\(rule.languages.joined(separator: ", "))]; the post is '\(language ?? "")'"
        case .diacritics:
            return "rule needs the accents as written (diacritics: exact)"
        case .incomplete(let have):
            let need = rule.rule.composite?.of.map(\.rawValue).joined(separator: ", ") ?? ""
            let found = have.map { rules[Int($0)].id.rawValue }.joined(separator: ", ")
            let within = rule.within.map { " within \($0) words" } ?? ""
            return "needs \(rule.atLeast) of [\(need)]\(within); found [\(found)]"
        }
    }
}
