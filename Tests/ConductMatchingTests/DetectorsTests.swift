import Testing
@testable import ConductMatching

@Suite struct DetectorsTests {
    static let all = Detectors(kinds: Set(DetectorKind.allCases))

    @Test func reportsEveryKindOrderedByStartThenKind() {
        let text = Array("bel 06-12345678, mail jan@example.com of €15; iban nl91abna0417164300".utf8)
        #expect(Self.all.detections(in: text).map(\.description) == [
            "number@4..<6", "phone@4..<15", "number@7..<15", "email@22..<37",
            "money@41..<46", "number@44..<46", "iban@53..<71",
        ])
        let ids = Array("kaart 4111 1111 1111 1111, ssn 123-45-6789".utf8)
        #expect(Self.all.detections(in: ids).map(\.description) == [
            "card@6..<25", "number@6..<10", "number@11..<15", "number@16..<20", "number@21..<25",
            "number@31..<34", "ssn@31..<42", "number@35..<37", "number@38..<42",
        ])
    }

    @Test func sameStartOrdersByKindName() {
        let found = Self.all.detections(in: Array("kerkstraat 12, 1234 ab".utf8))
        #expect(found.map(\.description) == ["address@0..<22", "number@11..<13", "number@15..<19", "postcode@15..<22"])
        #expect(DetectorKind.allCases.sorted().map(\.rawValue) == DetectorKind.allCases.map(\.rawValue).sorted())
    }

    @Test func emptyInputsAndNoKinds() {
        #expect(Self.all.detections(in: []).isEmpty)
        #expect(Detectors(kinds: []).detections(in: Array("jan@example.com 0612345678".utf8)).isEmpty)
        #expect(Self.all.detections(in: Array("just words and nothing else".utf8)).isEmpty)
        var calls = 0
        UnsafeBufferPointer<UInt8>(start: nil, count: 0).withMemoryRebound(to: UInt8.self) { buffer in
            Self.all.forEachDetection(in: buffer) { _ in calls += 1 }
        }
        #expect(calls == 0)
    }

    @Test func forEachDetectionMatchesDetections() {
        let text = Array("€ 15,- naar nl91 abna 0417 1643 00 of bel +31 6 12345678 (jan at example dot nl)".utf8)
        var streamed: [Detection] = []
        text.withUnsafeBufferPointer { Self.all.forEachDetection(in: $0) { streamed.append($0) } }
        #expect(streamed == Self.all.detections(in: text))
        #expect(streamed.map(\.description) == [
            "money@0..<8", "number@4..<6", "iban@14..<36", "number@24..<28", "number@29..<33", "number@34..<36",
            "phone@44..<58", "number@45..<47", "number@48..<49", "number@50..<58", "email@60..<81",
        ])
    }

    /// More detections than the stack buffer holds: they spill to an array, still in order.
    @Test func manyDetectionsSpillAndStaySorted() {
        let text = Array((1...300).map { "\($0) €\($0)" }.joined(separator: " ").utf8)
        let found = Self.all.detections(in: text)
        #expect(found.count == 900)
        #expect(found == found.sorted { ($0.span.start, $0.kind, $0.span.end) < ($1.span.start, $1.kind, $1.span.end) })
        #expect(found.filter { $0.kind == .money }.count == 300)
    }

    @Test(arguments: [
        [0xFF, 0xFE, 0x30, 0x36, 0x00, 0x40, 0x2E, 0xC0, 0x80] as [UInt8],
        Array("0612345678".utf8) + [0x00] + Array("jan@example.com".utf8),
        [0xE2, 0x82], [0xE2, 0x82, 0x31, 0x35], [0xC2], Array("\u{0}\u{1}\u{7F}@.:(".utf8),
        Array("06\t1234\n5678 jan\r@x.nl".utf8), Array(repeating: 0, count: 100),
    ])
    func anyBytesGiveWellFormedSpans(_ text: [UInt8]) {
        for detection in Self.all.detections(in: text) {
            #expect(0 <= detection.span.start && detection.span.start < detection.span.end && detection.span.end <= text.count)
        }
    }

    @Test func controlBytesSeparateTokens() {
        let found = Self.all.detections(in: Array("06-12345678\njan@example.com".utf8))
        #expect(found.filter { $0.kind == .phone || $0.kind == .email }.map(\.description) == ["phone@0..<11", "email@12..<27"])
    }

    // MARK: Random texts

    static let fragments = [
        " ", " ", " ", "06", "-", "12345678", "1234", "5678", "@", "jan", ".", "com", "nl", "at", "dot", "€", "$",
        "15", ",", ",-", "nl91", "abna", "0417", "1643", "00", "(", ")", "+31", "+", "straat", "kerk", "12", "ab",
        "www", "://", "http", "/", "x", "0", "1", "2", "9", "euro", "order", "bsn", "123456782", "van", "laan",
        "street", "main", "[at]", "punt", "apenstaartje", "😀", "é", "#", ":", "k", "mln", "0031", "(0)",
        "example", "1.234", "2024", "a", "the", "4111", "1111", "5555", "4444", "123", "45", "6789", "&#", ";",
        "th", "(64)", "447801259231",
    ]

    /// Seeded random texts over trigger-heavy fragments.
    static func randomTexts(count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            Array((0..<(1 + next() % 40)).map { _ in fragments[next() % fragments.count] }.joined().utf8)
        }
    }

    @Test func randomTextsKeepEveryInvariant() {
        let prefix = Array("👍🏽 ".utf8)
        for text in Self.randomTexts(count: 3000, seed: 42) {
            let found = Self.all.detections(in: text)
            for (index, d) in found.enumerated() {
                #expect(d.span.start >= 0 && d.span.start < d.span.end && d.span.end <= text.count)
                if index > 0 {
                    let previous = found[index - 1]
                    #expect((previous.span.start, previous.kind, previous.span.end) < (d.span.start, d.kind, d.span.end),
                            "out of order in \(String(decoding: text, as: UTF8.self))")
                }
            }
            // One kind alone finds exactly what it finds among all kinds.
            for kind in DetectorKind.allCases {
                #expect(Detectors(kinds: [kind]).detections(in: text) == found.filter { $0.kind == kind },
                        "\(kind) alone differs in \(String(decoding: text, as: UTF8.self))")
            }
            // A prefix that is no word shifts every span by its length.
            let shifted = found.map { Detection(kind: $0.kind, span: Span(start: $0.span.start + prefix.count, end: $0.span.end + prefix.count)) }
            #expect(Self.all.detections(in: prefix + text) == shifted, "prefix changes \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// Texts dense in dots, colons, slashes and host bytes, where URL triggers matter.
    static let urlFragments = [
        ".", ".", ":", ":", "/", "//", "-", " ", "\n", "a", "com", "nl", "me", "www", "http", "https", "x",
        "1", "42", "@", "(", ")", "é", "😀", ",", "?", "#", "_", "example", "is", "e.g", "...", "\"",
        " shop.nl", " t.me/x", " www.a.b.com", " https://x.io", " bit.ly/", ":8080", " a.co.uk",
    ]

    @Test func urlTriggersSkipOnlyMarksThatFindNothing() {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let texts = Self.randomTexts(count: 1500, seed: 9) + (0..<4000).map { _ in
            Array((0..<(1 + next() % 60)).map { _ in Self.urlFragments[next() % Self.urlFragments.count] }.joined().utf8)
        }
        var withURLs = 0
        for text in texts {
            var fast: [Detection] = [], reference: [Detection] = []
            text.withUnsafeBufferPointer { bytes in
                Self.all.forEachDetection(in: bytes, everyURLMark: false) { fast.append($0) }
                Self.all.forEachDetection(in: bytes, everyURLMark: true) { reference.append($0) }
            }
            #expect(fast == reference, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            if reference.contains(where: { $0.kind == .url }) { withURLs += 1 }
        }
        // The texts exercise the URL scan: a good share hold a URL.
        #expect(withURLs > 1000, "\(withURLs) texts with a URL")
    }

    // MARK: Linear time

    /// `unit` repeated `count` times, as bytes.
    static func repeated(_ unit: String, _ count: Int, then tail: String = "") -> [UInt8] {
        let bytes = Array(unit.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * count + tail.utf8.count)
        for _ in 0..<count { out.append(contentsOf: bytes) }
        return out + Array(tail.utf8)
    }

    /// 1 MB inputs built to make a careless scanner quadratic; each must finish (no timing is
    /// asserted) and find exactly what is stated.
    @Test(arguments: [
        ("1", 1 << 20, "", ["number": 1]),
        ("1 ", 1 << 19, "", ["number": 1 << 19]),
        ("0-", 1 << 19, "", ["number": 1 << 19]),
        ("12.", 1 << 18, "", ["number": 1]),
        ("a@", 1 << 19, "", [:]),
        ("@", 1 << 20, "", [:]),
        ("@ab ", 1 << 18, "", ["handle": 1 << 18]),
        ("at at at dot dot ", 1 << 16, "", [:]),
        ("(at)(dot)", 1 << 17, "", [:]),
        ("a.", 1 << 19, "", [:]),
        ("a", 1 << 20, ".com", ["url": 1]),
        ("http:", 1 << 18, "", [:]),
        ("+31 ", 1 << 18, "", ["number": 1 << 18]),
        ("nl91 ", 1 << 18, "", [:]),
        ("straat 1 ", 1 << 17, "", ["number": 1 << 17]),
        ("€", 1 << 18, "1", ["money": 1, "number": 1]),
        // "06 12 06 12 06" is a valid-looking Dutch number; one starts every six groups.
        ("06 12 ", 1 << 17, "", ["number": 1 << 18, "phone": 43690]),
        // Groups of four: every run starts a card attempt; 5555 × 16 fails Luhn.
        ("5555 ", 1 << 18, "", ["number": 1 << 18]),
        ("4111-", 1 << 18, "", ["number": 1 << 18]),
        ("123-45-6789 ", 1 << 16, "", ["number": 3 << 16, "ssn": 1 << 16]),
        ("(64) ", 1 << 18, "", ["number": 1 << 18]),
        ("&#39;", 1 << 18, "", [:]),
    ] as [(String, Int, String, [String: Int])])
    func adversarialMegabyteInputs(_ unit: String, _ count: Int, _ tail: String, _ expected: [String: Int]) {
        let text = Self.repeated(unit, count, then: tail)
        var counts = [Int](repeating: 0, count: DetectorKind.allCases.count)
        text.withUnsafeBufferPointer { buffer in Self.all.forEachDetection(in: buffer) { counts[$0.kind.rank] += 1 } }
        var found: [String: Int] = [:]
        for kind in DetectorKind.allCases where counts[kind.rank] > 0 { found[kind.rawValue] = counts[kind.rank] }
        #expect(found == expected, "\(unit) × \(count)")
    }
}
