@testable import ConductKit
import ConductNormalization
import ConductRules
import Testing

/// The per-post fast paths checked against the plain definitions they replace, on seeded
/// random input: the ASCII word-boundary shortcut against `NormalizedText.isWordStart/End`,
/// the literal tries against a naive search, and the gated classification against the
/// explanation's evaluation of every rule.
@Suite("Fast paths agree with their definitions")
struct FastPathTests {
    /// Pieces of normalized text: ASCII word and boundary characters, and the non-ASCII cases
    /// of the word rules (letters, a combining mark, ZWJ and emoji, Hebrew, Katakana, Han,
    /// MidLetter, MidNumLet).
    static let pieces = ["a", "b", "z", "e", "0", "7", "_", ".", "'", "\"", ",", ";", " ", " ", "-", "%", "é",
                         "\u{301}", "\u{200D}", "😀", "א", "カ", "漢", "\u{2019}", "·", "\u{FF0C}", "\n"]

    static func text(_ generator: inout SplitMix64, length: Int) -> NormalizedText {
        var string = ""
        for _ in 0..<length { string += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let bytes = Array(string.utf8)
        let map = bytes.indices.map { Int32($0) }
        return NormalizedText(bytes: bytes, originStarts: map, originEnds: map.map { $0 + 1 },
                              originalCount: bytes.count, applied: [])
    }

    @Test("the sorted-range search finds every member of every window, and nothing else")
    func sortedRangeSearch() {
        // Even atoms 0, 2, …, 98: windows of every length, including those the binary search
        // narrows (more than 8 elements) with the member at the narrowing point.
        let atoms = FixedArray((0..<50).map { AtomID($0 * 2) })
        for lo in 0...50 {
            for hi in lo...50 {
                for atom in AtomID(-1)...AtomID(100) {
                    let expected = atom >= 0 && atom % 2 == 0 && Int(atom / 2) >= lo && Int(atom / 2) < hi
                    #expect(CompiledRules.contains(atoms, lo, hi, atom) == expected, "\(atom) in \(lo)..<\(hi)")
                }
            }
        }
    }

    @Test("word starts and ends equal UAX #29's at every offset of random text")
    func wordBoundaries() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<2_000 {
            let text = Self.text(&generator, length: Int(generator.next() % 12))
            text.bytes.withUnsafeBufferPointer { bytes in
                WordScanner.classes.withUnsafeBufferPointer { classes in
                    let p = bytes.baseAddress ?? UnsafePointer(classes.baseAddress!)
                    for offset in 0...bytes.count {
                        #expect(WordScanner.isWordStart(offset, p, bytes.count, classes.baseAddress!, text)
                                    == text.isWordStart(offset), "\(text.string.debugDescription) start \(offset)")
                        #expect(WordScanner.isWordEnd(offset, p, bytes.count, classes.baseAddress!, text)
                                    == text.isWordEnd(offset), "\(text.string.debugDescription) end \(offset)")
                    }
                }
            }
            let (starts, ends) = WordScanner.words(text)
            let reference = Self.referenceWords(text)
            #expect(starts == reference.map(\.0) && ends == reference.map(\.1), "\(text.string.debugDescription)")
        }
    }

    @Test("longer ASCII text splits into words as UAX #29 says, marks between letters and digits included")
    func asciiWords() {
        // Only ASCII, so that every boundary takes the ASCII shortcut, weighted to the marks
        // that join or split words ("a.b", "1,5", "don't"); some texts of up to 200 pieces.
        let ascii = ["a", "b", "Z", "0", "7", "_", ".", "'", ",", ";", "\"", " ", "-", ":", "\n", "ab", "12"]
        var generator = SplitMix64(seed: 12)
        var joined = 0
        for round in 0..<3_000 {
            var string = ""
            for _ in 0..<Int(generator.next() % (round % 10 == 0 ? 200 : 24)) {
                string += ascii[Int(generator.next() % UInt64(ascii.count))]
            }
            let bytes = Array(string.utf8)
            let map = bytes.indices.map { Int32($0) }
            let text = NormalizedText(bytes: bytes, originStarts: map, originEnds: map.map { $0 + 1 },
                                      originalCount: bytes.count, applied: [])
            let (starts, ends) = WordScanner.words(text)
            let reference = Self.referenceWords(text)
            #expect(starts == reference.map(\.0) && ends == reference.map(\.1), "\(string.debugDescription)")
            // Words that hold a mark: the joins were exercised.
            joined += zip(starts, ends).filter { start, end in
                bytes[Int(start)..<Int(end)].contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: ",") }
            }.count
        }
        #expect(joined > 100)
    }

    /// The word split the scan used before the fast path: from each word start to the next
    /// word end, byte by byte.
    static func referenceWords(_ text: NormalizedText) -> [(Int32, Int32)] {
        var words: [(Int32, Int32)] = []
        var i = 0
        while i < text.bytes.count {
            if text.isWordStart(i) {
                var j = i + 1
                while j < text.bytes.count && !text.isWordEnd(j) { j += 1 }
                words.append((Int32(i), Int32(j)))
                i = j
            } else {
                i += 1
            }
        }
        return words
    }

    @Test("the tries find every literal at every position they try, and nothing else")
    func tries() {
        var generator = SplitMix64(seed: 2)
        let alphabet = Array("abe. é'".utf8)
        for _ in 0..<500 {
            var literals = Set<[UInt8]>()
            for _ in 0..<Int(1 + generator.next() % 12) {
                let length = Int(1 + generator.next() % 4)
                literals.insert((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            let list = Array(literals)
            let text = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let forward = LiteralTrie(list)
            let backward = LiteralTrie(list.map { $0.reversed() })
            var found: [[Int]] = [], foundBackward: [[Int]] = []
            text.withUnsafeBufferPointer { bytes in
                LiteralTrie.scan(bytes, WordScanner.classTable, forward: forward, backward: backward) {
                    reversed, literal, start, end in
                    if reversed { foundBackward.append([Int(literal), start, end]) } else { found.append([Int(literal), start, end]) }
                }
            }
            func isWord(_ byte: UInt8) -> Bool { WordScanner.isWordClass(WordScanner.classes[Int(byte)]) }
            var expected: [[Int]] = [], expectedBackward: [[Int]] = []
            for start in text.indices {
                for (index, literal) in list.enumerated() where start + literal.count <= text.count
                    && Array(text[start..<(start + literal.count)]) == literal {
                    let end = start + literal.count
                    if start == 0 || !(isWord(text[start - 1]) && isWord(text[start])) {
                        expected.append([index, start, end])
                    }
                    if end == text.count || !(isWord(text[end - 1]) && isWord(text[end])) {
                        expectedBackward.append([index, start, end])
                    }
                }
            }
            let order: ([Int], [Int]) -> Bool = { $0.lexicographicallyPrecedes($1) }
            #expect(found.sorted(by: order) == expected.sorted(by: order), "\(list) in \(text)")
            #expect(foundBackward.sorted(by: order) == expectedBackward.sorted(by: order), "\(list) in \(text)")
        }
    }

    @Test("locating occurrences gives each its first and last word as a search of the words does, in order")
    func locatedWords() {
        var generator = SplitMix64(seed: 11)
        var scan = PostScan()
        for round in 0..<600 {
            let text = Self.text(&generator, length: Int(generator.next() % (round % 3 == 0 ? 400 : 60)))
            let n = text.bytes.count
            let (starts, ends) = WordScanner.words(text)
            // Occurrences anywhere, of any length (empty ones too), some on word boundaries.
            var found: [Occurrence] = []
            for _ in 0..<Int(generator.next() % 12) {
                var start = Int(generator.next() % UInt64(n + 1))
                if !starts.isEmpty && generator.next() % 2 == 0 { start = Int(starts[Int(generator.next() % UInt64(starts.count))]) }
                let end = min(n, start + Int(generator.next() % 9))
                found.append(Occurrence(atom: AtomID(generator.next() % 5), start: Int32(start), end: Int32(end),
                                        firstWord: -1, lastWord: -1))
            }
            scan.reset()
            scan.text = text
            found.withUnsafeBufferPointer { scan.locate($0) }
            // The first word ending after the start; the last word starting before the end
            // (one before the first when there is none: between words).
            var expected = found.map { occurrence in
                var located = occurrence
                let first = ends.firstIndex { Int($0) > Int(occurrence.start) } ?? ends.count
                let startingBefore = starts.filter { Int($0) < Int(occurrence.end) }.count
                located.firstWord = Int32(first)
                located.lastWord = Int32(max(startingBefore - 1, first - 1))
                return located
            }
            expected.sort(by: Occurrence.precedes)
            let describe = { (o: Occurrence) in [Int(o.atom), Int(o.start), Int(o.end), Int(o.firstWord), Int(o.lastWord)] }
            #expect(scan.occurrences.map(describe) == expected.map(describe), "\(text.string)")
            #expect(scan.wordCount == starts.count)
        }
    }

    @Test("the literal DFA finds what the trie (anchored) and a naive search (floating) find, at every length")
    func literalDFA() {
        var generator = SplitMix64(seed: 5)
        let alphabet = Array("abe. é'".utf8)
        for round in 0..<800 {
            var anchored = Set<[UInt8]>(), floating = Set<[UInt8]>()
            for _ in 0..<Int(1 + generator.next() % 10) {
                let length = Int(1 + generator.next() % 4)
                let literal = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                if generator.next() % 3 == 0 { floating.insert(literal) } else { anchored.insert(literal) }
            }
            let a = Array(anchored), f = Array(floating)
            // Half the rounds: some literals count only before a word end.
            let endChecked = round % 2 == 0 ? [] : (a + f).map { _ in generator.next() % 2 == 0 }
            // Short and long texts: the long ones are walked in 2 and 4 segments, cut after
            // spaces where the text has them (odd rounds of 4) or with a lookback; the longest
            // (rounds 6 and 7 of 8) cross the walks' checks for room in the match list.
            let textAlphabet = round % 4 == 1 || round % 4 == 3 ? alphabet + [0x20, 0x20] : alphabet
            let length = round % 8 >= 6 ? Int(2_100 + generator.next() % 4_000)
                : round % 4 >= 2 ? Int(90 + generator.next() % 500) : Int(generator.next() % 80)
            let text = (0..<length).map { _ in textAlphabet[Int(generator.next() % UInt64(textAlphabet.count))] }
            guard let dfa = WordStartAutomaton(anchored: a, floating: f, endChecked: endChecked, memoryLimit: 1 << 20) else {
                Issue.record("no DFA for \(a) \(f)")
                continue
            }
            let steps = GrowableList<MatchStep>(capacity: 4)
            var found: [[Int]] = []
            text.withUnsafeBufferPointer { bytes in
                dfa.matchSteps(bytes, into: steps)
                for k in 0..<steps.count {
                    let end = Int(steps.base[k].end)
                    for (floating, literal, length) in dfa.outputs(ofSlot: dfa.slot(of: steps.base[k])) {
                        found.append([floating ? 1 : 0, Int(literal), end - Int(length), end])
                    }
                }
            }
            var expected: [[Int]] = []
            text.withUnsafeBufferPointer { bytes in
                LiteralTrie.scan(bytes, WordScanner.classTable, forward: LiteralTrie(a), backward: LiteralTrie.empty) {
                    _, literal, start, end in expected.append([0, Int(literal), start, end])
                }
            }
            for start in text.indices {
                for (index, literal) in f.enumerated() where start + literal.count <= text.count
                    && Array(text[start..<(start + literal.count)]) == literal {
                    expected.append([1, index, start, start + literal.count])
                }
            }
            // The matches ending at one offset are one step: it counts before a word end, or
            // when one of them needs none.
            if !endChecked.isEmpty {
                let waits = { (match: [Int]) in endChecked[match[1] + (match[0] == 1 ? a.count : 0)] }
                let atWordEnd = { (end: Int) in end == text.count || !WordScanner.isWordClass(WordScanner.classes[Int(text[end])]) }
                let ends = Dictionary(grouping: expected, by: { $0[3] })
                expected = expected.filter { match in atWordEnd(match[3]) || !ends[match[3]]!.allSatisfy(waits) }
            }
            let order: ([Int], [Int]) -> Bool = { $0.lexicographicallyPrecedes($1) }
            #expect(found.sorted(by: order) == expected.sorted(by: order), "anchored \(a) floating \(f) in \(text)")
        }
    }

    @Test("each DFA match state lists the targets of the literals it ends, with their lengths, waking atoms' first")
    func slotTargets() throws {
        let tables = try Classifier.bundled().rules.tables
        let dfa = try #require(tables.literalDFA)
        #expect(tables.slotHeaders.count == dfa.matchSlotCount)
        func wakes(_ target: Int32) -> Bool {
            let atom = Int(tables.targets[Int(target)].atom)
            return tables.triggerStarts[atom + 1] > tables.triggerStarts[atom]
        }
        var listed = 0, quiet = 0, beyondTwo = 0
        for slot in 0..<dfa.matchSlotCount {
            let header = tables.slotHeaders[slot]
            // Headers tile the target list in order.
            #expect(header.targets == (slot == 0 ? 0 : tables.slotHeaders[slot - 1].targetsEnd), "slot \(slot)")
            var expected: [[Int32]] = []
            for (floating, literal, length) in dfa.outputs(ofSlot: slot) {
                let starts = floating ? tables.floatingTargetStarts : tables.trieTargetStarts
                for t in starts[Int(literal)]..<starts[Int(literal) + 1] { expected.append([t, length]) }
            }
            // Output order within each part: targets whose atom wakes a branch, then quiet ones.
            expected = expected.filter { wakes($0[0]) } + expected.filter { !wakes($0[0]) }
            let entries = (Int(header.targets)..<Int(header.targetsEnd)).map {
                [tables.slotTargets[$0].target, tables.slotTargets[$0].length]
            }
            #expect(entries == expected, "slot \(slot)")
            // Each entry carries its target's copy.
            #expect((Int(header.targets)..<Int(header.targetsEnd)).allSatisfy {
                let entry = tables.slotTargets[$0], target = tables.targets[Int(entry.target)]
                return entry.literal.atom == target.atom && entry.literal.needsWordStart == target.needsWordStart
                    && entry.literal.needsWordEnd == target.needsWordEnd && entry.literal.widens == target.widens
                    && entry.literal.squeezedCount == target.squeezedCount
            }, "slot \(slot)")
            let split = Int(header.quietTargets) - Int(header.targets)
            #expect(entries.prefix(split).allSatisfy { wakes($0[0]) } && entries.dropFirst(split).allSatisfy { !wakes($0[0]) },
                    "slot \(slot)")
            // The quiet words and masks are exactly the bits of the quiet atoms.
            var bits: [Int32: UInt64] = [:]
            for entry in entries.dropFirst(split) {
                let atom = tables.targets[Int(entry[0])].atom
                bits[atom >> 6, default: 0] |= 1 << UInt64(atom & 63)
            }
            var listedBits: [Int32: UInt64] = [:]
            for q in Int(header.quietWords)..<Int(header.quietWordsEnd) {
                listedBits[tables.slotQuietWords[q], default: 0] |= tables.slotQuietMasks[q]
            }
            #expect(listedBits == bits, "slot \(slot)")
            // The first two quiet words are copied into the header, word 0 and mask 0 where
            // there are fewer.
            let quietWordCount = Int(header.quietWordsEnd - header.quietWords)
            for (index, word, mask) in [(0, header.quietWord0, header.quietMask0), (1, header.quietWord1, header.quietMask1)] {
                let q = Int(header.quietWords) + index
                #expect(word == (index < quietWordCount ? tables.slotQuietWords[q] : 0), "slot \(slot)")
                #expect(mask == (index < quietWordCount ? tables.slotQuietMasks[q] : 0), "slot \(slot)")
            }
            if quietWordCount > 2 { beyondTwo += 1 }
            listed += entries.count
            quiet += entries.count - split
        }
        #expect(listed >= tables.targets.count)
        // The bundled rules have both kinds: "the", "is" and "de" complete clauses, never wake.
        #expect(quiet > 0 && quiet < listed)
        // Some states' quiet atoms span more than the two words a header holds.
        #expect(beyondTwo > 0)
        // A literal ending in a match state: "idiot" ends in the state its last byte leads to.
        let steps = GrowableList<MatchStep>(capacity: 4)
        Array("you idiot".utf8).withUnsafeBufferPointer { dfa.matchSteps($0, into: steps) }
        let ends = (0..<steps.count).flatMap { k in
            let header = tables.slotHeaders[dfa.slot(of: steps.base[k])]
            return (Int(header.targets)..<Int(header.targetsEnd))
                .map { (Int(steps.base[k].end) - Int(tables.slotTargets[$0].length), Int(steps.base[k].end)) }
        }
        #expect(ends.contains { $0 == (4, 9) })
    }

    @Test("each trigger's quick test is its branch's first clause after the rarest that fits one word")
    func triggerQuickTests() throws {
        let rules = try Classifier.bundled().rules, tables = rules.tables
        var tested = 0
        for k in 0..<tables.triggers.count {
            let trigger = tables.triggers[k], branch = Int(trigger.branch)
            // The branch as compiled: its clauses, rarest first.
            let program = Int(tables.branchProgram[branch])
            let clauses = rules.programs[program].branches[branch - Int(tables.branchStarts[program])]
            var expected: (word: Int32, mask: UInt64) = (-1, 0)
            for clause in clauses.dropFirst() where Set(clause.map { $0 >> 6 }).count == 1 {
                expected = (clause[0] >> 6, clause.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) })
                break
            }
            #expect(trigger.word == expected.word && trigger.mask == expected.mask, "trigger \(k)")
            if trigger.word >= 0 { tested += 1 }
        }
        // Many have one (about two in five with the bundled rules; the others have only their
        // rarest clause, or clauses of several words).
        #expect(tested * 4 > tables.triggers.count)
    }

    @Test("classification with the bundled rules equals the verdict of evaluating every rule")
    func bundledRulesAgreeWithFullEvaluation() throws {
        let rules = try Classifier.bundled().rules
        #expect(rules.tables.literalDFA != nil)
        // The same rules with the tries and the automaton instead of the DFA.
        let withoutDFA = try CompiledRules(rules.ruleSet, normalizer: rules.normalizer, literalDFAMemoryLimit: 0)
        #expect(withoutDFA.tables.literalDFA == nil)
        var vocabulary = Set<String>()
        for rule in rules.ruleSet.rules {
            for pattern in rule.patterns + rule.unless + (rule.near?.any ?? []) + (rule.unlessNear?.any ?? []) {
                Self.words(pattern.elements, into: &vocabulary)
            }
        }
        let words = vocabulary.sorted() + ["jan@example.com", "06-12345678", "20%", "€15", "NL91ABNA0417164300",
                                           "https://example.org/x", "1234 AB", "the", "and", "of", "you", "me", "."]
        #expect(words.count > 200)
        var generator = SplitMix64(seed: 3)
        var flagged = 0
        for _ in 0..<3_000 {
            let count = Int(3 + generator.next() % 25)
            let post = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            let language = [nil, "en", "nl"][Int(generator.next() % 3)]
            let verdict = rules.classify(post, language: language)
            #expect(verdict == rules.explain(post, language: language).verdict, "\(post)")
            #expect(verdict == withoutDFA.classify(post, language: language), "\(post)")
            if !verdict.labels.isEmpty { flagged += 1 }
        }
        #expect(flagged > 100)
    }

    @Test("classification with random rule sets equals the verdict of evaluating every rule")
    func randomRuleSetsAgreeWithFullEvaluation() throws {
        var generator = SplitMix64(seed: 4)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let vocabulary = ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "abcd", "cdef"]
        var compared = 0, flagged = 0
        for round in 0..<60 {
            func element() -> PatternElement {
                switch generator.next() % 10 {
                case 0: return R.w(pick(vocabulary), pick([.prefix, .suffix, .infix]))
                case 1: return R.alt([R.w(pick(vocabulary))], [R.w(pick(vocabulary)), R.w(pick(vocabulary))],
                                     optional: generator.next() % 2 == 0)
                case 2: return R.d(.number)
                default: return R.w(pick(vocabulary))
                }
            }
            func pattern() -> Pattern {
                var elements = [element()]
                for _ in 0..<Int(generator.next() % 3) {
                    if generator.next() % 3 == 0 { elements.append(R.gap(Int(generator.next() % 3))) }
                    elements.append(element())
                }
                return R.p(elements)
            }
            var rules: [Rule] = []
            for index in 0..<6 {
                let near = generator.next() % 4 == 0 ? Context(any: [pattern()], within: Int(1 + generator.next() % 4)) : nil
                let unless = generator.next() % 4 == 0 ? [pattern()] : []
                let unlessNear = generator.next() % 5 == 0
                    ? Context(any: [pattern()], within: 2, side: pick([.before, .after, .either])) : nil
                rules.append(R.rule("harassment.r\(index)", weight: pick([0, 0.3, 0.6]), lang: pick([[], ["en"], ["nl"]]),
                                    [pattern(), pattern()], near: near, unless: unless, unlessNear: unlessNear))
            }
            let composite = Composite(atLeast: pick([1, 2, 3]), of: ["harassment.r0", "harassment.r1", "harassment.r2"],
                                      within: pick([nil, 3, 8]))
            rules.append(R.rule("harassment.c0", weight: 0.7, [], composite: composite))
            rules.append(R.rule("harassment.c1", weight: 0.5, [], composite: Composite(atLeast: 2,
                                                                                         of: ["harassment.c0", "harassment.r3"])))
            let compiled = try R.compile(R.category("harassment", rules))
            let withoutDFA = try CompiledRules(compiled.ruleSet, normalizer: compiled.normalizer, literalDFAMemoryLimit: 0)
            for _ in 0..<60 {
                let post = (0..<Int(1 + generator.next() % 14)).map { _ in
                    generator.next() % 8 == 0 ? String(generator.next() % 100) : pick(vocabulary + ["zz", "."])
                }.joined(separator: pick([" ", " ", ", ", "-"]))
                let language = pick([nil, "en", "nl", "de"])
                let verdict = compiled.classify(post, language: language)
                #expect(verdict == compiled.explain(post, language: language).verdict, "round \(round): \(post)")
                #expect(verdict == withoutDFA.classify(post, language: language), "round \(round): \(post)")
                compared += 1
                if !verdict.hits.isEmpty { flagged += 1 }
            }
        }
        #expect(compared == 3_600)
        #expect(flagged > 300)
    }

    static func words(_ elements: [PatternElement], into words: inout Set<String>) {
        for element in elements {
            switch element {
            case .word(let word, _): words.insert(word)
            case .group(let alternatives, _): for alternative in alternatives { Self.words(alternative, into: &words) }
            case .gap, .detector: break
            }
        }
    }
}
