/// One transition step of an automaton over raw table pointers; the scan loop is written once,
/// generic over this protocol, and specialised for each representation.
///
///     var state: UInt32 = 0
///     state = stepper.next(state, byte)
///     if state >= stepper.matchStart, stepper.matchOffset(state) != AutomatonTables.noMatch { … }
///
/// Pointers are only valid inside the `withUnsafeBufferPointer` calls that made them.
@usableFromInline
protocol AutomatonStepper {
    /// Every state `>= matchStart` may have matches (and, for an NFA, every sparse state);
    /// every state below it has none.
    var matchStart: UInt32 { get }
    /// The state after reading `byte` in `state`.
    func next(_ state: UInt32, _ byte: UInt8) -> UInt32
    /// The match-list offset of a state `>= matchStart`, or `AutomatonTables.noMatch`.
    func matchOffset(_ state: UInt32) -> UInt32
}

/// Steps a DFA: one class load and one transition load per byte.
@usableFromInline
struct DFAStepper: AutomatonStepper {
    @usableFromInline let map: UnsafePointer<UInt8>
    @usableFromInline let table: UnsafePointer<UInt32>
    @usableFromInline let matchStart: UInt32
    @usableFromInline let classCount: Int

    @inlinable
    init(map: UnsafePointer<UInt8>, table: UnsafePointer<UInt32>, matchStart: UInt32, classCount: Int) {
        self.map = map
        self.table = table
        self.matchStart = matchStart
        self.classCount = classCount
    }

    @inlinable @inline(__always)
    func next(_ state: UInt32, _ byte: UInt8) -> UInt32 {
        table[Int(state) &+ Int(map[Int(byte)])]
    }

    @inlinable @inline(__always)
    func matchOffset(_ state: UInt32) -> UInt32 {
        table[Int(state) &+ classCount]
    }
}

/// Steps an NFA: dense states cost what a DFA step costs; a sparse state searches its few
/// edges, else takes its exit's (a dense state's) transition.
@usableFromInline
struct NFAStepper: AutomatonStepper {
    @usableFromInline let map: UnsafePointer<UInt8>
    @usableFromInline let table: UnsafePointer<UInt32>
    @usableFromInline let sparse: UnsafePointer<UInt32>
    @usableFromInline let matchStart: UInt32
    @usableFromInline let sparseStart: UInt32
    @usableFromInline let classCount: Int

    @inlinable
    init(map: UnsafePointer<UInt8>, table: UnsafePointer<UInt32>, sparse: UnsafePointer<UInt32>,
         matchStart: UInt32, sparseStart: UInt32, classCount: Int) {
        self.map = map
        self.table = table
        self.sparse = sparse
        self.matchStart = matchStart
        self.sparseStart = sparseStart
        self.classCount = classCount
    }

    @inlinable @inline(__always)
    func next(_ state: UInt32, _ byte: UInt8) -> UInt32 {
        let cls = map[Int(byte)]
        if state < sparseStart { return table[Int(state) &+ Int(cls)] }
        return sparseNext(state, cls)
    }

    /// The transition out of sparse state `state`: its edge along `cls` if it has one, else
    /// its exit's (a dense state's) transition.
    @inlinable @inline(__always)
    func sparseNext(_ state: UInt32, _ cls: UInt8) -> UInt32 {
        let at = Int(state &- sparseStart)
        let edges = Int(sparse[at &+ 2])
        let wanted = UInt32(cls)
        var edge = at &+ 3
        let end = edge &+ edges
        while edge < end {
            if sparse[edge] == wanted { return sparse[edge &+ edges] }
            edge &+= 1
        }
        return table[Int(sparse[at]) &+ Int(cls)]
    }

    @inlinable @inline(__always)
    func matchOffset(_ state: UInt32) -> UInt32 {
        state < sparseStart ? table[Int(state) &+ classCount] : sparse[Int(state &- sparseStart) &+ 1]
    }
}
