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

/// Everything evaluation learned about one post, for explanations.
struct PostEvaluation {
    var scan: PostScan?
    /// Keyed by index into `CompiledRules.rules`; only rules whose words occurred.
    var states: [Int32: RuleState] = [:]
}

// Evaluation of one post in a `Workspace`:
// 1. the automaton and the detectors give the occurrences of atoms (no word positions yet);
// 2. a `match` program is *possible* when, for some branch of its necessary conditions, each
//    clause of the branch has an atom that occurs (`PatternProgram.branches`); it is only
//    looked at when an atom of the rarest clause of some branch occurs, and then only the
//    branches so woken are checked. A rule is possible when one of its programs is, a
//    composite when at least `at_least` of its components are;
// 3. the rules to evaluate are the possible ones that score, and the possible components of
//    composites to evaluate; if there are none the post is clean, and it is never split into
//    words;
// 4. those rules are evaluated in dependency order; every program (`match`, `unless`, `near`,
//    `unless_near`) runs when a rule first asks for it, from each word where a first atom
//    occurs.
// A program's matches do not depend on when it runs, and a rule that is not possible has no
// matches, so this gives the verdict of evaluating every rule. Tracing (for explanations)
// evaluates every rule whose programs matched, as the explanation lists components and near
// misses too.
extension CompiledRules {
    /// Evaluates the post already normalized into `w.scan.text`. Returns false when no rule was
    /// evaluated (the verdict is clean).
    func evaluate(_ w: inout Workspace, original: UnsafeRawBufferPointer, language: String?, trace: Bool) -> Bool {
        let tables = self.tables
        w.trace = trace
        w.begin(atoms: tables.atomCount, programs: max(tables.programCount, tables.branchCount), rules: tables.ruleCount)
        collectOccurrences(&w, tables)
        guard w.found.count > 0 else { return false }
        if trace { return evaluateEverything(&w, original: original, language: language) }
        Self.findPossibleRules(&w, tables)
        guard !w.required.isEmpty else { return false }
        Self.sortSmall(&w.required)
        let postLanguage = PostLanguage(language, tables)
        for rule in w.required {
            if tables.isComposite[Int(rule)] && Self.componentsMatched(rule, w, tables) {
                evaluateComposite(rule, &w, original: original, language: postLanguage)
            } else if !rules[Int(rule)].match.isEmpty {
                evaluatePatternRule(rule, &w, original: original, language: postLanguage)
            }
        }
        return true
    }

    /// Whether some component of composite `rule` has matches.
    static func componentsMatched(_ rule: Int32, _ w: Workspace, _ tables: EvaluationTables) -> Bool {
        for k in Int(tables.componentStarts[Int(rule)])..<Int(tables.componentStarts[Int(rule) + 1])
        where w.hasMatches(rule: tables.components[k]) {
            return true
        }
        return false
    }

    /// Steps 2 and 3: fills `w.required`.
    static func findPossibleRules(_ w: inout Workspace, _ tables: EvaluationTables) {
        let generation = w.generation
        let triggerStarts = tables.triggerStarts.base, triggers = tables.triggers.base
        let branchProgram = tables.branchProgram.base
        let ownerStarts = tables.ownerStarts.base, owners = tables.owners.base
        let queuedMark = w.queuedMark  // per branch here
        let bits = w.atomBits
        // First the branches the post's atoms wake whose quick test passes (the test of one
        // of its clauses from the trigger entry alone), gathered without a branch per trigger:
        // most fail, in no order a predictor could learn, and the loads of one atom's triggers
        // need not wait for the outcome of the last atom's. A word of -1 (no test) passes:
        // `none` is all ones then, and word 0 is read instead.
        let woken = w.wokenBranches
        var out = woken.base, count = 0
        for atom in w.presentAtoms.elements {
            let first = Int(triggerStarts[Int(atom)]), end = Int(triggerStarts[Int(atom) &+ 1])
            out = woken.room(after: count, for: end &- first)
            for k in first..<end {
                let trigger = triggers[k]
                let word = Int(trigger.word), none = word >> 63
                out[count] = trigger.branch
                // 1 when the test passes: the top bit of `x | -x` is set exactly when x != 0.
                let x = (bits[word & ~none] & trigger.mask) | UInt64(bitPattern: Int64(none))
                count &+= Int(truncatingIfNeeded: (x | (0 &- x)) >> 63)
            }
        }
        // Then each woken branch once: its first clause holds (an atom of it woke the branch),
        // the quick test passed, and the rest are checked.
        for j in 0..<count {
            let branch = Int(out[j])
            guard queuedMark[branch] != generation else { continue }
            queuedMark[branch] = generation
            guard branchHolds(branch, w, tables, from: 1) else { continue }
            let program = Int(branchProgram[branch])
            for o in Int(ownerStarts[program])..<Int(ownerStarts[program &+ 1]) {
                markPossible(owners[o], &w, tables)
            }
        }
        requirePossibleRules(&w, tables)
    }

    /// Step 3: fills `w.required` from `w.possible`.
    static func requirePossibleRules(_ w: inout Workspace, _ tables: EvaluationTables) {
        let generation = w.generation
        guard !w.possible.isEmpty else { return }
        // Scored possible rules, and the possible components of required composites.
        for rule in w.possible where tables.scores[Int(rule)] && w.requiredMark[Int(rule)] != generation {
            w.requiredMark[Int(rule)] = generation
            w.required.append(rule)
        }
        var cursor = 0
        while cursor < w.required.count {
            let rule = Int(w.required[cursor])
            cursor += 1
            guard tables.isComposite[rule] else { continue }
            for k in Int(tables.componentStarts[rule])..<Int(tables.componentStarts[rule + 1]) {
                let component = tables.components[k]
                if w.possibleMark[Int(component)] == generation && w.requiredMark[Int(component)] != generation {
                    w.requiredMark[Int(component)] = generation
                    w.required.append(component)
                }
            }
        }
    }

    /// Marks `rule` possible, and the composites that it makes possible.
    private static func markPossible(_ rule: Int32, _ w: inout Workspace, _ tables: EvaluationTables) {
        let generation = w.generation
        guard w.possibleMark[Int(rule)] != generation else { return }
        w.possibleMark[Int(rule)] = generation
        w.possible.append(rule)
        var cursor = w.possible.count - 1
        while cursor < w.possible.count {
            let current = Int(w.possible[cursor])
            cursor += 1
            for k in Int(tables.compositeStarts[current])..<Int(tables.compositeStarts[current + 1]) {
                let composite = Int(tables.compositesOf[k])
                if w.countMark[composite] != generation {
                    w.countMark[composite] = generation
                    w.componentCount[composite] = 0
                }
                w.componentCount[composite] += 1
                if w.componentCount[composite] == tables.atLeast[composite] && w.possibleMark[composite] != generation {
                    w.possibleMark[composite] = generation
                    w.possible.append(Int32(composite))
                }
            }
        }
    }

    /// Every rule whose programs matched, and every composite with a component that was
    /// evaluated: what an explanation shows.
    private func evaluateEverything(_ w: inout Workspace, original: UnsafeRawBufferPointer, language: String?) -> Bool {
        let generation = w.generation
        for atom in w.presentAtoms.elements {
            let atom = Int(atom)
            for k in Int(tables.startStarts[atom])..<Int(tables.startStarts[atom + 1]) {
                let program = tables.startPrograms[k]
                guard w.queuedMark[Int(program)] != generation else { continue }
                w.queuedMark[Int(program)] = generation
                if !matchOwners[Int(program)].isEmpty { w.queue.append(program) }
            }
        }
        guard !w.queue.isEmpty else { return false }
        w.locate()
        for program in w.queue where !programMatchRange(program, &w).isEmpty {
            for owner in matchOwners[Int(program)] where w.ruleMark[Int(owner)] != generation {
                w.ruleMark[Int(owner)] = generation
                w.ruleLo[Int(owner)] = 0
                w.ruleHi[Int(owner)] = 0
                w.triggered.append(owner)
            }
        }
        guard !w.triggered.isEmpty else { return false }
        Self.sortSmall(&w.triggered)
        let postLanguage = PostLanguage(language, tables)
        for rule in w.triggered {
            evaluatePatternRule(rule, &w, original: original, language: postLanguage)
        }
        for composite in composites {
            let components = rules[Int(composite)].components
            let any = components.contains { w.hasMatches(rule: $0) }
            guard any || components.contains(where: { w.ruleMark[Int($0)] == generation }) else { continue }
            if w.ruleMark[Int(composite)] == generation {
                // A rule built in code with both patterns and `requires`: the composite decides.
                w.evaluated.removeAll { $0 == composite }
                w.suppressed.removeAll { $0.rule == composite }
            }
            evaluateComposite(composite, &w, original: original, language: postLanguage)
        }
        return true
    }

    /// Step 1: literal matches on word boundaries, and detections, as occurrences in `w.found`;
    /// their distinct atoms in `w.presentAtoms`. With the DFA, and unless tracing, the
    /// literals of quiet atoms only set the atoms' bits (``EvaluationTables/slotHeaders``);
    /// ``collectQuietOccurrences(_:_:)`` records them when a program is about to run.
    func collectOccurrences(_ w: inout Workspace, _ tables: EvaluationTables) {
        let steps = w.matchSteps, wakingSteps = w.wakingSteps, atomBits = w.atomBits, quietWords = w.quietWords
        let targets = tables.targets.base
        let text = w.scan.text
        let quiet = !w.trace
        text.bytes.withUnsafeBufferPointer { bytes in
            guard let p = bytes.baseAddress else { return }
            let n = bytes.count
            let classes = WordScanner.classTable
            if let dfa = tables.literalDFA {
                // Each match step leads to the targets its match state lists (see slotHeaders).
                let headers = tables.slotHeaders.base, slotTargets = tables.slotTargets.base
                dfa.matchSteps(bytes, into: steps)
                if quiet {
                    // First the quiet atoms' bits of every step, and the steps with waking
                    // targets (markQuietAtoms).
                    let count = steps.count
                    let waking = wakingSteps.room(after: 0, for: count)
                    let quietBefore = quietWords.count
                    let (wakingCount, quietCount) = Self.markQuietAtoms(
                        steps.base, count, slotMagic: dfa.slotMagic, headers, atomBits, waking: waking,
                        quietWords, from: quietBefore, tables)
                    quietWords.count = quietCount
                    wakingSteps.count = wakingCount
                    w.quietPending = quietCount > quietBefore
                    // Then the waking targets of the steps that have them.
                    for k in 0..<wakingCount {
                        let step = waking[k]
                        let header = headers[dfa.slot(of: step)], end = Int(step.end)
                        for e in Int(header.targets)..<Int(header.quietTargets) {
                            let entry = slotTargets[e]
                            Self.consider(entry.literal, Int(entry.target), start: end &- Int(entry.length), end: end, p,
                                          n, classes, text, tables, w)
                        }
                    }
                } else {
                    for k in 0..<steps.count {
                        let step = steps.base[k]
                        let header = headers[dfa.slot(of: step)], end = Int(step.end)
                        for e in Int(header.targets)..<Int(header.targetsEnd) {
                            let entry = slotTargets[e]
                            Self.consider(entry.literal, Int(entry.target), start: end &- Int(entry.length), end: end, p,
                                          n, classes, text, tables, w)
                        }
                    }
                }
            } else {
                let trieStarts = tables.trieTargetStarts.base, suffixStarts = tables.suffixTargetStarts.base
                LiteralTrie.scan(bytes, classes, forward: tables.trie, backward: tables.suffixTrie) {
                    [w] backward, literal, start, end in
                    let starts = backward ? suffixStarts : trieStarts
                    for t in Int(starts[Int(literal)])..<Int(starts[Int(literal) &+ 1]) {
                        Self.consider(targets[t], t, start: start, end: end, p, n, classes, text, tables, w)
                    }
                }
                if automaton.patternCount > 0 {
                    let starts = tables.automatonTargetStarts.base
                    automaton.forEachMatch(in: bytes) { [w] match in
                        let literal = match.pattern.index
                        for t in Int(starts[literal])..<Int(starts[literal &+ 1]) {
                            Self.consider(targets[t], t, start: match.span.start, end: match.span.end, p, n, classes, text,
                                          tables, w)
                        }
                    }
                }
            }
            if let detectors {
                let detectorAtom = tables.detectorAtom.base
                detectors.forEachDetection(in: bytes) { [w] detection in
                    let atom = detectorAtom[EvaluationTables.slot(detection.kind)]
                    if atom >= 0 { Self.record(atom, detection.span.start, detection.span.end, widens: false, w) }
                }
            }
        }
    }

    /// The first pass of ``collectOccurrences(_:_:)`` over the match steps: sets the quiet atom
    /// bits of every step, listing their words in `quietWords` after the first `quietStart`,
    /// and copies the steps with waking targets to `waking`. Returns how many steps it copied
    /// and the length of the quiet word list.
    ///
    /// No branch per step but for the rare state with more than two quiet words: a third of
    /// the steps have waking targets, the rest only quiet ones, in no order a predictor could
    /// learn. A function of its own, so that its pointers and counts stay in registers and
    /// each header is read in place rather than copied.
    @inline(never)
    static func markQuietAtoms(_ steps: UnsafePointer<MatchStep>, _ count: Int, slotMagic: UInt64,
                               _ headers: UnsafePointer<SlotHeader>, _ atomBits: UnsafeMutablePointer<UInt64>,
                               waking: UnsafeMutablePointer<MatchStep>, _ quietWords: GrowableList<Int32>,
                               from quietStart: Int, _ tables: EvaluationTables) -> (waking: Int, quiet: Int) {
        var wakingCount = 0
        var quietOut = quietWords.room(after: quietStart, for: 2 &* count)
        var quietCount = quietStart
        for k in 0..<count {
            let step = steps[k]
            let header = headers + WordStartAutomaton.slot(of: step, magic: slotMagic)
            let word0 = header.pointee.quietWord0, word1 = header.pointee.quietWord1
            let mask0 = header.pointee.quietMask0, mask1 = header.pointee.quietMask1
            atomBits[Int(word0)] |= mask0
            atomBits[Int(word1)] |= mask1
            // Listed (for clearing) only when they set a bit: a mask of 0 stands for no word.
            quietOut[quietCount] = word0
            quietCount &+= mask0 != 0 ? 1 : 0
            quietOut[quietCount] = word1
            quietCount &+= mask1 != 0 ? 1 : 0
            waking[wakingCount] = step
            wakingCount &+= header.pointee.targets != header.pointee.quietTargets ? 1 : 0
            if header.pointee.quietWordsEnd &- header.pointee.quietWords > 2 {
                (quietOut, quietCount) = setQuietBits(header.pointee, after: 2, atomBits, tables, quietWords,
                                                      count: quietCount, room: 2 &* (count &- k))
            }
        }
        return (wakingCount, quietCount)
    }

    /// Sets the bits of the quiet words of `header` from its `skip`-th on, listing them in
    /// `quietWords` after `count` of them; returns the list's storage, with room for `room`
    /// more, and the new count. Out of line: few states have more quiet words than a header
    /// holds.
    @inline(never)
    static func setQuietBits(_ header: SlotHeader, after skip: Int32, _ atomBits: UnsafeMutablePointer<UInt64>,
                             _ tables: EvaluationTables, _ quietWords: GrowableList<Int32>, count: Int,
                             room: Int) -> (UnsafeMutablePointer<Int32>, Int) {
        let words = tables.slotQuietWords.base, masks = tables.slotQuietMasks.base
        let extra = Int(header.quietWordsEnd &- header.quietWords &- skip)
        let out = quietWords.room(after: count, for: extra &+ room)
        var count = count
        for q in Int(header.quietWords &+ skip)..<Int(header.quietWordsEnd) {
            atomBits[Int(words[q])] |= masks[q]
            out[count] = words[q]
            count &+= 1
        }
        return (out, count)
    }

    /// Records the occurrences of quiet atoms that ``collectOccurrences(_:_:)`` only gave
    /// bits, from the post's match steps; before the occurrences get words, once per post.
    /// Only in `w.found`: their bits are set (the scan set every quiet atom bit of each step)
    /// and cleared with the scan's quiet words, and `w.presentAtoms` has served its one use,
    /// waking branches, by now.
    func collectQuietOccurrences(_ w: inout Workspace, _ tables: EvaluationTables) {
        guard w.quietPending, let dfa = tables.literalDFA else { return }
        w.quietPending = false
        let steps = w.matchSteps
        let headers = tables.slotHeaders.base, slotTargets = tables.slotTargets.base
        let text = w.scan.text
        text.bytes.withUnsafeBufferPointer { bytes in
            guard let p = bytes.baseAddress else { return }
            let n = bytes.count
            let classes = WordScanner.classTable
            for k in 0..<steps.count {
                let step = steps.base[k]
                let header = headers[dfa.slot(of: step)], end = Int(step.end)
                for e in Int(header.quietTargets)..<Int(header.targetsEnd) {
                    let entry = slotTargets[e], target = entry.literal, start = end &- Int(entry.length)
                    if Self.accepts(target, Int(entry.target), start: start, end: end, p, n, classes, text, tables) {
                        w.found.append(Occurrence(atom: target.atom, start: Int32(start), end: Int32(end), firstWord: 0,
                                                  lastWord: 0, widens: target.widens))
                    }
                }
            }
        }
    }

    /// Records the literal match `start..<end` of target `t` when ``accepts`` it.
    @inline(__always)
    static func consider(_ target: LiteralTarget, _ t: Int, start: Int, end: Int, _ p: UnsafePointer<UInt8>, _ n: Int,
                         _ classes: UnsafePointer<UInt8>, _ text: NormalizedText, _ tables: EvaluationTables,
                         _ w: Workspace) {
        if accepts(target, t, start: start, end: end, p, n, classes, text, tables) {
            record(target.atom, start, end, widens: target.widens, w)
        }
    }

    /// Adds an occurrence to `w.found`, and its atom to `w.presentAtoms` and the bit set the
    /// first time.
    @inline(__always)
    static func record(_ atom: AtomID, _ start: Int, _ end: Int, widens: Bool, _ w: Workspace) {
        if w.atomMark[Int(atom)] != w.generation {
            w.atomMark[Int(atom)] = w.generation
            w.atomBits[Int(atom >> 6)] |= 1 << UInt64(atom & 63)
            w.presentAtoms.append(atom)
        }
        w.found.append(Occurrence(atom: atom, start: Int32(start), end: Int32(end), firstWord: 0, lastWord: 0,
                                  widens: widens))
    }

    /// Whether a literal match of `target` (index `t`) sits on the word boundaries it needs,
    /// and, for a squeezed variant, really covers a squeezed run in the original.
    @inline(__always)
    static func accepts(_ target: LiteralTarget, _ t: Int, start: Int, end: Int, _ p: UnsafePointer<UInt8>,
                        _ n: Int, _ classes: UnsafePointer<UInt8>, _ text: NormalizedText,
                        _ tables: EvaluationTables) -> Bool {
        if target.needsWordEnd && !WordScanner.isWordEndQuick(end, p, n, classes, text) { return false }
        if target.needsWordStart && !WordScanner.isWordStartQuick(start, p, n, classes, text) { return false }
        if target.squeezedCount > 0 {
            for s in Int(tables.squeezedStarts[t])..<Int(tables.squeezedStarts[t + 1]) {
                let i = start + Int(tables.squeezedOffsets[s])
                if text.originEnds[i] - text.originStarts[i] < 2 { return false }
            }
        }
        return true
    }

    /// Whether some branch of `program` holds (``branchHolds(_:_:_:)``).
    @inline(__always)
    static func clausesHold(_ program: Int32, _ w: Workspace, _ tables: EvaluationTables) -> Bool {
        for b in Int(tables.branchStarts[Int(program)])..<Int(tables.branchStarts[Int(program) &+ 1])
        where branchHolds(b, w, tables) {
            return true
        }
        return false
    }

    /// Whether each clause of branch `branch` (numbered across programs) has an atom that
    /// occurs in the post, from its clause `first` on.
    @inline(__always)
    static func branchHolds(_ branch: Int, _ w: Workspace, _ tables: EvaluationTables, from first: Int = 0) -> Bool {
        let bits = w.atomBits
        let wordStarts = tables.clauseWordStarts.base, words = tables.clauseWords.base, masks = tables.clauseMasks.base
        let end = Int(tables.clauseStarts[branch &+ 1])
        clauses: for c in min(Int(tables.clauseStarts[branch]) &+ first, end)..<end {
            for k in Int(wordStarts[c])..<Int(wordStarts[c &+ 1]) where bits[Int(words[k])] & masks[k] != 0 {
                continue clauses
            }
            return false
        }
        return true
    }

    /// The matches of `program` on this post, as a range of `w.programMatches`; runs the
    /// program from every word where one of its first atoms occurs, the first time it is asked.
    func programMatchRange(_ program: Int32, _ w: inout Workspace) -> Range<Int> {
        let p = Int(program)
        if w.programMark[p] == w.generation { return Int(w.programLo[p])..<Int(w.programHi[p]) }
        w.programMark[p] = w.generation
        let lo = w.programMatches.count
        let tables = self.tables
        // Tracing runs every program, so that explanations check the clauses too. Otherwise a
        // program runs when a branch of its clauses holds and its first atoms' followers are
        // near enough; both read only the scan's occurrences, not words.
        var runs = w.trace
        if !runs && Self.clausesHold(program, w, tables) {
            if w.quietPending { collectQuietOccurrences(&w, tables) }
            runs = Self.followersHold(program, &w, tables)
        }
        if runs {
            w.locate()
            let firstLo = Int(tables.firstAtomStarts[p]), firstHi = Int(tables.firstAtomStarts[p + 1])
            let entry = tables.programEntry[p]
            let words = tables.firstAtomWords, bits = tables.firstAtomBits.base + p &* words
            let occurrences = w.scan.occurrences
            var previousWord: Int32 = -1
            for i in occurrences.indices {
                let occurrence = occurrences[i]
                guard occurrence.firstWord != previousWord else { continue }
                let atom = occurrence.atom
                let isFirst = words > 0
                    ? bits[Int(atom >> 6)] & (1 << UInt64(atom & 63)) != 0
                    : Self.contains(tables.firstAtoms, firstLo, firstHi, atom)
                guard isFirst else { continue }
                previousWord = occurrence.firstWord
                if let match = w.runner.run(entry: entry, from: occurrence.firstWord, tables, w.scan) {
                    w.programMatches.append(match)
                }
            }
        }
        w.programLo[p] = Int32(lo)
        w.programHi[p] = Int32(w.programMatches.count)
        return lo..<w.programMatches.count
    }

    /// Whether the sorted `atoms[lo ..< hi]` holds `atom`.
    @inline(__always)
    static func contains(_ atoms: FixedArray<AtomID>, _ lo: Int, _ hi: Int, _ atom: AtomID) -> Bool {
        let k = lowerBound(atoms, lo, hi, atom)
        return k < hi && atoms[k] == atom
    }

    /// The first index in the sorted `atoms[lo ..< hi]` whose atom is not below `atom` (`hi`
    /// when there is none).
    @inline(__always)
    static func lowerBound(_ atoms: FixedArray<AtomID>, _ lo: Int, _ hi: Int, _ atom: AtomID) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if atoms[mid] < atom { lo = mid &+ 1 } else { hi = mid }
        }
        return lo
    }

    /// Insertion sort for the usual handful of indices; the standard sort beyond.
    static func sortSmall(_ values: inout [Int32]) {
        guard values.count > 1 else { return }
        if values.count > 32 {
            values.sort()
            return
        }
        for i in 1..<values.count {
            let value = values[i]
            var j = i
            while j > 0 && value < values[j - 1] {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = value
        }
    }
}
