import ConductNormalization

/// Everything one classification writes, kept from post to post so that a warm classification
/// allocates nothing: the normalized text, the scan, program and rule results, and the program
/// runner's stack.
///
/// Per-element results are valid only when their mark equals `generation`, which ``begin(atoms:programs:rules:)``
/// advances for every post; nothing is cleared between posts. When the counter wraps, every
/// mark is reset once.
///
/// The per-element tables live in `storage` (freed with it); the pointer fields are its
/// buffers, refreshed by `begin` after any growth. A workspace belongs to one thread; copying
/// one shares the buffers, so only ever use the original.
struct Workspace {
    var scan = PostScan()
    var generation: UInt32 = 0
    private let storage = MarkStorage()

    /// Per atom: `generation` when the post holds an occurrence of it.
    var atomMark: UnsafeMutablePointer<UInt32>
    /// The same as a bit set, 64 atoms a word (the words of present atoms are cleared for
    /// the next post); quiet atoms may have bits before their occurrences are recorded, and
    /// then a bit only says that the DFA ended one of the atom's literals there, not that it
    /// sits on word boundaries (enough for ``CompiledRules/clausesHold(_:_:_:)``, a necessary
    /// condition).
    var atomBits: UnsafeMutablePointer<UInt64>
    /// Per branch (``EvaluationTables/branchProgram``): `generation` once
    /// ``CompiledRules/findPossibleRules(_:_:)`` checked it; per program while tracing: once it
    /// was queued.
    var queuedMark: UnsafeMutablePointer<UInt32>
    /// Per program: `generation` once its matches are in `programMatches[programLo ..< programHi]`.
    var programMark: UnsafeMutablePointer<UInt32>
    var programLo: UnsafeMutablePointer<Int32>
    var programHi: UnsafeMutablePointer<Int32>
    /// Per rule: `generation` once it is evaluated; its matches are `ruleMatches[ruleLo ..< ruleHi]`.
    var ruleMark: UnsafeMutablePointer<UInt32>
    var ruleLo: UnsafeMutablePointer<Int32>
    var ruleHi: UnsafeMutablePointer<Int32>
    /// Per rule: `generation` when it is possible, when it is required, and when
    /// `componentCount` (possible components of a composite) is valid.
    var possibleMark: UnsafeMutablePointer<UInt32>
    var requiredMark: UnsafeMutablePointer<UInt32>
    var countMark: UnsafeMutablePointer<UInt32>
    var componentCount: UnsafeMutablePointer<Int32>

    /// The post's occurrences as found, before ``PostScan/locate(_:)`` gives them words; the
    /// distinct atoms among them, in the order first found.
    let found = GrowableList<Occurrence>()
    let presentAtoms = GrowableList<AtomID>()
    /// The literal DFA's match steps for the post, and those of them whose state has targets
    /// of atoms that wake a branch (``CompiledRules/collectOccurrences(_:_:)``).
    let matchSteps = GrowableList<MatchStep>()
    let wakingSteps = GrowableList<MatchStep>()
    /// Branches woken by the post's atoms whose trigger's quick test passed, repeats allowed
    /// (``CompiledRules/findPossibleRules(_:_:)``).
    let wokenBranches = GrowableList<Int32>()
    /// Words of `atomBits` the scan set for quiet atoms (``EvaluationTables/slotHeaders``),
    /// repeats allowed: cleared for the next post with the words of `presentAtoms`.
    let quietWords = GrowableList<Int32>()
    /// Quiet atoms have bits but their occurrences are not in `found` yet
    /// (``CompiledRules/collectQuietOccurrences(_:_:)`` adds them before anything locates).
    var quietPending = false
    /// Sure word starts of the text and the occurrences grouped by block, for
    /// ``CompiledRules/followersHold(_:_:_:)`` (built the first time a program's condition is
    /// checked, when `found` is complete).
    var sureWordStarts = WordStartCounter()

    var programMatches: [ProgramMatch] = []
    var ruleMatches: [ProgramMatch] = []
    var possible: [Int32] = []
    var required: [Int32] = []
    /// Rules evaluated for this post, in evaluation order.
    var evaluated: [Int32] = []
    /// Tracing: programs to run eagerly; rules their matches trigger.
    var queue: [Int32] = []
    var triggered: [Int32] = []
    /// Scratch for one rule's candidate matches and for composites' parts.
    var candidates: [ProgramMatch] = []
    var parts: [(component: Int32, match: ProgramMatch)] = []
    /// Scratch for the parts a composite uses, one per component.
    var chosen: [(component: Int32, match: ProgramMatch)] = []
    var runner = ProgramRunner()
    /// Scratch of ``CompiledRules/filter(_:_:original:language:)``: the rule's `unless`,
    /// `unless_near` and `near` matches (indexed by ``ContextMatches/unless`` …) and the sweep
    /// that relates them to its candidates.
    var contexts = [ContextMatches](repeating: ContextMatches(), count: 3)
    var sweep = ContextSweep()
    /// Candidates × context matches above which a rule's context matches are swept rather than
    /// scanned per candidate (both give the same result; tests set 0 and `Int.max`).
    var sweepAbove = ContextSweep.scanPairs
    /// Filled only when tracing: why matches were dropped.
    var suppressed: [(rule: Int32, match: ProgramMatch, reason: Suppression)] = []
    var trace = false

    init() {
        atomMark = storage.atomMark.base
        atomBits = storage.atomBits.base
        queuedMark = storage.queuedMark.base
        programMark = storage.programMark.base
        programLo = storage.programLo.base
        programHi = storage.programHi.base
        ruleMark = storage.ruleMark.base
        ruleLo = storage.ruleLo.base
        ruleHi = storage.ruleHi.base
        possibleMark = storage.possibleMark.base
        requiredMark = storage.requiredMark.base
        countMark = storage.countMark.base
        componentCount = storage.componentCount.base
    }

    /// Starts a post: sizes the per-element tables and starts a generation.
    mutating func begin(atoms: Int, programs: Int, rules: Int) {
        if storage.reserve(atoms: atoms, programs: programs, rules: rules) {
            atomMark = storage.atomMark.base
            atomBits = storage.atomBits.base
            queuedMark = storage.queuedMark.base
            programMark = storage.programMark.base
            programLo = storage.programLo.base
            programHi = storage.programHi.base
            ruleMark = storage.ruleMark.base
            ruleLo = storage.ruleLo.base
            ruleHi = storage.ruleHi.base
            possibleMark = storage.possibleMark.base
            requiredMark = storage.requiredMark.base
            countMark = storage.countMark.base
            componentCount = storage.componentCount.base
        }
        nextGeneration()
    }

    /// Forgets everything recorded for the post (the text stays): a new generation of marks,
    /// empty lists.
    mutating func nextGeneration() {
        if generation == UInt32.max {
            storage.zeroMarks()
            generation = 0
        }
        generation += 1
        scan.reset()
        found.count = 0
        for atom in presentAtoms.elements { atomBits[Int(atom >> 6)] = 0 }
        presentAtoms.count = 0
        for word in quietWords.elements { atomBits[Int(word)] = 0 }
        quietWords.count = 0
        quietPending = false
        sureWordStarts.reset()
        Self.empty(&programMatches)
        Self.empty(&ruleMatches)
        Self.empty(&possible)
        Self.empty(&required)
        Self.empty(&evaluated)
        Self.empty(&queue)
        Self.empty(&triggered)
        Self.empty(&suppressed)
    }

    /// Empties `list`, keeping its storage; touches nothing when it is empty already (most
    /// lists of most posts).
    @inline(__always)
    private static func empty<Element>(_ list: inout [Element]) {
        if !list.isEmpty { list.removeAll(keepingCapacity: true) }
    }

    /// The matches of rule `r` if it was evaluated for this post, else empty.
    func matches(forRule r: Int32) -> ArraySlice<ProgramMatch> {
        guard ruleMark[Int(r)] == generation else { return [] }
        return ruleMatches[Int(ruleLo[Int(r)])..<Int(ruleHi[Int(r)])]
    }

    /// Whether rule `r` was evaluated and kept at least one match.
    @inline(__always)
    func hasMatches(rule r: Int32) -> Bool {
        ruleMark[Int(r)] == generation && ruleHi[Int(r)] > ruleLo[Int(r)]
    }

    /// Splits the text into words and gives the occurrences their words (once per post).
    mutating func locate() {
        if !scan.located { scan.locate(found.elements) }
    }

    /// Records an empty result for rule `r` and lists it as evaluated.
    mutating func beginRule(_ r: Int32) {
        ruleMark[Int(r)] = generation
        ruleLo[Int(r)] = Int32(ruleMatches.count)
        ruleHi[Int(r)] = Int32(ruleMatches.count)
        evaluated.append(r)
    }
}

/// The per-element tables of a ``Workspace``.
final class MarkStorage {
    let atomMark = GrowableBuffer<UInt32>()
    let atomBits = GrowableBuffer<UInt64>()
    let queuedMark = GrowableBuffer<UInt32>()
    let programMark = GrowableBuffer<UInt32>()
    let programLo = GrowableBuffer<Int32>()
    let programHi = GrowableBuffer<Int32>()
    let ruleMark = GrowableBuffer<UInt32>()
    let ruleLo = GrowableBuffer<Int32>()
    let ruleHi = GrowableBuffer<Int32>()
    let possibleMark = GrowableBuffer<UInt32>()
    let requiredMark = GrowableBuffer<UInt32>()
    let countMark = GrowableBuffer<UInt32>()
    let componentCount = GrowableBuffer<Int32>()

    /// Makes room; true when some buffer moved.
    func reserve(atoms: Int, programs: Int, rules: Int) -> Bool {
        guard atoms > atomMark.capacity || programs > programMark.capacity || rules > ruleMark.capacity else {
            return false
        }
        atomMark.reserve(atoms)
        atomBits.reserve((atoms + 63) / 64)
        for buffer in [queuedMark, programMark] { buffer.reserve(programs) }
        for buffer in [programLo, programHi] { buffer.reserve(programs) }
        for buffer in [ruleMark, possibleMark, requiredMark, countMark] { buffer.reserve(rules) }
        for buffer in [ruleLo, ruleHi, componentCount] { buffer.reserve(rules) }
        return true
    }

    /// Clears every mark (when the generation counter wraps).
    func zeroMarks() {
        for buffer in [atomMark, queuedMark, programMark, ruleMark, possibleMark, requiredMark, countMark] {
            buffer.zero()
        }
    }
}

/// A set of 64-bit keys for one program run, emptied in constant time: open addressing with
/// linear probing; a slot is in use when its mark equals the current one. Its tables are
/// unmanaged memory, so an insert costs no uniqueness checks.
final class VisitedSet {
    private var keys: UnsafeMutablePointer<UInt64>
    private var marks: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private var mark: UInt32 = 1
    private var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        marks = .allocate(capacity: capacity)
        marks.initialize(repeating: 0, count: capacity)
    }

    deinit {
        keys.deallocate()
        marks.deallocate()
    }

    /// Empties the set.
    @inline(__always)
    func removeAll() {
        count = 0
        if mark == UInt32.max {
            marks.update(repeating: 0, count: capacity)
            mark = 0
        }
        mark += 1
    }

    /// Inserts `key`; false when it was already there.
    @inline(__always)
    func insert(_ key: UInt64) -> Bool {
        if (count + 1) * 2 > capacity { grow() }
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while marks[slot] == mark {
            if keys[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        marks[slot] = mark
        keys[slot] = key
        count += 1
        return true
    }

    private func grow() {
        let oldKeys = keys, oldMarks = marks, oldMark = mark, oldCapacity = capacity
        capacity = oldCapacity * 2
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        marks = .allocate(capacity: capacity)
        marks.initialize(repeating: 0, count: capacity)
        mark = 1
        count = 0
        for i in 0..<oldCapacity where oldMarks[i] == oldMark { _ = insert(oldKeys[i]) }
        oldKeys.deallocate()
        oldMarks.deallocate()
    }
}
