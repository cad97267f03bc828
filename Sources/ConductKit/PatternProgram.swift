import ConductMatching
import ConductRules

/// One instruction of a compiled pattern: a Thompson-style automaton over *atoms* (a word
/// literal with its anchoring, or a detector), run on word positions rather than bytes.
///
/// Invariant: every `next`/branch target is an index into the same program; instruction 0 is
/// the entry; the program is acyclic (patterns have no repetition), so a run visits each
/// (instruction, word position) pair at most once and costs O(instructions × words in reach).
enum Instruction: Hashable, Sendable {
    /// Consume one occurrence of the atom that starts at the current word position.
    case atom(AtomID, next: Int32)
    /// Consume one occurrence of any atom of step set `set` (``PatternProgram/atomSets``) that
    /// starts at the current word position, and continue at that step's `next`: the
    /// alternatives of a group that begin with an atom ("(is|was|has been) a"), dispatched on
    /// the atom the post has instead of tried one by one through a chain of splits.
    case atomSet(Int32)
    /// Continue at both targets.
    case split(Int32, Int32)
    /// Skip 0…max whole words, then continue.
    case gap(max: Int32, next: Int32)
    /// The pattern matched.
    case accept
}

/// Identifies an atom: a distinct (normalized word, anchoring) or detector kind of a rule set.
typealias AtomID = Int32

/// One entry of an ``Instruction/atomSet(_:)``: consuming `atom` continues at `next`.
struct AtomStep: Hashable, Sendable, Comparable {
    var atom: AtomID
    var next: Int32

    static func < (a: Self, b: Self) -> Bool { (a.atom, a.next) < (b.atom, b.next) }
}

/// A pattern compiled for matching.
struct PatternProgram: Sendable {
    var instructions: [Instruction]
    /// Atoms that can be consumed first: a run only starts at word positions where one of them
    /// occurs.
    var firstAtoms: [AtomID]
    /// Necessary conditions, as alternatives: every match satisfies some branch, that is,
    /// consumes at least one atom of each clause of the branch (each clause sorted). A post
    /// where no branch holds cannot match. "(apt|suite) {number}|<street> {number}" has two
    /// branches, so a post with a number but neither an apartment word nor a street word is
    /// passed over, where one clause per element ("(apt|suite|<street>)", "{number}") would
    /// let every post with a number through. A branch's clauses are rarest first (by
    /// ``AtomFrequency``), as those fail fastest, and none holds another; the first atoms are a
    /// clause of every branch unless a smaller one implies them. Branches are ordered by their
    /// rarest clause. At most ``maximumBranches``: beyond, alternatives are weakened into one
    /// clause of their rarest clauses.
    var branches: [[[AtomID]]] = []
    /// The union of every branch's rarest clause: the program need only be considered for a
    /// post where one of these occurs.
    var triggerAtoms: [AtomID] = []

    /// Cap on ``branches``, so that checking them stays cheap and compiling stays linear.
    static let maximumBranches = 16
    /// The step sets of `atomSet` instructions, each sorted (by atom, then next) and without
    /// duplicates; an atom may lead to several continuations.
    var atomSets: [[AtomStep]] = []
    var source: String
    var location: SourceLocation
}

/// The estimated frequency of each atom (``AtomFrequency``), by ID: filled by the compiler
/// as atoms appear, read by every ``PatternProgramBuilder`` (an array read where a
/// dictionary per pattern was hashing).
final class AtomEstimates {
    var values: [Double] = []
}

/// The atoms of groups' one-atom alternatives, by the storage of the group's alternatives: a
/// list's items are one array that every pattern naming the list shares, so a list named by
/// many patterns has its items resolved once (the bundled rules' patterns ask for 200,000
/// items of lists, of 7,400 distinct words).
///
/// Each entry keeps its array alive, so no other array can take its address while the cache
/// lives. Entries of a pattern are kept only when the pattern compiled without problems
/// (``commit()``): a word with a problem is reported in every pattern that has it.
final class GroupAtomCache {
    struct Entry {
        let alternatives: [[PatternElement]]
        /// The atom of each one-atom alternative; -1 for the others.
        let atoms: [AtomID]
        /// When every alternative is one atom: those atoms sorted, each once (what the group's
        /// atom set, clause and branch are made of), so that a list named by many patterns is
        /// sorted once.
        let sortedAtoms: [AtomID]?
    }

    private var entries: [UnsafeRawPointer: Entry] = [:]
    private var pending: [(UnsafeRawPointer, Entry)] = []

    private static func key(_ alternatives: [[PatternElement]]) -> UnsafeRawPointer? {
        alternatives.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }

    /// What was recorded for this very array (not merely an equal one), if anything.
    func entry(of alternatives: [[PatternElement]]) -> Entry? {
        guard let key = Self.key(alternatives) else { return nil }
        return entries[key]
    }

    /// Records the atoms of a group of the pattern being compiled, until ``commit()`` or
    /// ``discard()``.
    func offer(_ alternatives: [[PatternElement]], atoms: [AtomID]) {
        guard let key = Self.key(alternatives) else { return }
        let sorted = atoms.contains { $0 < 0 } ? nil : PatternProgramBuilder.sortedUnique(atoms)
        pending.append((key, Entry(alternatives: alternatives, atoms: atoms, sortedAtoms: sorted)))
    }

    func commit() {
        for (key, entry) in pending { entries[key] = entry }
        pending.removeAll(keepingCapacity: true)
    }

    func discard() { pending.removeAll(keepingCapacity: true) }
}

/// Compiles parsed pattern elements into a ``PatternProgram``.
struct PatternProgramBuilder {
    private(set) var instructions: [Instruction] = []
    private(set) var atomSets: [[AtomStep]] = []

    /// The estimated frequency of every atom (``AtomFrequency``), by ID.
    private let frequency: AtomEstimates
    private let groups: GroupAtomCache?

    private init(estimates: AtomEstimates, groups: GroupAtomCache?) {
        frequency = estimates
        self.groups = groups
    }

    /// `atom` turns a pattern word or detector into its atom, whose estimated frequency it
    /// has put in `estimates`. With `groups`, the atoms of groups' one-atom alternatives come
    /// from there when that group was compiled before, and are offered to it otherwise.
    static func compile(_ pattern: Pattern, estimates: AtomEstimates, groups: GroupAtomCache? = nil,
                        atom: (PatternElement) -> AtomID) -> PatternProgram {
        var builder = PatternProgramBuilder(estimates: estimates, groups: groups)
        // Instruction 0 is a placeholder for the entry, patched below.
        builder.instructions.append(.accept)
        let accept = builder.emit(.accept)
        let (entry, branches, _) = builder.sequence(pattern.elements[...], next: accept, atom: atom)
        builder.instructions[0] = .split(entry, entry)
        var program = PatternProgram(instructions: builder.instructions, firstAtoms: [], atomSets: builder.atomSets,
                                     source: pattern.source, location: pattern.location)
        program.firstAtoms = program.reachableAtoms(from: 0)
        let frequency = builder.frequency
        let ranked = branches.map { branch in
            Self.rank(program.firstAtoms.isEmpty ? branch : branch + [program.firstAtoms], frequency)
        }
        var unique: [[[AtomID]]] = []
        for branch in ranked where !unique.contains(branch) { unique.append(branch) }
        program.branches = unique.map { (branch: $0, cost: Self.cost($0.first ?? [], frequency)) }.sorted {
            $0.cost != $1.cost ? $0.cost < $1.cost
                : $0.branch.lexicographicallyPrecedes($1.branch) { $0.lexicographicallyPrecedes($1) }
        }.map { $0.branch }
        if program.branches.contains(where: { $0.isEmpty }) {
            program.triggerAtoms = program.firstAtoms
        } else {
            program.triggerAtoms = sortedUnique(program.branches.flatMap { $0[0] })
        }
        return program
    }

    /// `clauses` without duplicates or clauses that hold whenever a smaller one does (a
    /// superset), rarest first.
    private static func rank(_ clauses: [[AtomID]], _ frequency: AtomEstimates) -> [[AtomID]] {
        let bySize = clauses.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var kept: [[AtomID]] = []
        // A duplicate is a subset of its twin, so it goes too.
        for clause in bySize where !kept.contains(where: { Self.isSubset($0, of: clause) }) { kept.append(clause) }
        return kept.map { (clause: $0, cost: cost($0, frequency)) }.sorted {
            $0.cost != $1.cost ? $0.cost < $1.cost : $0.clause.lexicographicallyPrecedes($1.clause)
        }.map { $0.clause }
    }

    /// Whether sorted `a` is a subset of sorted `b`.
    private static func isSubset(_ a: [AtomID], of b: [AtomID]) -> Bool {
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            guard j < b.count && b[j] == x else { return false }
            j += 1
        }
        return true
    }

    /// The branches of `a` followed by `b`: every branch of one with every branch of the
    /// other. Beyond ``PatternProgram/maximumBranches``, `b` is replaced by its one-branch
    /// weakening `clauses`.
    private static func conjoin(_ a: [[[AtomID]]], _ b: [[[AtomID]]], or clauses: [[AtomID]]) -> [[[AtomID]]] {
        let b = a.count * b.count <= PatternProgram.maximumBranches ? b : [clauses]
        return a.flatMap { x in b.map { x + $0 } }
    }

    /// `items` sorted, each once: `Array(Set(items)).sorted()` without hashing.
    static func sortedUnique<T: Comparable>(_ items: [T]) -> [T] {
        var sorted = items.sorted()
        var kept = 0
        for i in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[i] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The estimated chance that a post holds some atom of `clause` (a union bound).
    private static func cost(_ clause: [AtomID], _ frequency: AtomEstimates) -> Double {
        frequency.values.withUnsafeBufferPointer { estimates in clause.reduce(0) { $0 + estimates[Int($1)] } }
    }

    private static func isAtom(_ element: PatternElement) -> Bool {
        switch element {
        case .word, .detector: true
        case .gap, .group: false
        }
    }

    private mutating func emit(_ instruction: Instruction) -> Int32 {
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    /// Emits `elements` so that they continue at `next`; returns the entry instruction, the
    /// branches of the sequence (see ``PatternProgram/branches``; one branch with no clause
    /// when nothing is necessary) and their weakening to one branch: a clause per atom, and per
    /// group of several alternatives one clause of each alternative's rarest clause.
    private mutating func sequence(_ elements: ArraySlice<PatternElement>, next: Int32,
                                   atom: (PatternElement) -> AtomID)
        -> (entry: Int32, branches: [[[AtomID]]], clauses: [[AtomID]]) {
        var target = next
        var branches: [[[AtomID]]] = [[]]
        var clauses: [[AtomID]] = []
        for element in elements.reversed() {
            switch element {
            case .word, .detector:
                let id = atom(element)
                target = emit(.atom(id, next: target))
                branches = branches.map { $0 + [[id]] }
                clauses.append([id])
            case .gap(let max):
                target = emit(.gap(max: Int32(max), next: target))
            case .group(let alternatives, let optional):
                // Alternatives that begin with an atom (a word, a detector, or a group of such
                // alternatives) share one atomSet instruction that continues each where its
                // first atom leads; the others (a leading optional group or gap) are tried
                // through splits. Atoms are resolved in the order written, so diagnostics keep
                // that order.
                let cached = groups?.entry(of: alternatives)
                if let atoms = cached?.sortedAtoms {
                    // A list of words seen before: its atoms are known, sorted and unique.
                    target = emitAtoms(atoms, next: target, optional: optional)
                    if !optional {
                        clauses.append(atoms)
                        branches = branches.map { $0 + [atoms] }
                    }
                    continue
                }
                var steps: [AtomStep] = []
                var others: [Int32] = []
                // Alternatives of one atom, and the others compiled.
                var singles: [AtomID] = []
                var compiled: [(entry: Int32, branches: [[[AtomID]]], clauses: [[AtomID]])] = []
                let known = cached?.atoms
                // Resolved here and not known yet: record them for the cache.
                let recording = known == nil && groups != nil
                var resolved: [AtomID] = []
                if recording { resolved.reserveCapacity(alternatives.count) }
                for (k, alternative) in alternatives.enumerated() {
                    if alternative.count == 1, Self.isAtom(alternative[0]) {
                        let id = known?[k] ?? atom(alternative[0])
                        if recording { resolved.append(id) }
                        steps.append(AtomStep(atom: id, next: target))
                        singles.append(id)
                        continue
                    }
                    if recording { resolved.append(-1) }
                    let sub = sequence(alternative[...], next: target, atom: atom)
                    compiled.append(sub)
                    switch instructions[Int(sub.entry)] {
                    case .atom(let id, let next): steps.append(AtomStep(atom: id, next: next))
                    case .atomSet(let set): steps.append(contentsOf: atomSets[Int(set)])
                    default: others.append(sub.entry)
                    }
                }
                if recording && !singles.isEmpty { groups?.offer(alternatives, atoms: resolved) }
                var entries = others
                if steps.count == 1 {
                    entries.insert(emit(.atom(steps[0].atom, next: steps[0].next)), at: 0)
                } else if steps.count > 1 {
                    atomSets.append(Self.sortedUnique(steps))
                    entries.insert(emit(.atomSet(Int32(atomSets.count - 1))), at: 0)
                }
                if optional { entries.append(target) }
                var entry = entries.removeLast()
                for other in entries.reversed() {
                    entry = emit(.split(other, entry))
                }
                target = entry
                if !optional {
                    var weakened: [[AtomID]] = []
                    if singles.isEmpty && compiled.count == 1 {
                        weakened = compiled[0].clauses
                    } else if compiled.allSatisfy({ !$0.clauses.isEmpty }) {
                        // Each alternative consumes an atom of each of its clauses: of its rarest.
                        let union = singles + compiled.flatMap { alternative in
                            alternative.clauses.map { (clause: $0, cost: Self.cost($0, frequency)) }
                                .min { $0.cost < $1.cost }!.clause
                        }
                        weakened = [Self.sortedUnique(union)]
                    }
                    clauses.append(contentsOf: weakened)
                    // The group's branch count (the atoms and the branches of one clause
                    // merge), so a group that would pass the cap is weakened without building.
                    var merged = !singles.isEmpty, multiple = 0
                    for sub in compiled {
                        for branch in sub.branches { if branch.count == 1 { merged = true } else { multiple += 1 } }
                    }
                    if branches.count * (multiple + (merged ? 1 : 0)) > PatternProgram.maximumBranches {
                        branches = branches.map { $0 + weakened }
                    } else {
                        branches = Self.conjoin(branches, Self.alternatives(singles, compiled.flatMap { $0.branches }),
                                                or: weakened)
                    }
                }
            }
        }
        return (target, branches, clauses)
    }

    /// Emits a group whose alternatives are the atoms `atoms` (sorted, each once): what
    /// ``sequence(_:next:atom:)`` emits for such a group, without sorting them again.
    private mutating func emitAtoms(_ atoms: [AtomID], next target: Int32, optional: Bool) -> Int32 {
        let first: Int32
        if atoms.count == 1 {
            first = emit(.atom(atoms[0], next: target))
        } else {
            atomSets.append(atoms.map { AtomStep(atom: $0, next: target) })
            first = emit(.atomSet(Int32(atomSets.count - 1)))
        }
        return optional ? emit(.split(first, target)) : first
    }

    /// The branches of a group whose alternatives are the atoms `singles` and others with
    /// `branches` between them: the atoms and the branches of one clause merged into one
    /// clause (any of their atoms will do), or one empty branch when some alternative needs
    /// nothing.
    private static func alternatives(_ singles: [AtomID], _ branches: [[[AtomID]]]) -> [[[AtomID]]] {
        guard !branches.contains(where: { $0.isEmpty }), !(singles.isEmpty && branches.isEmpty) else { return [[]] }
        var merged = singles
        var kept: [[[AtomID]]] = []
        for branch in branches {
            if branch.count == 1 { merged += branch[0] } else { kept.append(branch) }
        }
        return merged.isEmpty ? kept : [[sortedUnique(merged)]] + kept
    }
}

extension PatternProgram {
    /// Atoms consumable before any other atom, following splits (gaps never lead a pattern).
    func reachableAtoms(from start: Int32) -> [AtomID] {
        PatternProgramBuilder.sortedUnique(firstSteps(from: start).map { $0.atom })
    }

    /// Each way a run from `start` can consume its first atom: the atom and where the run
    /// continues, following splits and gaps, in no particular order.
    func firstSteps(from start: Int32) -> [AtomStep] {
        var seen = Array(repeating: false, count: instructions.count)
        var stack = [start]
        var steps: [AtomStep] = []
        while let pc = stack.popLast() {
            guard !seen[Int(pc)] else { continue }
            seen[Int(pc)] = true
            switch instructions[Int(pc)] {
            case .atom(let atom, let next): steps.append(AtomStep(atom: atom, next: next))
            case .atomSet(let set): steps.append(contentsOf: atomSets[Int(set)])
            case .split(let a, let b): stack.append(a); stack.append(b)
            case .gap(_, let next): stack.append(next)
            case .accept: break
            }
        }
        return steps
    }

    /// Every atom the program uses.
    var allAtoms: [AtomID] {
        var atoms = Set<AtomID>()
        for case .atom(let atom, _) in instructions { atoms.insert(atom) }
        for set in atomSets { atoms.formUnion(set.map { $0.atom }) }
        return atoms.sorted()
    }
}

/// What must follow a program's first atom: a necessary condition on word adjacency that
/// clauses (``PatternProgram/branches``) cannot state. "{number} *2 <street_suffix_en>" needs
/// a street word within two words after the number, not just both somewhere in the post.
struct FollowerCondition: Equatable, Sendable {
    /// A first atom of the program, and what a match that begins with it consumes next.
    struct First: Equatable, Sendable {
        var atom: AtomID
        /// A match can consume this atom alone (the program accepts right after it).
        var alone: Bool
        /// The atoms a match can consume second, sorted, each with the most words that can lie
        /// between the first atom's last word and its first word (the gaps on the way).
        var followers: [(atom: AtomID, maximumGap: Int32)]

        static func == (a: Self, b: Self) -> Bool {
            a.atom == b.atom && a.alone == b.alone && a.followers.map { $0.atom } == b.followers.map { $0.atom }
                && a.followers.map { $0.maximumGap } == b.followers.map { $0.maximumGap }
        }
    }

    /// Sorted by atom.
    var firsts: [First]
}

extension PatternProgram {
    /// Cap on the follower pairs of one program (``followerCondition(limit:)``): beyond it the
    /// condition is not worth its memory and time.
    static let maximumFollowerPairs = 4_096

    /// For each atom a match can begin with, what it consumes next and how far away; nil when
    /// every first atom can match alone (the condition says nothing) or when there are more
    /// than `limit` pairs of a first atom and a follower (counted before duplicates merge, so
    /// that a long word list gives up before building its product).
    func followerCondition(limit: Int = PatternProgram.maximumFollowerPairs) -> FollowerCondition? {
        // Per instruction: the atoms consumable first from it, with the most words its gaps
        // skip before them, and whether it can accept before consuming anything (a DAG, so
        // memoized); nil atoms once there are more than `limit`.
        typealias Followers = [(atom: AtomID, maximumGap: Int32)]
        var memo = [(atoms: Followers?, accepts: Bool)?](repeating: nil, count: instructions.count)
        func next(_ pc: Int32) -> (atoms: Followers?, accepts: Bool) {
            if let known = memo[Int(pc)] { return known }
            var result: (atoms: Followers?, accepts: Bool)
            switch instructions[Int(pc)] {
            case .atom(let atom, _): result = ([(atom, 0)], false)
            case .atomSet(let set):
                // Sorted by atom already; an atom may lead to several continuations.
                var atoms: Followers? = []
                for step in atomSets[Int(set)] where atoms?.last?.atom != step.atom {
                    guard atoms!.count < limit else { atoms = nil; break }
                    atoms!.append((step.atom, 0))
                }
                result = (atoms, false)
            case .split(let a, let b):
                let x = next(a), y = next(b)
                var atoms: Followers?
                if let xAtoms = x.atoms, let yAtoms = y.atoms, xAtoms.count + yAtoms.count <= limit {
                    atoms = Self.merge(xAtoms, yAtoms)
                }
                result = (atoms, x.accepts || y.accepts)
            case .gap(let maximum, let target):
                let x = next(target)
                result = (x.atoms?.map { ($0.atom, $0.maximumGap + maximum) }, x.accepts)
            case .accept: result = ([], true)
            }
            memo[Int(pc)] = result
            return result
        }
        // Each way a match can begin: the first atom consumed and where it continues.
        var starts = firstSteps(from: 0)
        // Give up before building anything when no start needs a follower or there are too
        // many pairs (long word lists, where most programs' first atoms are).
        var pairs = 0, needed = false
        for start in starts {
            let after = next(start.next)
            guard !after.accepts else { continue }
            guard let atoms = after.atoms else { return nil }
            needed = true
            pairs += atoms.count
            guard pairs <= limit else { return nil }
        }
        guard needed else { return nil }
        // Per first atom (starts sorted by atom, then continuation): alone when some
        // continuation can accept, else the followers of its continuations, merged.
        starts.sort()
        func followers(of target: Int32) -> Followers { next(target).atoms ?? [] }
        var firsts: [FollowerCondition.First] = []
        var i = 0
        while i < starts.count {
            let atom = starts[i].atom
            var alone = false
            var list: Followers = []
            var j = i
            while j < starts.count && starts[j].atom == atom {
                let target = starts[j].next
                if j == i || target != starts[j - 1].next {
                    if next(target).accepts {
                        alone = true
                    } else if !alone {
                        list = list.isEmpty ? followers(of: target) : Self.merge(list, followers(of: target))
                    }
                }
                j += 1
            }
            firsts.append(FollowerCondition.First(atom: atom, alone: alone, followers: alone ? [] : list))
            i = j
        }
        guard firsts.contains(where: { !$0.alone }) else { return nil }
        return FollowerCondition(firsts: firsts)
    }

    /// Two follower lists sorted by atom, as one: each atom once, with the larger gap.
    private static func merge(_ a: [(atom: AtomID, maximumGap: Int32)],
                              _ b: [(atom: AtomID, maximumGap: Int32)]) -> [(atom: AtomID, maximumGap: Int32)] {
        var merged: [(atom: AtomID, maximumGap: Int32)] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].atom < b[j].atom) {
                merged.append(a[i])
                i += 1
            } else if i == a.count || b[j].atom < a[i].atom {
                merged.append(b[j])
                j += 1
            } else {
                merged.append((a[i].atom, max(a[i].maximumGap, b[j].maximumGap)))
                i += 1
                j += 1
            }
        }
        return merged
    }
}
