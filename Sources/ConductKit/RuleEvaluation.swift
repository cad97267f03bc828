import ConductMatching
import ConductNormalization
import ConductRules

/// Why a rule's words matched but the rule did not hit there.
enum Suppression: Sendable, Hashable {
    /// `near` found none of its words within reach.
    case missingContext
    /// An `unless` pattern (program) matched over the hit.
    case exception(program: Int32, at: ProgramMatch)
    /// An `unless_near` pattern (program) matched within reach.
    case exceptionNear(program: Int32, at: ProgramMatch)
    /// The rule is for other languages than the post's.
    case language
    /// `diacritics: exact` and the post has other accents.
    case diacritics
    /// A composite with too few of its components.
    case incomplete(have: [Int32])
}

/// The outcome of one rule on one post.
struct RuleState: Sendable {
    var matches: [ProgramMatch] = []
    var suppressed: [(match: ProgramMatch, reason: Suppression)] = []
}

/// Everything evaluation learned about one post.
struct PostEvaluation {
    var scan: PostScan?
    /// Keyed by index into `CompiledRules.rules`; only rules whose words occurred.
    var states: [Int32: RuleState] = [:]
    var programMatches: [Int32: [ProgramMatch]] = [:]
}

extension CompiledRules {
    /// Normalizes, scans and evaluates every rule on `text`.
    func evaluate(_ text: NormalizedText, original: [UInt8]?, language: String?, trace: Bool) -> PostEvaluation {
        var raw: [Occurrence] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            automaton.forEachMatch(in: bytes) { match in
                let p = match.pattern.index
                for t in Int(targetStarts[p])..<Int(targetStarts[p + 1]) {
                    let target = targets[t]
                    if accepts(target, start: match.span.start, end: match.span.end, in: text) {
                        raw.append(Occurrence(atom: target.atom, start: Int32(match.span.start),
                                              end: Int32(match.span.end), firstWord: 0, lastWord: 0,
                                              widens: target.anchoring != .whole))
                    }
                }
            }
            if let detectors {
                detectors.forEachDetection(in: bytes) { detection in
                    guard let atom = detectorAtoms[detection.kind] else { return }
                    raw.append(Occurrence(atom: atom, start: Int32(detection.span.start),
                                          end: Int32(detection.span.end), firstWord: 0, lastWord: 0))
                }
            }
        }
        var result = PostEvaluation()
        guard !raw.isEmpty else { return result }
        let scan = PostScan(text: text, original: original, occurrences: raw)

        // Run every program that can start at some occurrence, from each such word.
        var starts: [(program: Int32, word: Int32)] = []
        for occurrence in scan.occurrences {
            for program in programsByFirstAtom[Int(occurrence.atom)] {
                starts.append((program, occurrence.firstWord))
            }
        }
        starts.sort { ($0.program, $0.word) < ($1.program, $1.word) }
        var previous: (Int32, Int32)? = nil
        for start in starts {
            if let previous, previous == (start.program, start.word) { continue }
            previous = (start.program, start.word)
            if let match = run(programs[Int(start.program)], from: Int(start.word), in: scan) {
                result.programMatches[start.program, default: []].append(match)
            }
        }

        // Rules whose patterns matched, then composites, in dependency order.
        var triggered = Set<Int32>()
        for program in result.programMatches.keys {
            for owner in matchOwners[Int(program)] { triggered.insert(owner) }
        }
        for rule in triggered.sorted() {
            result.states[rule] = evaluatePatternRule(Int(rule), result.programMatches, scan: scan,
                                                      language: language)
        }
        for composite in composites {
            let rule = rules[Int(composite)]
            let have = rule.components.filter { !(result.states[$0]?.matches.isEmpty ?? true) }
            guard !have.isEmpty || trace && rule.components.contains(where: { result.states[$0] != nil }) else { continue }
            result.states[composite] = evaluateComposite(Int(composite), have: have, states: result.states,
                                                         programMatches: result.programMatches, scan: scan,
                                                         language: language)
        }
        if !trace {
            result.programMatches = [:]
        }
        result.scan = scan
        return result
    }

    /// Whether an automaton match of `target` sits on the word boundaries its anchoring asks
    /// for, and, for a squeezed variant, really covers a squeezed run in the original.
    @inline(__always)
    func accepts(_ target: LiteralTarget, start: Int, end: Int, in text: NormalizedText) -> Bool {
        switch target.anchoring {
        case .whole:
            if target.checkStart && !text.isWordStart(start) { return false }
            if target.checkEnd && !text.isWordEnd(end) { return false }
        case .prefix:
            if target.checkStart && !text.isWordStart(start) { return false }
        case .suffix:
            if target.checkEnd && !text.isWordEnd(end) { return false }
        case .infix:
            break
        }
        for offset in target.squeezed {
            let i = start + Int(offset)
            if text.originEnds[i] - text.originStarts[i] < 2 { return false }
        }
        return true
    }

    /// Runs `program` from word `word`: the longest match starting there, if any.
    func run(_ program: PatternProgram, from word: Int, in scan: PostScan) -> ProgramMatch? {
        struct Thread { var pc: Int32; var pos: Int32; var start: Int32; var end: Int32; var first: Int32; var last: Int32 }
        var stack = [Thread(pc: 0, pos: Int32(word), start: -1, end: -1, first: -1, last: -1)]
        var visited = Set<Int64>()
        var best: ProgramMatch?
        let wordCount = Int32(scan.wordCount)
        while let thread = stack.popLast() {
            guard visited.insert(Int64(thread.pc) << 32 | Int64(thread.pos)).inserted else { continue }
            switch program.instructions[Int(thread.pc)] {
            case .atom(let atom, let next):
                for occurrence in scan.occurrences(at: Int(thread.pos)) where occurrence.atom == atom {
                    let first = thread.start < 0 ? occurrence.firstWord : thread.first
                    stack.append(Thread(pc: next, pos: max(occurrence.lastWord + 1, thread.pos),
                                        start: thread.start < 0 ? occurrence.start : thread.start,
                                        end: occurrence.end, first: first,
                                        last: max(occurrence.lastWord, first)))
                }
            case .split(let a, let b):
                stack.append(Thread(pc: b, pos: thread.pos, start: thread.start, end: thread.end,
                                    first: thread.first, last: thread.last))
                stack.append(Thread(pc: a, pos: thread.pos, start: thread.start, end: thread.end,
                                    first: thread.first, last: thread.last))
            case .gap(let max, let next):
                var k: Int32 = 0
                while k <= max && thread.pos + k <= wordCount {
                    stack.append(Thread(pc: next, pos: thread.pos + k, start: thread.start, end: thread.end,
                                        first: thread.first, last: thread.last))
                    k += 1
                }
            case .accept:
                guard thread.start >= 0 else { continue }
                let match = ProgramMatch(start: thread.start, end: thread.end, firstWord: thread.first,
                                         lastWord: thread.last)
                if best == nil || match.end > best!.end || (match.end == best!.end && match.start < best!.start) {
                    best = match
                }
            }
        }
        return best
    }

    private func evaluatePatternRule(_ index: Int, _ programMatches: [Int32: [ProgramMatch]], scan: PostScan,
                                     language: String?) -> RuleState {
        let rule = rules[index]
        var candidates: [ProgramMatch] = []
        for program in rule.match { candidates.append(contentsOf: programMatches[program] ?? []) }
        return filter(rule, Self.leftmostLongest(candidates), programMatches, scan: scan, language: language)
    }

    private func evaluateComposite(_ index: Int, have: [Int32], states: [Int32: RuleState],
                                   programMatches: [Int32: [ProgramMatch]], scan: PostScan,
                                   language: String?) -> RuleState {
        let rule = rules[index]
        var state = RuleState()
        // (component, match) pairs sorted by first word.
        var parts: [(Int32, ProgramMatch)] = []
        for component in have {
            for match in states[component]?.matches ?? [] { parts.append((component, match)) }
        }
        parts.sort { ($0.1.firstWord, $0.1.start) < ($1.1.firstWord, $1.1.start) }
        // One match per component: the first window (by first word) where at least `atLeast`
        // components hit with no more than `within` words between any two of them.
        var found: [ProgramMatch]?
        if have.count >= rule.atLeast {
            if let within = rule.within {
                for i in parts.indices {
                    var chosen: [Int32: ProgramMatch] = [:]
                    var minLast = parts[i].1.lastWord
                    for j in i..<parts.count {
                        let m = parts[j].1
                        if Int(m.firstWord) - Int(min(minLast, m.lastWord)) - 1 > within { break }
                        minLast = min(minLast, m.lastWord)
                        if chosen[parts[j].0] == nil { chosen[parts[j].0] = m }
                        if chosen.count >= rule.atLeast { found = Array(chosen.values); break }
                    }
                    if found != nil { break }
                }
            } else {
                var chosen: [Int32: ProgramMatch] = [:]
                for (component, match) in parts where chosen[component] == nil { chosen[component] = match }
                found = Array(chosen.values)
            }
        }
        guard let found else {
            if let first = parts.first?.1 {
                state.suppressed.append((first, .incomplete(have: have)))
            }
            return state
        }
        // The hit runs from the first part to the last.
        let span = ProgramMatch(start: found.map(\.start).min()!, end: found.map(\.end).max()!,
                                firstWord: found.map(\.firstWord).min()!, lastWord: found.map(\.lastWord).max()!)
        return filter(rule, [span], programMatches, scan: scan, language: language)
    }

    /// Applies language, `near`, `unless`, `unless_near` and `diacritics` to a rule's matches.
    private func filter(_ rule: CompiledRule, _ matches: [ProgramMatch], _ programMatches: [Int32: [ProgramMatch]],
                        scan: PostScan, language: String?) -> RuleState {
        var state = RuleState()
        let languageOK = language == nil || rule.languages.isEmpty || rule.languages.contains(language!)
        candidates: for match in matches {
            if !languageOK {
                state.suppressed.append((match, .language))
                continue
            }
            for program in rule.unless {
                for other in programMatches[program] ?? [] where other.overlaps(match) {
                    state.suppressed.append((match, .exception(program: program, at: other)))
                    continue candidates
                }
            }
            if let context = rule.unlessNear {
                for program in context.programs {
                    for other in programMatches[program] ?? []
                    where Self.isNear(other, match, within: context.within, side: context.side) {
                        state.suppressed.append((match, .exceptionNear(program: program, at: other)))
                        continue candidates
                    }
                }
            }
            if let context = rule.near {
                let satisfied = context.programs.contains { program in
                    (programMatches[program] ?? []).contains {
                        Self.isNear($0, match, within: context.within, side: context.side)
                    }
                }
                if !satisfied {
                    state.suppressed.append((match, .missingContext))
                    continue
                }
            }
            if !rule.exactWords.isEmpty && !hasExactForm(rule, match, scan: scan) {
                state.suppressed.append((match, .diacritics))
                continue
            }
            state.matches.append(match)
        }
        return state
    }

    /// `context` lies within `within` words of `match` on `side` (overlapping counts for
    /// `either`).
    static func isNear(_ context: ProgramMatch, _ match: ProgramMatch, within: Int, side: Context.Side) -> Bool {
        if context.lastWord < match.firstWord && context.end <= match.start {
            return side != .after && Int(match.firstWord - context.lastWord) - 1 <= within
        }
        if context.firstWord > match.lastWord && context.start >= match.end {
            return side != .before && Int(context.firstWord - match.lastWord) - 1 <= within
        }
        return side == .either && context.overlaps(match)
    }

    private func hasExactForm(_ rule: CompiledRule, _ match: ProgramMatch, scan: PostScan) -> Bool {
        var options = normalizer.options
        options.remove(.foldDiacritics)
        let span = scan.text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
        let original = originalText(of: span, in: scan)
        let unfolded = Normalizer(options: options).normalize(utf8: original).bytes
        return rule.exactWords.contains { word in Self.contains(unfolded, word) }
    }

    func originalText(of span: OriginalSpan, in scan: PostScan) -> [UInt8] {
        // The original bytes are not kept in NormalizedText; callers that need them pass them.
        scan.original.map { Array($0[span.start..<span.end]) } ?? []
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Non-overlapping matches, leftmost first, longest at each start.
    static func leftmostLongest(_ matches: [ProgramMatch]) -> [ProgramMatch] {
        guard matches.count > 1 else { return matches }
        let sorted = matches.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var result: [ProgramMatch] = []
        for match in sorted where result.last.map({ $0.end <= match.start }) ?? true {
            result.append(match)
        }
        return result
    }
}
