import Testing
@_spi(AutomatonInternals) @testable import ConductMatching

/// The automaton against the naive matcher on random inputs. Small alphabets make overlapping
/// matches, shared prefixes and long failure chains common. Each case replays from its seed.
@Suite struct AutomatonPropertyTests {
    struct RandomCase {
        var literals: [[UInt8]]
        var haystack: [UInt8]
    }

    /// `haystackLengths` covers one walk (short), two and four walks in lock step (a few hundred
    /// bytes), and several windows (more than 6,144 bytes).
    static func randomCase(seed: UInt64, haystackLengths: ClosedRange<Int>? = nil) -> RandomCase {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array(Set((0..<Int.random(in: 1...4, using: &rng)).map { _ in
            UInt8.random(in: 0...255, using: &rng)
        }))
        let maximumLength = Int.random(in: 1...8, using: &rng)
        var literals: [[UInt8]] = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            (0..<Int.random(in: 1...maximumLength, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        if Bool.random(using: &rng) { literals.append(literals.randomElement(using: &rng)!) }
        let lengths = haystackLengths ?? [0...60, 0...150, 100...400, 300...1_200].randomElement(using: &rng)!
        let haystack: [UInt8] = (0..<Int.random(in: lengths, using: &rng)).map { _ in
            // Now and then a byte no literal contains, which sends the scan back to the root.
            Int.random(in: 0..<20, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng)
                : alphabet.randomElement(using: &rng)!
        }
        return RandomCase(literals: literals, haystack: haystack)
    }

    @Test(arguments: automatonConfigurations)
    func agreesWithTheNaiveMatcher(_ representation: AutomatonRepresentation) {
        for seed in UInt64(0)..<400 {
            let test = Self.randomCase(seed: seed)
            let automaton = buildAutomaton(test.literals, representation)
            #expect(scannedMatches(automaton, test.haystack) == naiveMatches(test.literals, in: test.haystack),
                    "seed \(seed)")
        }
    }

    /// Haystacks of several windows; with one or two letters matches are dense enough to fill
    /// the buffers of held matches, with four they are not.
    @Test func agreesWithTheNaiveMatcherOnLongHaystacks() {
        for seed in UInt64(500)..<508 {
            let test = Self.randomCase(seed: seed, haystackLengths: 6_000...14_000)
            let expected = naiveMatches(test.literals, in: test.haystack)
            for representation in automatonConfigurations {
                let automaton = buildAutomaton(test.literals, representation)
                #expect(scannedMatches(automaton, test.haystack) == expected, "seed \(seed), \(representation)")
            }
        }
    }

    /// The boundary between dense and sparse states anywhere: every dense count from 1 to all
    /// (beyond the number of states with two or more edges, nothing changes).
    @Test func agreesWithTheNaiveMatcherForEveryDenseStateCount() {
        for seed in UInt64(1000)..<1060 {
            let test = Self.randomCase(seed: seed)
            let expected = naiveMatches(test.literals, in: test.haystack)
            let states = buildAutomaton(test.literals, .dfa).stateCount
            for dense in 1...states {
                let automaton = buildAutomaton(test.literals, .nfa(denseStates: dense))
                #expect(scannedMatches(automaton, test.haystack) == expected, "seed \(seed), dense \(dense)")
            }
        }
    }

    /// 100,000 word-like literals (many share prefixes and suffixes) on texts made of literals,
    /// random letters and spaces, checked against a dictionary look-up of every substring.
    @Test func oneHundredThousandLiterals() {
        var rng = SplitMix64(seed: 0xC0DE)
        let letters = Array("etaoinshrdlucmfwypvbgkjqxz".utf8)
        func word(_ range: ClosedRange<Int>) -> [UInt8] {
            (0..<Int.random(in: range, using: &rng)).map { _ in
                // Skewed towards frequent letters, like text.
                letters[min(Int.random(in: 0..<26, using: &rng), Int.random(in: 0..<26, using: &rng))]
            }
        }
        let stems = (0..<3_000).map { _ in word(2...6) }
        let literals: [[UInt8]] = (0..<100_000).map { index in
            switch index % 4 {
            case 0: word(3...12)
            case 1: stems.randomElement(using: &rng)! + word(1...6)
            case 2: word(1...4) + stems.randomElement(using: &rng)!
            default: stems.randomElement(using: &rng)! + [0x20] + stems.randomElement(using: &rng)!
            }
        }
        let reference = DictionaryMatcher(literals)
        var texts: [[UInt8]] = []
        for length in [230, 230, 230, 230, 230, 230, 230, 230, 1_000, 5_000] {
            var text: [UInt8] = []
            while text.count < length {
                text += Bool.random(using: &rng) ? literals.randomElement(using: &rng)! : word(1...8)
                text.append(0x20)
            }
            texts.append(text)
        }
        let expected = texts.map { reference.matches(in: $0) }
        let total = expected.reduce(0) { $0 + $1.count }
        for representation in [AutomatonRepresentation.automatic, .nfa(denseStates: 256)] {
            let automaton = buildAutomaton(literals, representation)
            #expect(automaton.patternCount == 100_000)
            for (text, matches) in zip(texts, expected) {
                #expect(scannedMatches(automaton, text) == matches, "\(representation)")
            }
        }
        // Texts built from literals must produce plenty of matches, or the check proves little.
        #expect(total > 1_000)
    }
}

/// An automaton written as an image (``ImageCodable``) and read back finds what it found, in
/// every representation, dense and sparse states alike.
@Suite struct AutomatonImageTests {
    static func readBack(_ automaton: Automaton) throws -> Automaton {
        var writer = ImageWriter()
        writer.write(automaton)
        return try writer.bytes.withUnsafeBytes { bytes in
            var reader = ImageReader(bytes)
            let copy = try Automaton(from: &reader)
            #expect(reader.remaining == 0)
            return copy
        }
    }

    @Test(arguments: automatonConfigurations)
    func readBackFindsTheSameMatches(_ representation: AutomatonRepresentation) throws {
        for seed in UInt64(2000)..<2100 {
            let test = AutomatonPropertyTests.randomCase(seed: seed)
            let automaton = buildAutomaton(test.literals, representation)
            let copy = try Self.readBack(automaton)
            #expect(copy.patternCount == automaton.patternCount)
            #expect(scannedMatches(copy, test.haystack) == scannedMatches(automaton, test.haystack), "seed \(seed)")
        }
    }

    @Test func aByteClassBeyondTheClassCountIsAnError() throws {
        let automaton = buildAutomaton([Array("ab".utf8), Array("b".utf8)], .dfa)
        var writer = ImageWriter()
        writer.write(automaton)
        var bytes = writer.bytes
        // The class map's count (8 bytes), its padding (none: the image starts aligned), then
        // byte 0x61's class.
        bytes[8 + 0x61] = 0xFF
        #expect(throws: ImageError("the automaton's byte classes or dense rows are malformed")) {
            try bytes.withUnsafeBytes { raw in
                var reader = ImageReader(raw)
                _ = try Automaton(from: &reader)
            }
        }
    }
}
