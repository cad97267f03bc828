import ConductMatching
import ConductNormalization
import ConductRules

/// A post's language, resolved once against the rule set's language codes.
struct PostLanguage {
    let code: String?
    let bit: UInt64

    init(_ code: String?, _ tables: EvaluationTables) {
        self.code = code
        self.bit = code.map { tables.languageBit($0) } ?? 0
    }

    /// Whether `rule` applies: the post has no language, the rule names none, or names this one.
    @inline(__always)
    func allows(_ rule: Int, _ rules: [CompiledRule], _ tables: EvaluationTables) -> Bool {
        guard let code else { return true }
        if tables.languagesAsBits {
            let bits = tables.languageBits[rule]
            return bits == 0 || bits & bit != 0
        }
        return rules[rule].languages.isEmpty || rules[rule].languages.contains(code)
    }
}

extension CompiledRules {
    /// A rule with `match` patterns: its programs' matches, leftmost-longest, filtered.
    func evaluatePatternRule(_ index: Int32, _ w: inout Workspace, original: UnsafeRawBufferPointer,
                             language: PostLanguage) {
        w.candidates.removeAll(keepingCapacity: true)
        for program in rules[Int(index)].match {
            // Element by element: most ranges are empty, and a slice of `programMatches`
            // costs a retain and a release even then.
            for k in programMatchRange(program, &w) { w.candidates.append(w.programMatches[k]) }
        }
        Self.leftmostLongest(&w.candidates)
        filter(index, &w, original: original, language: language)
    }

    /// A composite: `at_least` of its components' matches (within `within` words when given),
    /// the span from the first to the last component used, filtered like a pattern rule.
    func evaluateComposite(_ index: Int32, _ w: inout Workspace, original: UnsafeRawBufferPointer,
                           language: PostLanguage) {
        let atLeast = rules[Int(index)].atLeast, within = rules[Int(index)].within
        let have = rules[Int(index)].components.filter { w.hasMatches(rule: $0) }
        // (component, match) pairs sorted by first word, then start (stable).
        w.parts.removeAll(keepingCapacity: true)
        for component in have {
            for match in w.matches(forRule: component) { w.parts.append((component, match)) }
        }
        if w.parts.count > Self.insertionSortLimit {
            // Stable: equal keys keep their order (component order, then match order). The
            // components' matches are sorted runs, which insertion sort would merge in
            // quadratic time.
            w.parts = w.parts.enumerated().sorted {
                ($0.element.match.firstWord, $0.element.match.start, $0.offset) < ($1.element.match.firstWord, $1.element.match.start, $1.offset)
            }.map(\.element)
        } else if w.parts.count > 1 {
            for i in 1..<w.parts.count {
                let part = w.parts[i]
                var j = i
                while j > 0 && (part.match.firstWord, part.match.start) < (w.parts[j - 1].match.firstWord, w.parts[j - 1].match.start) {
                    w.parts[j] = w.parts[j - 1]
                    j -= 1
                }
                w.parts[j] = part
            }
        }
        // One match per component: the first window (by first word) where at least `atLeast`
        // components hit with no more than `within` words between any two of them; the hit
        // runs from the first part used to the last.
        var found: ProgramMatch?
        if have.count >= atLeast {
            if let within {
                for i in w.parts.indices {
                    w.chosen.removeAll(keepingCapacity: true)
                    var minLast = w.parts[i].match.lastWord
                    for j in i..<w.parts.count {
                        let m = w.parts[j].match
                        if Int(m.firstWord) - Int(min(minLast, m.lastWord)) - 1 > within { break }
                        minLast = min(minLast, m.lastWord)
                        let component = w.parts[j].component
                        if !w.chosen.contains(where: { $0.component == component }) {
                            w.chosen.append((component, m))
                        }
                        if w.chosen.count >= atLeast {
                            found = Self.union(w.chosen)
                            break
                        }
                    }
                    if found != nil { break }
                }
            } else {
                w.chosen.removeAll(keepingCapacity: true)
                for (component, match) in w.parts where !w.chosen.contains(where: { $0.component == component }) {
                    w.chosen.append((component, match))
                }
                found = Self.union(w.chosen)
            }
        }
        w.candidates.removeAll(keepingCapacity: true)
        guard let found else {
            w.beginRule(index)
            if w.trace, let first = w.parts.first?.match {
                w.suppressed.append((index, first, .incomplete(have: have)))
            }
            return
        }
        w.candidates.append(found)
        filter(index, &w, original: original, language: language)
    }

    /// The span from the first of `parts` to the last (`parts` is not empty).
    static func union(_ parts: [(component: Int32, match: ProgramMatch)]) -> ProgramMatch {
        var span = parts[0].match
        for (_, match) in parts.dropFirst() {
            span = ProgramMatch(start: min(span.start, match.start), end: max(span.end, match.end),
                                firstWord: min(span.firstWord, match.firstWord),
                                lastWord: max(span.lastWord, match.lastWord))
        }
        return span
    }

    /// Applies language, `unless`, `unless_near`, `near` and `diacritics` to the rule's
    /// candidate matches (`w.candidates`) and records what is left as the rule's matches.
    ///
    /// For each candidate the exception named in a trace is the first that applies, in the
    /// order of the rule's programs and then of each program's matches; ``ContextSweep`` finds
    /// it without comparing every candidate with every context match.
    func filter(_ index: Int32, _ w: inout Workspace, original: UnsafeRawBufferPointer, language: PostLanguage) {
        let r = Int(index)
        // The fields this needs, not a copy of the whole rule (its source `Rule` included).
        let unless = rules[r].unless, unlessNear = rules[r].unlessNear, near = rules[r].near
        let checksExactForm = !rules[r].exactWords.isEmpty
        w.beginRule(index)
        let languageOK = language.allows(r, rules, tables)
        for kind in w.contexts.indices { w.contexts[kind].ready = false }
        candidates: for c in w.candidates.indices {
            let match = w.candidates[c]
            if !languageOK {
                if w.trace { w.suppressed.append((index, match, .language)) }
                continue
            }
            if !unless.isEmpty, let k = firstRelated(ContextMatches.unless, unless, .overlap, candidate: c, &w) {
                if w.trace {
                    let found = w.contexts[ContextMatches.unless]
                    w.suppressed.append((index, match, .exception(program: found.programs[k], at: found.matches[k])))
                }
                continue
            }
            if let context = unlessNear,
               let k = firstRelated(ContextMatches.unlessNear, context.programs, .near(within: context.within, side: context.side),
                                    candidate: c, &w) {
                if w.trace {
                    let found = w.contexts[ContextMatches.unlessNear]
                    w.suppressed.append((index, match, .exceptionNear(program: found.programs[k], at: found.matches[k])))
                }
                continue
            }
            if let context = near,
               firstRelated(ContextMatches.near, context.programs, .near(within: context.within, side: context.side),
                            candidate: c, &w) == nil {
                if w.trace { w.suppressed.append((index, match, .missingContext)) }
                continue
            }
            if checksExactForm && !hasExactForm(rules[r], match, text: w.scan.text, original: original) {
                if w.trace { w.suppressed.append((index, match, .diacritics)) }
                continue
            }
            w.ruleMatches.append(match)
        }
        w.ruleHi[r] = Int32(w.ruleMatches.count)
    }

    /// The index in `w.contexts[kind]` of the first match of `programs` (in their order, then
    /// each program's matches in order) related to candidate `c`, or nil. Collects the
    /// programs' matches the first time the rule asks, and sweeps them when comparing every
    /// candidate with every match would cost more than ``Workspace/sweepAbove`` pairs.
    private func firstRelated(_ kind: Int, _ programs: [Int32], _ relation: ContextSweep.Relation, candidate c: Int,
                              _ w: inout Workspace) -> Int? {
        if !w.contexts[kind].ready {
            var found = ContextMatches()
            swap(&found, &w.contexts[kind])
            found.programs.removeAll(keepingCapacity: true)
            found.matches.removeAll(keepingCapacity: true)
            for program in programs {
                for k in programMatchRange(program, &w) {
                    found.matches.append(w.programMatches[k])
                    found.programs.append(program)
                }
            }
            found.swept = w.candidates.count * found.matches.count > w.sweepAbove
                && w.sweep.first(relation, candidates: w.candidates, contexts: found.matches, into: &found.first)
            found.ready = true
            swap(&found, &w.contexts[kind])
        }
        if w.contexts[kind].swept {
            let k = w.contexts[kind].first[c]
            return k < 0 ? nil : Int(k)
        }
        let match = w.candidates[c]
        return w.contexts[kind].matches.firstIndex { Self.related(relation, $0, match) }
    }

    /// Whether `context` relates to `match` as `relation` asks.
    static func related(_ relation: ContextSweep.Relation, _ context: ProgramMatch, _ match: ProgramMatch) -> Bool {
        switch relation {
        case .overlap: context.overlaps(match)
        case .near(let within, let side): isNear(context, match, within: within, side: side)
        }
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

    private func hasExactForm(_ rule: CompiledRule, _ match: ProgramMatch, text: NormalizedText,
                              original: UnsafeRawBufferPointer) -> Bool {
        var options = normalizer.options
        options.remove(.foldDiacritics)
        let span = text.originalSpan(normalizedStart: Int(match.start), normalizedEnd: Int(match.end))
        let unfolded = Normalizer(options: options)
            .normalize(utf8: UnsafeRawBufferPointer(rebasing: original[span.start..<span.end])).bytes
        return rule.exactWords.contains { word in Self.contains(unfolded, word) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Keeps non-overlapping matches, leftmost first, longest at each start (a stable sort by
    /// start, then end descending, then a greedy pass).
    static func leftmostLongest(_ matches: inout [ProgramMatch]) {
        guard matches.count > 1 else { return }
        if matches.count > insertionSortLimit {
            // Stable, as below; the programs' matches are sorted runs, which insertion sort
            // would merge in quadratic time.
            matches = matches.enumerated().sorted {
                ($0.element.start, -$0.element.end, $0.offset) < ($1.element.start, -$1.element.end, $1.offset)
            }.map(\.element)
        } else {
            insertionSort(&matches)
        }
        var kept = 0
        for i in matches.indices where kept == 0 || matches[kept - 1].end <= matches[i].start {
            matches[kept] = matches[i]
            kept += 1
        }
        matches.removeLast(matches.count - kept)
    }

    /// Up to this many items, insertion sort (no allocation); beyond, a stable O(n log n) sort.
    static let insertionSortLimit = 32

    /// Sorts by start, then end descending, keeping the order of equal matches.
    private static func insertionSort(_ matches: inout [ProgramMatch]) {
        for i in 1..<matches.count {
            let match = matches[i]
            var j = i
            while j > 0 && (match.start, -match.end) < (matches[j - 1].start, -matches[j - 1].end) {
                matches[j] = matches[j - 1]
                j -= 1
            }
            matches[j] = match
        }
    }
}
