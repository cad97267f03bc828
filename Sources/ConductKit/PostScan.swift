import ConductMatching
import ConductNormalization

/// One occurrence of an atom in a normalized post, in bytes and in words.
struct Occurrence: Sendable {
    var atom: AtomID
    var start: Int32
    var end: Int32
    /// The first word the occurrence touches.
    var firstWord: Int32
    /// The last word it touches; `firstWord - 1` for an occurrence between words (punctuation).
    var lastWord: Int32
    /// A wildcard word (`scam*`, `*hole`, `*kanker*`): the occurrence covers the whole words
    /// it touches ("scammers", "asshole"), which is what a reader needs to see.
    var widens: Bool = false
}

/// A match of a pattern program or a rule: normalized byte span and word range.
struct ProgramMatch: Sendable, Hashable {
    var start: Int32
    var end: Int32
    var firstWord: Int32
    var lastWord: Int32

    func overlaps(_ other: ProgramMatch) -> Bool { start < other.end && other.start < end }
}

/// The atoms found in one normalized post, indexed by the word they start in.
///
/// Invariant: `occurrences` is sorted by `firstWord`; the occurrences starting in word `w`
/// are `occurrences[index[w] ..< index[w + 1]]`; `wordStarts`/`wordEnds` are increasing.
struct PostScan {
    let text: NormalizedText
    /// The original post's bytes, kept only when a rule needs to re-read them.
    var original: [UInt8]?
    var wordStarts: [Int32] = []
    var wordEnds: [Int32] = []
    var occurrences: [Occurrence] = []
    var index: [Int32] = []

    var wordCount: Int { wordStarts.count }

    init(text: NormalizedText, original: [UInt8]?, occurrences raw: [Occurrence]) {
        self.text = text
        self.original = original
        tokenize()
        var located = raw
        for i in located.indices {
            let (first, last) = words(start: Int(located[i].start), end: Int(located[i].end))
            located[i].firstWord = Int32(first)
            located[i].lastWord = Int32(last)
            if located[i].widens && first <= last {
                located[i].start = min(located[i].start, wordStarts[first])
                located[i].end = max(located[i].end, wordEnds[last])
            }
        }
        located.sort { ($0.firstWord, $0.atom, $0.start, $0.end) < ($1.firstWord, $1.atom, $1.start, $1.end) }
        occurrences = located
        index = Array(repeating: 0, count: wordCount + 2)
        var cursor = 0
        for w in 0...(wordCount + 1) {
            while cursor < located.count && Int(located[cursor].firstWord) < w { cursor += 1 }
            index[w] = Int32(cursor)
        }
    }

    /// Occurrences that start in word `w`.
    func occurrences(at w: Int) -> ArraySlice<Occurrence> {
        guard w >= 0 && w <= wordCount else { return [] }
        return occurrences[Int(index[w])..<Int(index[w + 1])]
    }

    private mutating func tokenize() {
        let count = text.bytes.count
        var i = 0
        while i < count {
            if text.isWordStart(i) {
                var j = i + 1
                while j < count && !text.isWordEnd(j) { j += 1 }
                wordStarts.append(Int32(i))
                wordEnds.append(Int32(j))
                i = j
            } else {
                i += 1
            }
        }
    }

    /// The words a byte span touches: the first word ending after `start`, the last word
    /// starting before `end`.
    func words(start: Int, end: Int) -> (Int, Int) {
        // First w with wordEnds[w] > start.
        var lo = 0, hi = wordCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(wordEnds[mid]) > start { hi = mid } else { lo = mid + 1 }
        }
        let first = lo
        // Number of words with wordStarts[w] < end, minus one.
        lo = 0; hi = wordCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(wordStarts[mid]) < end { lo = mid + 1 } else { hi = mid }
        }
        return (first, max(lo - 1, first - 1))
    }
}
