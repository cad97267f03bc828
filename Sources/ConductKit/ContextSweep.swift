import ConductRules

/// For every candidate match of one rule, the first context match related to it: the first
/// `unless` match that overlaps it, or the first `near` / `unless_near` match within reach
/// (``CompiledRules/isNear(_:_:within:side:)``). "First" is the order of the `contexts` list,
/// which ``CompiledRules/filter(_:_:original:language:)`` builds program by program, each
/// program's matches in their order: exactly the match a scan of every program and every
/// match finds, so explanations name the same exception.
///
///     var sweep = ContextSweep()
///     var first: [Int32] = []
///     sweep.first(.overlap, candidates: hits, contexts: exceptions, into: &first)
///     first[2]   // index into `exceptions` of the first one overlapping hits[2], or -1
///
/// Cost: O((candidates + contexts) × log(candidates + contexts)) instead of the scan's
/// O(candidates × contexts), which a post of thousands of hits and thousands of exception or
/// context matches turned quadratic. Allocates nothing once its buffers have grown.
///
/// How: the candidates come sorted and never overlapping, so their first words, last words,
/// starts and ends never decrease. Every condition of the relation is then a threshold on one
/// of those four sequences, which a context match passes from some candidate on or until some
/// candidate: each context match relates to a contiguous run of candidates (at most three
/// runs for `near`: before, after, overlapping), found by binary search. A sweep over the
/// candidates adds each run's context match to a min-heap of indices where the run begins and
/// drops it, lazily, once the run has ended; the top of the heap is the answer.
struct ContextSweep {
    /// How a context match must relate to a candidate.
    enum Relation: Equatable {
        /// The spans overlap (`unless`).
        case overlap
        /// ``CompiledRules/isNear(_:_:within:side:)`` (`near`, `unless_near`).
        case near(within: Int, side: Context.Side)
    }

    /// A context match (`key`: its index in `contexts`) related to candidates `from ..< until`.
    private struct Run {
        var from: Int32
        var until: Int32
        var key: Int32
    }

    private var runs: [Run] = []
    private var sorted: [Run] = []
    private var bucketStarts: [Int32] = []
    private var heap: [Run] = []

    /// The candidate count up to which, times the number of context matches, a plain scan is
    /// cheaper than a sweep.
    static let scanPairs = 64

    /// Whether `candidates` are in the order the sweep needs: first word, last word, start and
    /// end never decrease, and no span ends before it starts. True of a rule's candidates
    /// (leftmost-longest, non-overlapping, or a composite's single match).
    static func applies(to candidates: [ProgramMatch]) -> Bool {
        guard var previous = candidates.first, previous.start <= previous.end else { return candidates.isEmpty }
        for match in candidates.dropFirst() {
            guard match.start <= match.end, match.firstWord >= previous.firstWord, match.lastWord >= previous.lastWord,
                  match.start >= previous.start, match.end >= previous.end else { return false }
            previous = match
        }
        return true
    }

    /// Sets `first[i]` to the index in `contexts` of the first context match related to
    /// `candidates[i]` by `relation`, or -1. Returns false, leaving `first` alone, when the
    /// sweep does not apply: `candidates` fail ``applies(to:)``, or for `.near` a context
    /// match is empty (the derivation below needs `start < end`).
    mutating func first(_ relation: Relation, candidates: [ProgramMatch], contexts: [ProgramMatch],
                        into first: inout [Int32]) -> Bool {
        guard Self.applies(to: candidates) else { return false }
        if case .near = relation, contexts.contains(where: { $0.start >= $0.end }) { return false }
        runs.removeAll(keepingCapacity: true)
        candidates.withUnsafeBufferPointer { candidates in
            // The first candidate whose field is at least `value` (the fields never decrease).
            @inline(__always) func from(_ value: Int, _ field: (ProgramMatch) -> Int32) -> Int {
                var lo = 0, hi = candidates.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if Int(field(candidates[mid])) < value { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
            @inline(__always) func add(_ lo: Int, _ hi: Int, _ key: Int) {
                if lo < hi { runs.append(Run(from: Int32(lo), until: Int32(hi), key: Int32(key))) }
            }
            for (key, context) in contexts.enumerated() {
                let start = Int(context.start), end = Int(context.end)
                // Overlap: context.start < candidate.end and candidate.start < context.end.
                let overlap = (from(start + 1, \.end), from(end, \.start))
                switch relation {
                case .overlap:
                    add(overlap.0, overlap.1, key)
                case .near(let within, let side):
                    let firstWord = Int(context.firstWord), lastWord = Int(context.lastWord)
                    if side != .after {
                        // Before: context.lastWord < firstWord, context.end <= start, and
                        // firstWord - context.lastWord - 1 <= within.
                        add(max(from(lastWord + 1, \.firstWord), from(end, \.start)), from(lastWord + within + 2, \.firstWord), key)
                    }
                    if side != .before {
                        // After: context.firstWord > lastWord, context.start >= end, and
                        // context.firstWord - lastWord - 1 <= within. Never also "before": that
                        // would need context.start >= end >= start >= context.end.
                        add(from(firstWord - 1 - within, \.lastWord), min(from(firstWord, \.lastWord), from(start + 1, \.end)), key)
                    }
                    if side == .either {
                        // Overlapping spans are neither before nor after.
                        add(overlap.0, overlap.1, key)
                    }
                }
            }
        }
        sweep(count: candidates.count, into: &first)
        return true
    }

    /// Visits the candidates in order with the runs that have begun in a min-heap by key.
    private mutating func sweep(count: Int, into first: inout [Int32]) {
        // Counting sort of the runs by where they begin.
        bucketStarts.removeAll(keepingCapacity: true)
        bucketStarts.append(contentsOf: repeatElement(0, count: count + 1))
        for run in runs { bucketStarts[Int(run.from) + 1] += 1 }
        for i in 0..<count { bucketStarts[i + 1] += bucketStarts[i] }
        sorted.removeAll(keepingCapacity: true)
        sorted.append(contentsOf: runs)
        for run in runs {
            sorted[Int(bucketStarts[Int(run.from)])] = run
            bucketStarts[Int(run.from)] += 1
        }
        // bucketStarts[i] is now where the runs beginning at i + 1 begin.
        first.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        var next = 0
        for i in 0..<count {
            while next < sorted.count && Int(sorted[next].from) == i {
                push(sorted[next])
                next += 1
            }
            while let top = heap.first, Int(top.until) <= i { pop() }
            first.append(heap.first?.key ?? -1)
        }
    }

    private mutating func push(_ run: Run) {
        heap.append(run)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            guard heap[child].key < heap[parent].key else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].key < heap[smallest].key { smallest = left }
            if right < heap.count && heap[right].key < heap[smallest].key { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// One rule's `unless`, `unless_near` or `near` matches on one post, program by program, and
/// when swept, per candidate the index of the first related one (-1 for none).
struct ContextMatches {
    static let unless = 0, unlessNear = 1, near = 2

    /// False until the rule being filtered asks for these matches.
    var ready = false
    var programs: [Int32] = []
    var matches: [ProgramMatch] = []
    /// Whether `first` holds the answers; else each candidate scans `matches`.
    var swept = false
    var first: [Int32] = []
}
