/// The state of one ``Detectors`` pass over one post: the bytes, the detections found so
/// far, and per detector the end of what it already claimed.
///
/// Invariants:
/// - `p[0..<n]` is the post; ``at(_:)`` reads 0 outside it, so scanners never bound-check.
/// - Every scanner reads a bounded window around each trigger (a digit run, an '@', a '.'
///   or ':', a spelled "at") or resumes after its previous stopping point, so a whole pass
///   is linear in `n` whatever the input.
/// - Detections are buffered in caller-provided stack memory; past its capacity they move to
///   a heap buffer (`spill`, doubled as needed), freed by ``finish(_:)``. Either way they are
///   sorted by (start, kind, end) and handed out without duplicates.
/// - Every stored property is a pointer or an integer, so the struct is trivially copyable
///   (no reference counting even where an unoptimized build copies it per call).
struct DetectorScan {
    let p: UnsafePointer<UInt8>
    let n: Int
    /// Kinds to report.
    let enabled: UInt16
    private var buffer: UnsafeMutablePointer<Detection>
    private var capacity: Int
    private var count = 0
    /// Whether `buffer` was allocated here (after the stack buffer filled up).
    private var spilled = false

    /// End of the last IBAN found: phones, BSNs, postcodes, addresses and money start after it.
    var ibanEnd = 0
    /// End of the last number parsed (digits joined by single '.' or ','), reported or not.
    var numberEnd = 0
    /// End of the last phone found: no BSN or second phone starts inside it.
    var phoneEnd = 0
    var bsnEnd = 0
    /// End of the last card number found: no phone or BSN starts inside it.
    var cardEnd = 0
    /// End of the last money span: its currency is not also the prefix of the next number.
    var moneyEnd = 0
    var addressEnd = 0
    /// Where the URL scanner resumes: the end of its last parse attempt.
    var urlResume = 0
    /// The URL scanner parses at every '.' and ':', also those no URL can hold (the reference
    /// of a test; see ``scanURLs(_:)``).
    var visitsEveryURLMark = false

    init(p: UnsafePointer<UInt8>, n: Int, enabled: UInt16, buffer: UnsafeMutableBufferPointer<Detection>) {
        self.p = p
        self.n = n
        self.enabled = enabled
        self.buffer = buffer.baseAddress!
        self.capacity = buffer.count
    }

    /// The byte at `i`, or 0 when `i` is outside the text.
    @inline(__always) func at(_ i: Int) -> UInt8 {
        UInt(bitPattern: i) < UInt(bitPattern: n) ? p[i] : 0
    }

    @inline(__always) func wants(_ kind: DetectorKind) -> Bool { enabled & kind.bit != 0 }

    /// Records a detection of `kind` over `start..<end` if that kind is enabled.
    mutating func emit(_ kind: DetectorKind, _ start: Int, _ end: Int) {
        guard enabled & kind.bit != 0 else { return }
        if count == capacity { grow() }
        (buffer + count).initialize(to: Detection(kind: kind, span: Span(start: start, end: end)))
        count += 1
    }

    /// Moves the detections to a heap buffer four times as large.
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Detection>.allocate(capacity: max(capacity * 4, 64))
        larger.moveInitialize(from: buffer, count: count)
        if spilled { buffer.deallocate() }
        buffer = larger
        capacity = max(capacity * 4, 64)
        spilled = true
    }

    @inline(__always) private static func precedes(_ a: Detection, _ b: Detection) -> Bool {
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        let ra = a.kind.rank, rb = b.kind.rank
        if ra != rb { return ra < rb }
        return a.span.end < b.span.end
    }

    /// Hands every detection to `body`, ordered by start offset, then kind, then end, and
    /// frees the heap buffer if there is one.
    mutating func finish(_ body: (Detection) -> Void) {
        var all = UnsafeMutableBufferPointer(start: buffer, count: count)
        if spilled {
            // Each family emits in nearly ascending order: the stdlib sort merges those runs.
            all.sort(by: Self.precedes)
        } else if count > 1 {
            // Few detections, nearly in order: insertion sort moves few elements.
            for i in 1..<count {
                let d = all[i]
                var j = i
                while j > 0 && Self.precedes(d, all[j - 1]) {
                    all[j] = all[j - 1]
                    j -= 1
                }
                all[j] = d
            }
        }
        for i in 0..<count where i == 0 || all[i] != all[i - 1] { body(all[i]) }
        if spilled {
            buffer.deallocate()
            spilled = false
        }
        count = 0
    }
}
