/// Runs the chosen detectors over normalized UTF-8 (lower-cased, NFKC; digits are ASCII).
///
///     let detectors = Detectors(kinds: [.email, .iban])
///     detectors.detections(in: Array("mail jan@example.org".utf8))   // [email@5..<20]
///
/// Each detector is a hand-written scanner, linear in the input, with validation
/// (mod-97 for IBAN, the 11-proef for BSN, …). Baseline: finds nothing until implemented.
public struct Detectors: Sendable {
    public let kinds: Set<DetectorKind>

    public init(kinds: Set<DetectorKind>) {
        self.kinds = kinds
    }

    /// Calls `body` for each detection, ordered by start offset, then kind.
    public func forEachDetection(in text: UnsafeBufferPointer<UInt8>, _ body: (Detection) -> Void) {
    }

    public func detections(in text: [UInt8]) -> [Detection] {
        var result: [Detection] = []
        text.withUnsafeBufferPointer { buffer in forEachDetection(in: buffer) { result.append($0) } }
        return result
    }
}
