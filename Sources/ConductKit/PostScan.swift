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

    /// The order of ``PostScan/occurrences``: first word, atom, start, end.
    @inline(__always)
    static func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
        if a.firstWord != b.firstWord { return a.firstWord < b.firstWord }
        if a.atom != b.atom { return a.atom < b.atom }
        if a.start != b.start { return a.start < b.start }
        return a.end < b.end
    }
}

/// A match of a pattern program or a rule: normalized byte span and word range.
struct ProgramMatch: Sendable, Hashable {
    var start: Int32
    var end: Int32
    var firstWord: Int32
    var lastWord: Int32

    func overlaps(_ other: ProgramMatch) -> Bool { start < other.end && other.start < end }
}

/// The atoms found in one normalized post, indexed by the word they start in. Reused from post
/// to post (``reset()`` keeps the storage), so a warm scan allocates nothing.
///
/// Invariant after ``locate()``: `occurrences` is sorted by ``Occurrence/precedes(_:_:)``; the
/// occurrences starting in word `w` are `occurrences[index[w] ..< index[w + 1]]`;
/// `wordStarts`/`wordEnds` are increasing. Before it, `occurrences` holds the raw
/// occurrences in the order they were found, with no word positions.
struct PostScan {
    var text = NormalizedText()
    var wordStarts: [Int32] = []
    var wordEnds: [Int32] = []
    var occurrences: [Occurrence] = []
    var index: [Int32] = []
    /// Whether ``locate()`` ran for the current post.
    private(set) var located = false

    var wordCount: Int { wordStarts.count }

    /// Forgets the previous post's occurrences and words, keeping the storage.
    mutating func reset() {
        occurrences.removeAll(keepingCapacity: true)
        wordStarts.removeAll(keepingCapacity: true)
        wordEnds.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        located = false
    }

    /// Splits the text into words, gives every occurrence its words, sorts the occurrences and
    /// builds the word index.
    mutating func locate() {
        located = true
        WordScanner.tokenize(text, starts: &wordStarts, ends: &wordEnds)
        let count = occurrences.count
        wordStarts.withUnsafeBufferPointer { wordStarts in
            wordEnds.withUnsafeBufferPointer { wordEnds in
                occurrences.withUnsafeMutableBufferPointer { buffer in
                    for i in 0..<count {
                        let (first, last) = Self.words(start: Int(buffer[i].start), end: Int(buffer[i].end),
                                                       wordStarts, wordEnds)
                        buffer[i].firstWord = Int32(first)
                        buffer[i].lastWord = Int32(last)
                    }
                    Self.sort(buffer)
                }
            }
        }
        let wordCount = self.wordCount
        index.reserveCapacity(wordCount + 2)
        var cursor = 0
        occurrences.withUnsafeBufferPointer { located in
            for w in 0...(wordCount + 1) {
                while cursor < count && Int(located[cursor].firstWord) < w { cursor += 1 }
                index.append(Int32(cursor))
            }
        }
    }

    /// Sorts by ``Occurrence/precedes(_:_:)``: insertion sort for the usual handful (no
    /// allocation), the standard library's sort beyond.
    static func sort(_ buffer: UnsafeMutableBufferPointer<Occurrence>) {
        var buffer = buffer
        let count = buffer.count
        guard count > 1 else { return }
        if count > 48 {
            buffer.sort(by: Occurrence.precedes)
            return
        }
        for i in 1..<count {
            let item = buffer[i]
            var j = i
            while j > 0 && Occurrence.precedes(item, buffer[j - 1]) {
                buffer[j] = buffer[j - 1]
                j -= 1
            }
            buffer[j] = item
        }
    }

    /// Indices into `occurrences` of the occurrences that start in word `w`.
    @inline(__always)
    func occurrenceRange(at w: Int) -> Range<Int> {
        guard w >= 0 && w <= wordCount else { return 0..<0 }
        return Int(index[w])..<Int(index[w + 1])
    }

    /// Occurrences that start in word `w`.
    func occurrences(at w: Int) -> ArraySlice<Occurrence> {
        occurrences[occurrenceRange(at: w)]
    }

    /// The words a byte span touches: the first word ending after `start`, the last word
    /// starting before `end`.
    func words(start: Int, end: Int) -> (Int, Int) {
        wordStarts.withUnsafeBufferPointer { wordStarts in
            wordEnds.withUnsafeBufferPointer { wordEnds in Self.words(start: start, end: end, wordStarts, wordEnds) }
        }
    }

    @inline(__always)
    static func words(start: Int, end: Int, _ wordStarts: UnsafeBufferPointer<Int32>,
                      _ wordEnds: UnsafeBufferPointer<Int32>) -> (Int, Int) {
        // First w with wordEnds[w] > start.
        var lo = 0, hi = wordEnds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(wordEnds[mid]) > start { hi = mid } else { lo = mid + 1 }
        }
        let first = lo
        // Number of words with wordStarts[w] < end, minus one.
        lo = 0; hi = wordStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(wordStarts[mid]) < end { lo = mid + 1 } else { hi = mid }
        }
        return (first, max(lo - 1, first - 1))
    }
}
