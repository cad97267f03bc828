/// Runs the chosen detectors over normalized UTF-8 (lower-cased, NFKC; digits are ASCII).
///
///     let detectors = Detectors(kinds: [.email, .iban])
///     detectors.detections(in: Array("mail jan@example.org".utf8))   // [email@5..<20]
///
/// Each detector is a hand-written byte scanner with validation (mod-97 for IBAN, the
/// 11-proef for BSN, Luhn for cards, country rules for phone numbers, TLD lists for URLs, …); what each one
/// accepts and rejects is documented in its `DetectorScan+<Kind>.swift` file. One position may
/// carry several kinds (a number inside money, the digit groups of a phone): all are reported.
///
/// Cost: one branch-free pass over the post (8 bytes per step) records in which 16-byte blocks
/// trigger bytes occur (digits, '@', '.', ':', brackets, a spelled " at"); a post without any
/// returns right there. Otherwise each family visits only its blocks, reading a bounded window
/// around each trigger: linear in the post's length for any input. Detections are gathered in
/// stack memory (on the heap only past 32 of them), so a typical post allocates nothing.
/// Immutable and `Sendable`: share one instance across threads.
public struct Detectors: Sendable {
    /// The kinds this instance reports; the others are not reported even where their scanners
    /// run to suppress overlaps (an IBAN's digits are never a phone number).
    public let kinds: Set<DetectorKind>
    /// `kinds` as bits (see `DetectorKind.bit`).
    let enabled: UInt16

    static let digitKinds: UInt16 = [DetectorKind.number, .money, .phone, .bsn, .card, .ssn, .iban, .postcode, .address]
        .reduce(0) { $0 | $1.bit }
    static let atSignKinds: UInt16 = DetectorKind.email.bit | DetectorKind.handle.bit

    /// Detectors for `kinds`; cheap (no tables are built per instance).
    public init(kinds: Set<DetectorKind>) {
        self.kinds = kinds
        self.enabled = kinds.reduce(0) { $0 | $1.bit }
    }

    /// Calls `body` for each detection, ordered by start offset, then kind, then end; spans
    /// are half-open byte ranges of `text`. Identical detections are reported once.
    ///
    ///     bytes.withUnsafeBufferPointer { Detectors(kinds: [.phone]).forEachDetection(in: $0) { print($0) } }
    ///
    /// Cost: linear in `text.count`; no allocation unless more than 32 detections are found.
    public func forEachDetection(in text: UnsafeBufferPointer<UInt8>, _ body: (Detection) -> Void) {
        forEachDetection(in: text, everyURLMark: false, body)
    }

    /// `everyURLMark`: the URL scan parses at every '.' and ':', not only at those a URL can
    /// hold (see ``DetectorScan/scanURLs(_:)``); the same detections, slower (the reference of
    /// a test).
    func forEachDetection(in text: UnsafeBufferPointer<UInt8>, everyURLMark: Bool, _ body: (Detection) -> Void) {
        guard enabled != 0, let p = text.baseAddress, !text.isEmpty else { return }
        let n = text.count
        let triggers = DetectorTriggers(p, n)
        let digits = enabled & Self.digitKinds != 0 ? triggers.digits : 0
        let atSigns = enabled & Self.atSignKinds != 0 ? triggers.atSigns : 0
        let urls = enabled & DetectorKind.url.bit != 0 ? triggers.urls : 0
        let spelled = enabled & DetectorKind.email.bit != 0 ? triggers.spelled : 0
        guard digits | atSigns | urls | spelled != 0 else { return }
        withUnsafeTemporaryAllocation(of: Detection.self, capacity: 32) { buffer in
            var scan = DetectorScan(p: p, n: n, enabled: enabled, buffer: buffer)
            scan.visitsEveryURLMark = everyURLMark
            if digits != 0 { scan.scanDigitRuns(digits) }
            if atSigns != 0 { scan.scanAtSigns(atSigns) }
            if urls != 0 { scan.scanURLs(urls) }
            if spelled != 0 { scan.scanSpelledEmails(spelled) }
            scan.finish(body)
        }
    }

    /// All detections in `text`, in the order of ``forEachDetection(in:_:)``.
    public func detections(in text: [UInt8]) -> [Detection] {
        var result: [Detection] = []
        text.withUnsafeBufferPointer { buffer in forEachDetection(in: buffer) { result.append($0) } }
        return result
    }
}
