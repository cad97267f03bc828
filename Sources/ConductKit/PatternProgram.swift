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
    /// Consume one occurrence of any atom of set `set` (``PatternProgram/atomSets``, each
    /// sorted) that starts at the current word position: a group of single-atom alternatives,
    /// which would otherwise be a chain of splits, one per alternative.
    case atomSet(Int32, next: Int32)
    /// Continue at both targets.
    case split(Int32, Int32)
    /// Skip 0…max whole words, then continue.
    case gap(max: Int32, next: Int32)
    /// The pattern matched.
    case accept
}

/// Identifies an atom: a distinct (normalized word, anchoring) or detector kind of a rule set.
typealias AtomID = Int32

/// A pattern compiled for matching.
struct PatternProgram: Sendable {
    var instructions: [Instruction]
    /// Atoms that can be consumed first: a run only starts at word positions where one of them
    /// occurs.
    var firstAtoms: [AtomID]
    /// Every match consumes at least one atom of each clause (each sorted): a post that lacks
    /// every atom of some clause cannot match.
    var clauses: [[AtomID]] = []
    /// The sets of `atomSet` instructions, each sorted and without duplicates.
    var atomSets: [[AtomID]] = []
    var source: String
    var location: SourceLocation
}

/// Compiles parsed pattern elements into a ``PatternProgram``.
struct PatternProgramBuilder {
    private(set) var instructions: [Instruction] = []
    private(set) var atomSets: [[AtomID]] = []

    /// `resolveWord` turns a pattern word into its atom.
    static func compile(_ pattern: Pattern, atom: (PatternElement) -> AtomID) -> PatternProgram {
        var builder = PatternProgramBuilder()
        // Instruction 0 is a placeholder for the entry, patched below.
        builder.instructions.append(.accept)
        let accept = builder.emit(.accept)
        let (entry, clauses) = builder.sequence(pattern.elements[...], next: accept, atom: atom)
        builder.instructions[0] = .split(entry, entry)
        var program = PatternProgram(instructions: builder.instructions, firstAtoms: [], atomSets: builder.atomSets,
                                     source: pattern.source, location: pattern.location)
        program.firstAtoms = program.reachableAtoms(from: 0)
        // Smallest clauses first: they fail fastest.
        program.clauses = Array(Set(clauses)).sorted {
            $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
        }
        return program
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

    /// Emits `elements` so that they continue at `next`; returns the entry instruction and the
    /// clauses of the sequence (see ``PatternProgram/clauses``).
    private mutating func sequence(_ elements: ArraySlice<PatternElement>, next: Int32,
                                   atom: (PatternElement) -> AtomID) -> (entry: Int32, clauses: [[AtomID]]) {
        var target = next
        var clauses: [[AtomID]] = []
        for element in elements.reversed() {
            switch element {
            case .word, .detector:
                let id = atom(element)
                target = emit(.atom(id, next: target))
                clauses.append([id])
            case .gap(let max):
                target = emit(.gap(max: Int32(max), next: target))
            case .group(let alternatives, let optional):
                // Alternatives that are one word or detector each share one atomSet instruction.
                // Atoms are resolved in the order written, so diagnostics keep that order.
                var single: [AtomID] = []
                var compiled: [(entry: Int32, clauses: [[AtomID]])] = []
                for alternative in alternatives {
                    if alternative.count == 1, Self.isAtom(alternative[0]) {
                        single.append(atom(alternative[0]))
                    } else {
                        compiled.append(sequence(alternative[...], next: target, atom: atom))
                    }
                }
                var entries = compiled.map(\.entry)
                if single.count == 1 {
                    entries.insert(emit(.atom(single[0], next: target)), at: 0)
                    compiled.insert((entries[0], [single]), at: 0)
                } else if single.count > 1 {
                    let set = Array(Set(single)).sorted()
                    atomSets.append(set)
                    entries.insert(emit(.atomSet(Int32(atomSets.count - 1), next: target)), at: 0)
                    compiled.insert((entries[0], [set]), at: 0)
                }
                if optional { entries.append(target) }
                var entry = entries.removeLast()
                for other in entries.reversed() {
                    entry = emit(.split(other, entry))
                }
                target = entry
                if !optional {
                    if compiled.count == 1 {
                        clauses.append(contentsOf: compiled[0].clauses)
                    } else if compiled.allSatisfy({ !$0.clauses.isEmpty }) {
                        // Each alternative consumes an atom of its smallest clause.
                        let union = compiled.flatMap { alternative in alternative.clauses.min { $0.count < $1.count }! }
                        clauses.append(Array(Set(union)).sorted())
                    }
                }
            }
        }
        return (target, clauses)
    }
}

extension PatternProgram {
    /// Atoms consumable before any other atom, following splits (gaps never lead a pattern).
    func reachableAtoms(from start: Int32) -> [AtomID] {
        var seen = Set<Int32>()
        var stack = [start]
        var atoms = Set<AtomID>()
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[Int(pc)] {
            case .atom(let atom, _): atoms.insert(atom)
            case .atomSet(let set, _): atoms.formUnion(atomSets[Int(set)])
            case .split(let a, let b): stack.append(a); stack.append(b)
            case .gap(_, let next): stack.append(next)
            case .accept: break
            }
        }
        return atoms.sorted()
    }

    /// Every atom the program uses.
    var allAtoms: [AtomID] {
        var atoms = Set<AtomID>()
        for case .atom(let atom, _) in instructions { atoms.insert(atom) }
        for set in atomSets { atoms.formUnion(set) }
        return atoms.sorted()
    }
}
