@testable import ConductKit
import Testing

/// Posts longer than `CompiledRules.maximumPostBytes` are classified in pieces. The path is
/// tested with small pieces (the same code runs at 64 MiB).
@Suite("Posts longer than the maximum are classified in pieces")
struct LongPostTests {
    static let rules: CompiledRules = try! R.compile(
        R.category("harassment", [R.rule("harassment.insult", [R.p("idiot")])]),
        R.category("selling", [R.rule("selling.buy", weight: 0.5, [R.p("buy it now")])]))

    static func pieces(_ bytes: [UInt8], limit: Int) -> [Range<Int>] {
        bytes.withUnsafeBytes { CompiledRules.pieces(of: $0, limit: limit) }
    }

    static func classify(_ post: String, pieceBytes: Int) -> Verdict {
        Array(post.utf8).withUnsafeBytes {
            rules.classify(utf8: $0, language: nil, scratch: ClassificationScratch(), pieceBytes: pieceBytes)
        }
    }

    @Test("the maximum is 64 MiB, the CLI's line limit")
    func maximum() {
        #expect(CompiledRules.maximumPostBytes == 67_108_864)
        #expect(Normalizer.maximumInputBytes == 2_147_483_646)
    }

    @Test("cuts fall after the last white space of a piece's second half, else on a character boundary")
    func cuts() {
        #expect(Self.pieces(Array("aaaa bbbb cccc dddd".utf8), limit: 10) == [0..<10, 10..<19])
        #expect(Self.pieces(Array("aaaa\tbbbb\ncccc".utf8), limit: 10) == [0..<10, 10..<14])
        // White space only in the first half: cut at the limit (ASCII is a boundary).
        #expect(Self.pieces(Array("a bcdefghijk".utf8), limit: 10) == [0..<10, 10..<12])
        // Two-byte characters: never cut between their bytes.
        #expect(Self.pieces(Array(String(repeating: "é", count: 10).utf8), limit: 5) == [0..<4, 4..<8, 8..<12, 12..<16, 16..<20])
        // A four-byte character at the limit moves to the next piece whole.
        #expect(Self.pieces(Array("abcdefg😀".utf8), limit: 8) == [0..<7, 7..<11])
        // Stray continuation bytes are characters of their own: cut anywhere.
        #expect(Self.pieces([UInt8](repeating: 0x80, count: 12), limit: 5) == [0..<5, 5..<10, 10..<12])
        #expect(Self.pieces(Array("abcdefghij".utf8), limit: 10) == [0..<10])
        #expect(Self.pieces([], limit: 10) == [0..<0])
    }

    @Test("pieces that cut between sentences give the whole post's verdict, hits capped across pieces", arguments: [10, 150])
    func sameVerdict(sentences: Int) {
        // 23 bytes a sentence; pieces of 46 bytes hold exactly two.
        let post = String(repeating: "you idiot, buy it now. ", count: sentences)
        let pieced = Self.classify(post, pieceBytes: 46)
        let whole = Self.classify(post, pieceBytes: Int.max)
        #expect(pieced == whole)
        #expect(pieced.hits.count == 2 * min(sentences, Verdict.maximumHitsPerRule))
        #expect(pieced.hits.last.map { "\($0.rule)@\($0.span)'\($0.match)'" }
                    == "selling.buy@\(23 * (min(sentences, 100) - 1) + 11)..<\(23 * (min(sentences, 100) - 1) + 21)'buy it now'")
        #expect(pieced.scores.map(\.score) == [0.6, 0.5])
        #expect(pieced.labels == ["harassment", "selling"] && pieced.action == .review)
    }

    @Test("hits of later pieces carry offsets into the whole post")
    func offsets() {
        let post = String(repeating: "x", count: 1_000) + " idiot"
        let verdict = Self.classify(post, pieceBytes: 600)
        #expect(verdict.hits.map { "\($0.rule)@\($0.span)'\($0.match)'" } == ["harassment.insult@1001..<1006'idiot'"])
        #expect(verdict.scores.map(\.score) == [0.6, 0])
        #expect(Self.classify(String(repeating: "x", count: 1_000), pieceBytes: 600) == Self.rules.classify(""))
    }

    @Test("a phrase across a cut is not seen (documented)")
    func phraseAcrossCut() {
        // "buy it now" (10 bytes) in pieces of 8: cut after "buy it ".
        #expect(Self.pieces(Array("buy it now".utf8), limit: 8) == [0..<7, 7..<10])
        #expect(Self.classify("buy it now", pieceBytes: 8).hits.isEmpty)
        #expect(Self.classify("buy it now", pieceBytes: 10).hits.map(\.match) == ["buy it now"])
    }
}
