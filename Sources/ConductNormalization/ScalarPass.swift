import CConductICU

/// The first pass of the normalizer, scalar by scalar: invalid UTF-8 → U+FFFD, default
/// ignorables dropped, NFKC_Casefold, non-ASCII white space → U+0020, diacritics folded.
///
/// NFKC_Casefold works on normalization segments: a segment starts at a scalar with a
/// normalization boundary before it (or after its predecessor) and runs to the next one. Every
/// byte a segment produces maps to the original bytes of the whole segment. A segment of one
/// scalar is answered from ``ScalarTable`` (no ICU call); longer ones (a base letter followed
/// by combining marks, Hangul jamo) go through ICU. ASCII followed by ASCII never forms a
/// longer segment, so ASCII is lower-cased in place without ICU; that gives the same bytes as
/// ICU because NFKC_Casefold maps every ASCII scalar to its lower case and nothing else.
///
/// Runs in chunks: ``run(_:count:sink:)`` returns early when the sink lacks room and is
/// called again with a larger one; all progress lives in the struct.
struct ScalarPass {
    let options: NormalizationOptions
    let table: ScalarTable
    /// Next input byte to read.
    var position: Int
    var applied: NormalizationOptions = []
    /// A letter with a confusable fold was written.
    var sawConfusable = false
    private var utf16: [UInt16] = []
    private var utf16Output: [UInt16] = []

    init(options: NormalizationOptions, table: ScalarTable, position: Int) {
        self.options = options
        self.table = table
        self.position = position
    }

    /// The most bytes one scalar step writes without its own room check (U+FDFA's mapping
    /// has 33 bytes).
    static let stepRoom = 64

    /// Processes input from ``position`` on. Returns 0 when the input is consumed, else the
    /// number of free bytes the sink must have for the next step.
    mutating func run(_ p: UnsafePointer<UInt8>, count n: Int, sink: inout ByteSink) -> Int {
        let casefold = options.contains(.nfkcCasefold)
        let dropIgnorables = options.contains(.dropIgnorables)
        while position < n {
            if sink.room < Self.stepRoom { return Self.stepRoom }
            let i = position
            let b = p[i]
            if b < 0x80 {
                // A run of ASCII: every byte but one right before a non-ASCII scalar (which may
                // begin a longer segment) is lower-cased on its own, as many as there is room.
                let runEnd = UTF8Scan.firstNonASCII(p, from: i, count: n)
                let safeEnd = min(runEnd == n ? n : runEnd - 1, i + sink.room - Self.stepRoom)
                if safeEnd > i {
                    if sink.appendASCII(p, from: i, to: safeEnd, casefold: casefold) { applied.insert(.nfkcCasefold) }
                    position = safeEnd
                    continue
                }
                if i + 1 == n || p[i + 1] < 0x80 {
                    appendASCII(b, Int32(i), casefold: casefold, sink: &sink)
                    position = i + 1
                    continue
                }
            }
            let (scalar, length) = UTF8Scan.decode(p, at: i, count: n)
            if scalar == UTF8Scan.invalid {
                applied.insert(.replaceInvalidUTF8)
                sink.append(scalar: 0xFFFD, Int32(i), Int32(i + length))
                position = i + length
                continue
            }
            let info = table.info(scalar)
            if info & ScalarInfo.ignorable != 0 {
                if dropIgnorables {
                    applied.insert(.dropIgnorables)
                } else {
                    sink.append(scalar: scalar, Int32(i), Int32(i + length))
                }
                position = i + length
                continue
            }
            if !casefold {
                appendNormalized(scalar, Int32(i), Int32(i + length), sink: &sink)
                position = i + length
                continue
            }
            let end = segmentEnd(p, count: n, from: i + length, after: info, dropIgnorables: dropIgnorables)
            let before = sink.count
            if end == i + length {
                appendSingle(scalar, info, Int32(i), Int32(end), sink: &sink)
            } else {
                let needed = appendSegment(p, from: i, to: end, dropIgnorables: dropIgnorables, sink: &sink)
                if needed > 0 { return needed }
            }
            if sink.count == before { extendLastGroup(to: Int32(end), ifItEndsAt: Int32(i), sink: &sink) }
            position = end
        }
        return 0
    }

    /// End of the normalization segment whose first scalar ends at `start`: ignorables inside
    /// it are skipped over (they are dropped before normalizing), trailing ones left out.
    @inline(__always)
    private func segmentEnd(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int, after first: UInt32,
                            dropIgnorables: Bool) -> Int {
        var end = start
        var last = first
        var k = start
        while k < n {
            if last & ScalarInfo.boundaryAfter != 0 || p[k] < 0x80 { return end }
            let (scalar, length) = UTF8Scan.decode(p, at: k, count: n)
            if scalar == UTF8Scan.invalid { return end }
            let info = table.info(scalar)
            if info & ScalarInfo.ignorable != 0 {
                if !dropIgnorables { return end }
                k += length
                continue
            }
            if info & ScalarInfo.boundaryBefore != 0 { return end }
            k += length
            end = k
            last = info
        }
        return end
    }

    @inline(__always)
    private mutating func appendASCII(_ b: UInt8, _ at: Int32, casefold: Bool, sink: inout ByteSink) {
        var byte = b
        if casefold && b &- 0x41 < 26 {
            byte = b | 0x20
            applied.insert(.nfkcCasefold)
        }
        sink.append(byte, at, at + 1)
    }

    /// A segment of one scalar: its NFKC_Casefold comes from the table.
    @inline(__always)
    private mutating func appendSingle(_ scalar: UInt32, _ info: UInt32, _ start: Int32, _ end: Int32,
                                       sink: inout ByteSink) {
        if scalar < 0x80 {
            appendASCII(UInt8(scalar), start, casefold: true, sink: &sink)
            return
        }
        guard info & ScalarInfo.nfkcChanges != 0 else {
            appendNormalized(scalar, start, end, sink: &sink)
            return
        }
        applied.insert(.nfkcCasefold)
        if scalar < table.limit {
            let mapped = table.mapping(scalar)
            var k = 0
            while k < mapped.count {
                let (next, length) = UTF8Scan.decodeValid(mapped.baseAddress!, at: k)
                appendNormalized(next, start, end, sink: &sink)
                k += length
            }
        } else {
            var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &buffer) { raw in
                let bytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let length = Int(conduct_nfkc_casefold_scalar(scalar, bytes, Int32(raw.count)))
                guard length >= 0 && length <= raw.count else {
                    appendNormalized(scalar, start, end, sink: &sink)
                    return
                }
                var k = 0
                while k < length {
                    let (next, step) = UTF8Scan.decodeValid(bytes, at: k)
                    appendNormalized(next, start, end, sink: &sink)
                    k += step
                }
            }
        }
    }

    /// A segment of several scalars goes through ICU. Returns 0, or the room it needs.
    private mutating func appendSegment(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                        dropIgnorables: Bool, sink: inout ByteSink) -> Int {
        utf16.removeAll(keepingCapacity: true)
        var k = start
        while k < end {
            let (scalar, length) = UTF8Scan.decode(p, at: k, count: end)
            k += length
            if dropIgnorables && table.info(scalar) & ScalarInfo.ignorable != 0 { continue }
            if scalar < 0x10000 {
                utf16.append(UInt16(truncatingIfNeeded: scalar))
            } else {
                utf16.append(UInt16(truncatingIfNeeded: 0xD7C0 + (scalar >> 10)))
                utf16.append(UInt16(truncatingIfNeeded: 0xDC00 | scalar & 0x3FF))
            }
        }
        if utf16Output.count < utf16.count * 4 + 16 {
            utf16Output = [UInt16](repeating: 0, count: utf16.count * 4 + 16)
        }
        var produced = normalizeSegment()
        if produced > utf16Output.count {
            utf16Output = [UInt16](repeating: 0, count: produced)
            produced = normalizeSegment()
        }
        if produced < 0 {
            // ICU failed (out of memory): keep the segment's scalars as they are.
            utf16Output = utf16
            produced = utf16.count
        }
        if sink.room < produced * 3 + Self.stepRoom { return produced * 3 + Self.stepRoom }
        if produced != utf16.count || !utf16Output.starts(with: utf16) { applied.insert(.nfkcCasefold) }
        let s = Int32(start)
        let e = Int32(end)
        var u = 0
        while u < produced {
            var scalar = UInt32(utf16Output[u])
            u += 1
            if scalar & 0xFC00 == 0xD800 && u < produced && utf16Output[u] & 0xFC00 == 0xDC00 {
                scalar = 0x10000 + ((scalar & 0x3FF) << 10 | UInt32(utf16Output[u] & 0x3FF))
                u += 1
            }
            appendNormalized(scalar, s, e, sink: &sink)
        }
        return 0
    }

    private mutating func normalizeSegment() -> Int {
        let source = utf16
        return source.withUnsafeBufferPointer { input in
            utf16Output.withUnsafeMutableBufferPointer { output in
                Int(conduct_nfkc_casefold(input.baseAddress, Int32(input.count),
                                          output.baseAddress, Int32(output.count)))
            }
        }
    }

    /// Writes one scalar that has been through NFKC_Casefold (or not, when that step is off):
    /// white space → U+0020, diacritics folded, look-alikes noted.
    @inline(__always)
    private mutating func appendNormalized(_ scalar: UInt32, _ start: Int32, _ end: Int32, sink: inout ByteSink) {
        if scalar < 0x80 {
            sink.append(UInt8(truncatingIfNeeded: scalar), start, end)
            return
        }
        let info = table.info(scalar)
        if info & ScalarInfo.whiteSpace != 0 && options.contains(.collapseWhitespace) {
            applied.insert(.collapseWhitespace)
            sink.append(0x20, start, end)
            return
        }
        if options.contains(.foldDiacritics) {
            if info & ScalarInfo.diacritic != 0 {
                applied.insert(.foldDiacritics)
                return
            }
            let fold = table.fold(scalar)
            if fold != 0 {
                applied.insert(.foldDiacritics)
                sink.append(UInt8(truncatingIfNeeded: fold), start, end)
                if fold > 0xFF { sink.append(UInt8(truncatingIfNeeded: fold >> 8), start, end) }
                return
            }
        }
        if info & ScalarInfo.letter != 0 && ScalarInfo.confusableTarget(info) != 0 { sawConfusable = true }
        sink.append(scalar: scalar, start, end)
    }

    /// A segment that wrote nothing (a dropped mark that forms a segment of its own: ICU puts
    /// a boundary after "q" in "q" + U+0301) joins the range of the bytes written just before
    /// it, when they touch it, so a span over the letter covers its accent.
    @inline(__always)
    private func extendLastGroup(to end: Int32, ifItEndsAt start: Int32, sink: inout ByteSink) {
        guard sink.count > 0 && sink.ends[sink.count - 1] == start else { return }
        let groupStart = sink.starts[sink.count - 1]
        var k = sink.count - 1
        while k >= 0 && sink.starts[k] == groupStart && sink.ends[k] == start {
            sink.ends[k] = end
            k -= 1
        }
    }
}
