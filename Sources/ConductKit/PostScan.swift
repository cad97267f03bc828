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
    /// A wildcard word's occurrence: ``PostScan/locate(_:)`` widens it to the whole words it
    /// touches (see ``LiteralTarget/widens``).
    var widens: Bool = false

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
/// Invariant after ``locate(_:)``: `occurrences` is sorted by ``Occurrence/precedes(_:_:)``;
/// the occurrences starting in word `w` are `occurrences[index[w] ..< index[w + 1]]`;
/// `wordStarts[0 ..< wordCount]` and `wordEnds[0 ..< wordCount]` are increasing. Before it,
/// `occurrences` is empty and `wordCount` is 0.
struct PostScan {
    var text = NormalizedText()
    /// Word offsets in their first `wordCount` elements; the storage only grows (one word per
    /// byte at most).
    private(set) var wordStarts: [Int32] = []
    private(set) var wordEnds: [Int32] = []
    private(set) var wordCount = 0
    var occurrences: [Occurrence] = []
    var index: [Int32] = []
    /// Per byte offset (valid after ``locate(_:)``, at least `text.bytes.count + 1` long): the
    /// first word ending after it; the number of words starting before it.
    private var firstWordAfter: [Int32] = []
    private var wordsBefore: [Int32] = []
    /// Per word, while ``locate(_:)`` fills `occurrences`: where the word's next one goes.
    private var cursor: [Int32] = []
    /// Whether ``locate()`` ran for the current post.
    private(set) var located = false

    /// Forgets the previous post's occurrences and words, keeping the storage.
    mutating func reset() {
        guard located else { return }
        occurrences.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        wordCount = 0
        located = false
    }

    /// Splits the text into words, gives every occurrence of `found` its words, sorts them
    /// into `occurrences` and builds the word index.
    mutating func locate(_ found: UnsafeBufferPointer<Occurrence>) {
        located = true
        let n = text.bytes.count
        if wordStarts.count < n + 1 {
            let size = max(n + 1, 2 * wordStarts.count)
            wordStarts = Array(repeating: 0, count: size)
            wordEnds = Array(repeating: 0, count: size)
            firstWordAfter = Array(repeating: 0, count: size + 1)
            wordsBefore = Array(repeating: 0, count: size + 1)
            cursor = Array(repeating: 0, count: size + 1)
        }
        let wordCount = wordStarts.withUnsafeMutableBufferPointer { starts in
            wordEnds.withUnsafeMutableBufferPointer { ends in
                WordScanner.tokenize(text, starts: starts.baseAddress!, ends: ends.baseAddress!)
            }
        }
        self.wordCount = wordCount
        // For every byte offset b: the first word ending after b, and the number of words
        // starting before b (one pass over the words instead of two searches per occurrence).
        // Counting sort by first word: the counts become the word index, then each word's
        // handful of occurrences is sorted by the rest of the order.
        index.append(contentsOf: repeatElement(0, count: wordCount + 2))
        occurrences.append(contentsOf: found)
        // Past the last word, ends and starts no offset reaches (the storage has a slot per
        // byte, so one beyond the words).
        wordStarts[wordCount] = Int32.max
        wordEnds[wordCount] = Int32.max
        wordStarts.withUnsafeBufferPointer { starts in
            wordEnds.withUnsafeBufferPointer { ends in
                firstWordAfter.withUnsafeMutableBufferPointer { after in
                    wordsBefore.withUnsafeMutableBufferPointer { before in
                        // Words are non-empty and disjoint, so their starts and ends increase
                        // strictly: from one offset to the next, at most one word ends and at
                        // most one starts. One pass without branches (a loop per word
                        // mispredicted its exit about twice per word).
                        var ending = 0, starting = 0
                        for b in 0...n {
                            ending &+= Int(ends[ending]) <= b ? 1 : 0
                            after[b] = Int32(truncatingIfNeeded: ending)
                            starting &+= Int(starts[starting]) < b ? 1 : 0
                            before[b] = Int32(truncatingIfNeeded: starting)
                        }
                        index.withUnsafeMutableBufferPointer { index in
                            occurrences.withUnsafeMutableBufferPointer { sorted in
                                cursor.withUnsafeMutableBufferPointer { cursor in
                                    Self.place(found, words: wordCount, starts, ends, after, before, index, sorted, cursor)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The counting sort of ``locate(_:)``: `index` (zeroed, `words + 2` long) becomes the
    /// word index and `sorted` the occurrences with their words, in order.
    @inline(__always)
    private static func place(_ found: UnsafeBufferPointer<Occurrence>, words wordCount: Int,
                              _ starts: UnsafeBufferPointer<Int32>, _ ends: UnsafeBufferPointer<Int32>,
                              _ after: UnsafeMutableBufferPointer<Int32>, _ before: UnsafeMutableBufferPointer<Int32>,
                              _ index: UnsafeMutableBufferPointer<Int32>, _ sorted: UnsafeMutableBufferPointer<Occurrence>,
                              _ cursor: UnsafeMutableBufferPointer<Int32>) {
        for i in 0..<found.count {
            index[Int(after[Int(found[i].start)]) &+ 1] &+= 1
        }
        for w in 0...wordCount { index[w &+ 1] &+= index[w] }
        // index[w] is now the start of word w's run; fill, advancing a cursor.
        for w in 0...wordCount { cursor[w] = index[w] }
        for i in 0..<found.count {
            var occurrence = found[i]
            let first = after[Int(occurrence.start)]
            occurrence.firstWord = first
            occurrence.lastWord = max(before[Int(occurrence.end)] &- 1, first &- 1)
            if occurrence.widens && first <= occurrence.lastWord {
                occurrence.start = min(occurrence.start, starts[Int(first)])
                occurrence.end = max(occurrence.end, ends[Int(occurrence.lastWord)])
            }
            sorted[Int(cursor[Int(first)])] = occurrence
            cursor[Int(first)] &+= 1
        }
        for w in 0...wordCount where index[w &+ 1] &- index[w] > 1 {
            sort(UnsafeMutableBufferPointer(rebasing: sorted[Int(index[w])..<Int(index[w &+ 1])]))
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
}
