/// The scan loop, written once over ``AutomatonStepper``. The DFA scan is `@inlinable` and
/// forced inline, so a caller in another module gets a copy specialised for its closure: the
/// per-match call is inlined instead of going through a closure context (2–10% faster when
/// matches are dense, measured). The NFA scan stays out of line.
///
/// A table walk is bound by the latency of its loads: each byte's transition depends on the
/// previous one. A long haystack is therefore cut into 2 or 4 segments walked in lock step,
/// whose loads overlap. Every segment but the first starts its walk `lookback` (the longest
/// literal's length) bytes early, from the start state: the state after reading any text is
/// the trie node of the text's longest suffix that is a trie node, at most `lookback` bytes
/// long, so after those bytes the walk is in the true state. Matches of later segments end
/// after every match of earlier ones; they wait in small buffers until the earlier walks are
/// done, which keeps the order (end offset, then pattern ID). When a buffer fills, the walks
/// finish one after the other. Haystacks longer than a window (4 KiB, or 16 × `lookback`) are
/// scanned window by window, each window's first walk continuing from the previous state.
extension AutomatonTables {
    /// Matches a later segment may hold back before the lock step ends.
    @usableFromInline static let pendingCapacity = 32

    /// Number of segments walked in lock step for a haystack of `count` bytes: each extra
    /// walk reads `lookback` bytes twice, so short haystacks are walked in one piece.
    @inlinable
    static func walkCount(count: Int, lookback: Int) -> Int {
        if count >= 3 &* lookback &+ 192 { return 4 }
        if count >= lookback &+ 48 { return 2 }
        return 1
    }

    /// Scans with a DFA. Inlined into the caller, closure and all: this is the hot path.
    @inlinable @inline(__always)
    func scanDFA(_ text: UnsafePointer<UInt8>, count: Int, _ body: (Match) -> Void) {
        classMap.withUnsafeBufferPointer { map in
            dense.withUnsafeBufferPointer { table in
                matchEntries.withUnsafeBufferPointer { entries in
                    let stepper = DFAStepper(map: map.baseAddress!, table: table.baseAddress!,
                                             matchStart: matchStart, classCount: classCount)
                    Self.scan(stepper, text, count, lookback: longestLiteral, entries, body)
                }
            }
        }
    }

    /// Scans with an NFA (automata too big for a DFA). Not inlined: `body` is called through
    /// its closure context, which costs little next to an NFA step.
    @usableFromInline @inline(never)
    func scanNFA(_ text: UnsafePointer<UInt8>, count: Int, _ body: (Match) -> Void) {
        classMap.withUnsafeBufferPointer { map in
            dense.withUnsafeBufferPointer { table in
                sparse.withUnsafeBufferPointer { sparse in
                    matchEntries.withUnsafeBufferPointer { entries in
                        let stepper = NFAStepper(map: map.baseAddress!, table: table.baseAddress!,
                                                 sparse: sparse.baseAddress!, matchStart: matchStart,
                                                 sparseStart: sparseStart, classCount: classCount)
                        Self.scan(stepper, text, count, lookback: longestLiteral, entries, body)
                    }
                }
            }
        }
    }

    @inlinable @inline(__always)
    static func scan<Stepper: AutomatonStepper>(
        _ stepper: Stepper, _ text: UnsafePointer<UInt8>, _ count: Int, lookback: Int,
        _ entries: UnsafeBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        if walkCount(count: count, lookback: lookback) == 1 {
            var state: UInt32 = 0
            var index = 0
            walk(stepper, text, &state, &index, to: count, reportAfter: 0, entries, body)
            return
        }
        // Long haystacks go window by window, so that a full buffer only ends the lock step of
        // one window; each window's first walk continues from the previous window's state.
        let window = Swift.max(4096, 16 &* lookback)
        var storage = PendingStorage()
        withUnsafeMutableBytes(of: &storage) { raw in
            let pending = raw.bindMemory(to: UInt64.self)
            var state: UInt32 = 0
            var start = 0
            while start < count {
                let end = count &- start < window &+ window / 2 ? count : start &+ window
                scanWindow(stepper, text, from: start, to: end, &state, lookback: lookback, entries, pending, body)
                start = end
            }
        }
    }

    /// Scans `text[start..<end]`, the walk of the first segment continuing from `state` (the
    /// true state at `start`); leaves in `state` the true state at `end`.
    @inlinable @inline(__always)
    static func scanWindow<Stepper: AutomatonStepper>(
        _ stepper: Stepper, _ text: UnsafePointer<UInt8>, from start: Int, to end: Int,
        _ state: inout UInt32, lookback: Int, _ entries: UnsafeBufferPointer<UInt64>,
        _ pending: UnsafeMutableBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        var index = start
        switch walkCount(count: end &- start, lookback: lookback) {
        case 1:
            walk(stepper, text, &state, &index, to: end, reportAfter: 0, entries, body)
        case 2:
            scanTwo(stepper, text, from: start, to: end, &state, lookback: lookback, entries, pending, body)
        default:
            scanFour(stepper, text, from: start, to: end, &state, lookback: lookback, entries, pending, body)
        }
    }

    /// Walks from `index` to `end`, reporting matches that end after `reportAfter`.
    @inlinable @inline(__always)
    static func walk<Stepper: AutomatonStepper>(
        _ stepper: Stepper, _ text: UnsafePointer<UInt8>, _ state: inout UInt32, _ index: inout Int,
        to end: Int, reportAfter: Int, _ entries: UnsafeBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        let matchStart = stepper.matchStart
        var current = state
        var at = index
        while at < end {
            current = stepper.next(current, text[at])
            at &+= 1
            if current >= matchStart && at > reportAfter {
                let offset = stepper.matchOffset(current)
                if offset != noMatch { report(entries, from: offset, end: at, body) }
            }
        }
        state = current
        index = at
    }

    /// Holds a match of a later segment: its match-list offset and its end relative to `base`.
    @inlinable @inline(__always)
    static func hold(_ offset: UInt32, end: Int, base: Int) -> UInt64 {
        UInt64(offset) << 32 | UInt64(truncatingIfNeeded: end &- base)
    }

    /// Reports the held matches `pending[from..<to]`.
    @inlinable @inline(__always)
    static func release(
        _ pending: UnsafeMutableBufferPointer<UInt64>, _ from: Int, _ to: Int, base: Int,
        _ entries: UnsafeBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        for slot in from..<to {
            let held = pending[slot]
            report(entries, from: UInt32(truncatingIfNeeded: held >> 32),
                   end: base &+ Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: held)), body)
        }
    }

    /// Two segments, `[start, boundary)` and `[boundary, end)`, each walked `length` bytes in
    /// lock step (the second from `boundary - lookback`).
    @inlinable @inline(__always)
    static func scanTwo<Stepper: AutomatonStepper>(
        _ stepper: Stepper, _ text: UnsafePointer<UInt8>, from start: Int, to end: Int,
        _ state: inout UInt32, lookback: Int, _ entries: UnsafeBufferPointer<UInt64>,
        _ pending: UnsafeMutableBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        let matchStart = stepper.matchStart
        let boundary = start &+ (end &- start &+ lookback) / 2
        var held = 0
        var state0 = state, state1: UInt32 = 0
        var index0 = start, index1 = boundary &- lookback
        while index0 < boundary {
            state0 = stepper.next(state0, text[index0])
            state1 = stepper.next(state1, text[index1])
            index0 &+= 1
            index1 &+= 1
            if state0 >= matchStart {
                let offset = stepper.matchOffset(state0)
                if offset != noMatch { report(entries, from: offset, end: index0, body) }
            }
            if state1 >= matchStart && index1 > boundary {
                let offset = stepper.matchOffset(state1)
                if offset != noMatch {
                    pending[held] = hold(offset, end: index1, base: start)
                    held &+= 1
                    if held == pendingCapacity { break }
                }
            }
        }
        walk(stepper, text, &state0, &index0, to: boundary, reportAfter: 0, entries, body)
        release(pending, 0, held, base: start, entries, body)
        walk(stepper, text, &state1, &index1, to: end, reportAfter: boundary, entries, body)
        state = state1
    }

    /// Four segments split at `boundary1 < boundary2 < boundary3`; every walk is `length` bytes
    /// in lock step, the last one possibly longer by rounding.
    @inlinable @inline(__always)
    static func scanFour<Stepper: AutomatonStepper>(
        _ stepper: Stepper, _ text: UnsafePointer<UInt8>, from start: Int, to end: Int,
        _ state: inout UInt32, lookback: Int, _ entries: UnsafeBufferPointer<UInt64>,
        _ pending: UnsafeMutableBufferPointer<UInt64>, _ body: (Match) -> Void
    ) {
        let matchStart = stepper.matchStart
        let capacity = pendingCapacity
        let length = (end &- start &+ 3 &* lookback) / 4
        let boundary1 = start &+ length
        let boundary2 = boundary1 &+ length &- lookback
        let boundary3 = boundary2 &+ length &- lookback
        var held1 = 0, held2 = capacity, held3 = 2 &* capacity
        var state0 = state, state1: UInt32 = 0, state2: UInt32 = 0, state3: UInt32 = 0
        var index0 = start
        var index1 = boundary1 &- lookback
        var index2 = boundary2 &- lookback
        var index3 = boundary3 &- lookback
        // A walk holds at most one match per step, so the step that fills a buffer finishes
        // (later walks still hold theirs) and then the lock step ends.
        var full = false
        while index0 < boundary1 && !full {
            state0 = stepper.next(state0, text[index0])
            state1 = stepper.next(state1, text[index1])
            state2 = stepper.next(state2, text[index2])
            state3 = stepper.next(state3, text[index3])
            index0 &+= 1
            index1 &+= 1
            index2 &+= 1
            index3 &+= 1
            if state0 >= matchStart {
                let offset = stepper.matchOffset(state0)
                if offset != noMatch { report(entries, from: offset, end: index0, body) }
            }
            if state1 >= matchStart && index1 > boundary1 {
                let offset = stepper.matchOffset(state1)
                if offset != noMatch {
                    pending[held1] = hold(offset, end: index1, base: start)
                    held1 &+= 1
                    if held1 == capacity { full = true }
                }
            }
            if state2 >= matchStart && index2 > boundary2 {
                let offset = stepper.matchOffset(state2)
                if offset != noMatch {
                    pending[held2] = hold(offset, end: index2, base: start)
                    held2 &+= 1
                    if held2 == 2 &* capacity { full = true }
                }
            }
            if state3 >= matchStart && index3 > boundary3 {
                let offset = stepper.matchOffset(state3)
                if offset != noMatch {
                    pending[held3] = hold(offset, end: index3, base: start)
                    held3 &+= 1
                    if held3 == 3 &* capacity { full = true }
                }
            }
        }
        walk(stepper, text, &state0, &index0, to: boundary1, reportAfter: 0, entries, body)
        release(pending, 0, held1, base: start, entries, body)
        walk(stepper, text, &state1, &index1, to: boundary2, reportAfter: boundary1, entries, body)
        release(pending, capacity, held2, base: start, entries, body)
        walk(stepper, text, &state2, &index2, to: boundary3, reportAfter: boundary2, entries, body)
        release(pending, 2 &* capacity, held3, base: start, entries, body)
        walk(stepper, text, &state3, &index3, to: end, reportAfter: boundary3, entries, body)
        state = state3
    }

    /// Calls `body` for each literal of the match list at `offset`, for a match ending at `end`.
    @inlinable @inline(__always)
    static func report(
        _ entries: UnsafeBufferPointer<UInt64>, from offset: UInt32, end: Int, _ body: (Match) -> Void
    ) {
        var at = Int(offset)
        while true {
            let entry = entries[at]
            let length = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry))
            let pattern = Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry >> 32) & 0x7FFF_FFFF)
            body(Match(pattern: PatternID(pattern), span: Span(start: end &- length, end: end)))
            if entry >> 63 != 0 { return }
            at &+= 1
        }
    }
}

/// Room on the stack for the matches held back by 3 segments (`3 × pendingCapacity` entries).
/// (`withUnsafeTemporaryAllocation` would do, but it keeps the scan from being inlined into
/// the caller, and with it the caller's closure.)
@usableFromInline
struct PendingStorage {
    @usableFromInline var entries: (SIMD32<UInt64>, SIMD32<UInt64>, SIMD32<UInt64>) = (.zero, .zero, .zero)

    @inlinable init() {}
}
