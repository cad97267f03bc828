/// Collects diagnostics while loading; keeps at most `limit` and counts the rest.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var dropped = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { diagnostics.isEmpty && dropped == 0 }
    var count: Int { diagnostics.count + dropped }

    mutating func error(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.error, at: location, message))
    }

    /// Keeps `diagnostic` while under the limit, else counts it.
    private mutating func add(_ diagnostic: Diagnostic) {
        if diagnostics.count < limit {
            diagnostics.append(diagnostic)
        } else {
            dropped += 1
        }
    }

    /// Appends the diagnostics of `other` (kept within this log's limit, the rest counted as
    /// dropped), as if they had been reported here.
    mutating func append(_ other: DiagnosticLog) {
        for diagnostic in other.diagnostics { add(diagnostic) }
        dropped += other.dropped
    }

    /// All diagnostics, plus one naming how many were left out.
    func finished() -> [Diagnostic] {
        guard dropped > 0, let last = diagnostics.max(by: { $0.location < $1.location }) else { return diagnostics }
        return diagnostics + [Diagnostic(.error, at: last.location,
            "\(dropped) more errors not shown; only the first \(limit) are reported; fix these and load again")]
    }
}
