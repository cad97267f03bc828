import Testing
@testable import ConductNormalization

/// The 16-byte SIMD scan of ``TokenPass/plainStretch(from:bytes:count:)`` against a
/// byte-at-a-time reading of its definition, and the normalizer on posts whose stretches stop
/// at lane and block edges.
@Suite struct PlainStretchTests {
    static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static let marks = Set("\"'()*+,-./:;<=>?".utf8)

    /// Whether byte `i` (with two bytes after it) stops a stretch, read off the definition.
    static func stops(_ bytes: [UInt8], at i: Int) -> Bool {
        let b = bytes[i]
        if !(isLetter(b) || b == 0x20 || marks.contains(b)) { return true }
        if b == 0x20 && bytes[i + 1] <= 0x20 { return true }
        if isLetter(b) && !isLetter(bytes[i - 1]) && !isLetter(bytes[i + 1]) { return true }
        return isLetter(b) && bytes[i + 1] == b && bytes[i + 2] == b
    }

    /// Blocks of 16 from `r` while a block and two bytes more fit; `end` just after the last
    /// space before the stop.
    static func reference(_ bytes: [UInt8], from r: Int) -> (end: Int, stop: Int) {
        guard r > 0 else { return (r, r) }
        func end(before stop: Int) -> Int {
            (r..<stop).last { bytes[$0] == 0x20 }.map { $0 + 1 } ?? r
        }
        var block = r
        while block + 18 <= bytes.count {
            if let stop = (block..<block + 16).first(where: { stops(bytes, at: $0) }) {
                return (end(before: stop), stop)
            }
            block += 16
        }
        return (end(before: block), bytes.count)
    }

    static func stretch(_ bytes: [UInt8], from r: Int) -> (end: Int, stop: Int) {
        var copy = bytes
        return copy.withUnsafeMutableBufferPointer {
            TokenPass.plainStretch(from: r, bytes: $0.baseAddress!, count: $0.count)
        }
    }

    /// Every byte class the scan tells apart, with the bytes on both sides of each range.
    static let edges: [UInt8] = Array("\t\n !\"#$&'()/09:?@AZ[`az{~".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]

    @Test func agreesWithTheByteByByteReading() {
        var rng = SplitMix64(seed: 20_261_122)
        let words = ["we", "were", "there", "and", "then", "soo", "see", "it's", "(ok)", "a", "I", "yes,", "no."]
        for round in 0..<3_000 {
            // Mostly plain words, so that stretches run over several blocks before a stop.
            var bytes: [UInt8] = []
            let length = Int.random(in: [1...40, 20...300].randomElement(using: &rng)!, using: &rng)
            let odd = Int.random(in: 0...30, using: &rng)
            while bytes.count < length {
                if Int.random(in: 0..<100, using: &rng) < odd {
                    bytes.append(Self.edges.randomElement(using: &rng)!)
                } else {
                    bytes += Array(words.randomElement(using: &rng)!.utf8) + [0x20]
                }
            }
            for r in [0, 1, Int.random(in: 0..<bytes.count, using: &rng), Int.random(in: 0..<bytes.count, using: &rng)]
            where r < bytes.count {
                let got = Self.stretch(bytes, from: r)
                let expected = Self.reference(bytes, from: r)
                #expect(got == expected, "round \(round) from \(r): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func stopsAtEachKindOfByteAndEndsAfterTheSpaceBeforeIt() {
        func stretch(_ text: String) -> (end: Int, stop: Int) { Self.stretch(Array(text.utf8), from: 3) }
        // From 3, the blocks are 3..<19 and 19..<35; 35 + 18 is past the end, so the rest goes
        // word by word: the stretch ends after the space at 31, the last one before 35.
        #expect(stretch("we said hello there my dear old friend") == (32, 38))
        #expect(stretch("we said hello, there; (my) dear-old friend") == (27, 42))   // marks go along
        #expect(stretch("we said hello there 1 dear old friend") == (20, 20))        // a digit
        #expect(stretch("we said hello there  my dear old friend") == (14, 19))      // two spaces
        #expect(stretch("we said hello there a dear old friend!") == (20, 20))      // a one-letter word
        #expect(stretch("we said hello there, a dear old friend") == (21, 21))      // ... after a mark
        #expect(stretch("we said hello there, soooo dear old friend") == (21, 22))   // a run to squeeze
        #expect(stretch("we said hello th\u{E9}re my dear old friend") == (14, 16))  // a non-ASCII byte
        // The first byte of a post goes word by word.
        #expect(Self.stretch(Array("we said hello there my dear old friend".utf8), from: 0) == (0, 0))
    }

    /// Posts long enough for stretches, each with something a stretch must leave to the word
    /// steps at a different lane of the first blocks; the normalizer does what it does on the
    /// short post that holds only the tricky part.
    @Test func theWordStepsStillSeeWhatAStretchLeaves() {
        let probes = ["f u c k", "soooo", "h3ll0", "sh!t", "wow!! nice", "two  spaces", "\u{0430}nd", "i a b c",
                      "it is a good one", "x a y z", "so a b", "is a bbb c d", "x y ccc a is", "an a ll b c"]
        for probe in probes {
            let short = normalized(probe).string
            // Padding of 2 to 21 letters moves the probe over every lane of the second block.
            for letters in 2...21 {
                let padding = String(String(repeating: "ab", count: 11).prefix(letters))
                let text = "we said " + padding + " " + probe + " and then we all went on home to bed"
                let expected = "we said " + padding + " " + short + " and then we all went on home to bed"
                #expect(normalized(text).string == expected, "\(text.debugDescription)")
            }
        }
    }

    /// The word pass writes in place: once something shrank, the bytes just before a stretch
    /// are output, not input. A stretch reads only the byte before its start, a byte outside
    /// any token; a version that read two more bytes back as the context of a one-letter word
    /// took the output "e" for input and let the last "l" pass.
    @Test func aStretchAfterSomethingShrankStillStopsAtSpacedLetters() {
        let rest = " s e l lsave it to me now and then we go"
        let expected = normalized("we said" + rest).string
        #expect(expected == "we said sel lsave it to me now and then we go")
        for shrinker in ["we  said", "we said\u{200B}", "we\u{200B} said", "we saaaid", "we\t\nsaid"] {
            #expect(normalized(shrinker + rest).string == expected, "\(shrinker.debugDescription)")
        }
    }
}
