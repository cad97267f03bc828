/// Runs pattern programs over the words of a scanned post: a depth-first walk of (instruction,
/// word position) pairs, each visited at most once per run, keeping the longest match.
///
/// Owns its stack and visited set, reused from run to run, so a run allocates nothing once
/// they have grown to the largest run seen.
///
/// Cost per run: O(instructions × word positions in reach), as the program is acyclic.
struct ProgramRunner {
    struct Thread: BitwiseCopyable {
        var pc: Int32
        var pos: Int32
        var start: Int32
        var end: Int32
        var first: Int32
        var last: Int32
    }

    private let stack = GrowableList<Thread>()
    private let visited = VisitedSet()

    /// The longest match of the program whose entry is `entry` (an absolute index into
    /// `instructions`) starting at word `word`: the one ending last, and of those the one
    /// starting first.
    func run(entry: Int32, from word: Int32, _ tables: EvaluationTables, _ scan: PostScan) -> ProgramMatch? {
        let instructions = tables.instructions
        let stack = self.stack
        stack.count = 0
        visited.removeAll()
        stack.append(Thread(pc: entry, pos: word, start: -1, end: -1, first: -1, last: -1))
        var best: ProgramMatch?
        let wordCount = Int32(scan.wordCount)
        while stack.count > 0 {
            stack.count &-= 1
            let thread = stack.base[stack.count]
            guard visited.insert(UInt64(UInt32(bitPattern: thread.pc)) << 32 | UInt64(UInt32(bitPattern: thread.pos)))
            else { continue }
            switch instructions[Int(thread.pc)] {
            case .atom(let atom, let next):
                let range = scan.occurrenceRange(at: Int(thread.pos))
                if range.isEmpty { continue }
                scan.occurrences.withUnsafeBufferPointer { occurrences in
                    for i in range where occurrences[i].atom == atom {
                        let occurrence = occurrences[i]
                        let first = thread.start < 0 ? occurrence.firstWord : thread.first
                        stack.append(Thread(pc: next, pos: max(occurrence.lastWord + 1, thread.pos),
                                            start: thread.start < 0 ? occurrence.start : thread.start,
                                            end: occurrence.end, first: first,
                                            last: max(occurrence.lastWord, first)))
                    }
                }
            case .atomSet(let set):
                let range = scan.occurrenceRange(at: Int(thread.pos))
                if range.isEmpty { continue }
                let lo = Int(tables.atomSetStarts[Int(set)]), hi = Int(tables.atomSetStarts[Int(set) + 1])
                let atoms = tables.atomSetAtoms, nexts = tables.atomSetNext
                scan.occurrences.withUnsafeBufferPointer { occurrences in
                    for i in range {
                        let occurrence = occurrences[i]
                        var k = CompiledRules.lowerBound(atoms, lo, hi, occurrence.atom)
                        guard k < hi && atoms[k] == occurrence.atom else { continue }
                        let first = thread.start < 0 ? occurrence.firstWord : thread.first
                        let advanced = Thread(pc: 0, pos: max(occurrence.lastWord + 1, thread.pos),
                                              start: thread.start < 0 ? occurrence.start : thread.start,
                                              end: occurrence.end, first: first,
                                              last: max(occurrence.lastWord, first))
                        while k < hi && atoms[k] == occurrence.atom {
                            var step = advanced
                            step.pc = nexts[k]
                            stack.append(step)
                            k += 1
                        }
                    }
                }
            case .split(let a, let b):
                stack.append(Thread(pc: b, pos: thread.pos, start: thread.start, end: thread.end,
                                    first: thread.first, last: thread.last))
                stack.append(Thread(pc: a, pos: thread.pos, start: thread.start, end: thread.end,
                                    first: thread.first, last: thread.last))
            case .gap(let max, let next):
                var k: Int32 = 0
                while k <= max && thread.pos + k <= wordCount {
                    stack.append(Thread(pc: next, pos: thread.pos + k, start: thread.start, end: thread.end,
                                        first: thread.first, last: thread.last))
                    k += 1
                }
            case .accept:
                guard thread.start >= 0 else { continue }
                let match = ProgramMatch(start: thread.start, end: thread.end, firstWord: thread.first,
                                         lastWord: thread.last)
                if let current = best {
                    if match.end > current.end || (match.end == current.end && match.start < current.start) {
                        best = match
                    }
                } else {
                    best = match
                }
            }
        }
        return best
    }
}
