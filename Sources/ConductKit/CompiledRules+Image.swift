import ConductMatching
import ConductNormalization
import ConductRules

// Compiled rules in the binary form of ``ImageCodable``: the rule set, the programs and every
// table of the per-post path, so that reading an image replaces loading and compiling. The
// derived lookups (rule index, detectors, zero scores) are rebuilt, as they cost little.

extension CompiledRules {
    /// Appends the compiled rules; ``init(from:normalizer:)`` reads them back.
    func write(to writer: inout ImageWriter) {
        writer.write(ruleSet)
        writer.write(literalCount)
        writer.write(automaton)
        writer.write(atoms)
        let detectorAtoms = self.detectorAtoms.sorted { $0.key < $1.key }
        writer.write(detectorAtoms.map(\.key))
        writer.write(plain: detectorAtoms.map(\.value))
        writer.write(programs)
        writer.write(plainLists: programsByFirstAtom)
        writer.write(rules.count)
        for rule in rules { rule.write(to: &writer) }
        writer.write(plainLists: matchOwners)
        writer.write(plain: composites)
        writer.write(categories)
        tables.write(to: &writer)
    }

    /// Compiled rules that ``write(to:)`` wrote with the same build, for posts normalized by
    /// `normalizer` (the one they were compiled with).
    init(from reader: inout ImageReader, normalizer: Normalizer) throws(ImageError) {
        let ruleSet: RuleSet = try reader.read()
        self.ruleSet = ruleSet
        self.normalizer = normalizer
        literalCount = try reader.read()
        automaton = try reader.read()
        atoms = try reader.list(of: AtomKind.self)
        let detectorKinds = try reader.list(of: DetectorKind.self)
        let detectorAtomIDs = try reader.plain(AtomID.self)
        guard detectorKinds.count == detectorAtomIDs.count, Set(detectorKinds).count == detectorKinds.count else {
            throw ImageError("the detector atoms are malformed")
        }
        detectorAtoms = Dictionary(uniqueKeysWithValues: zip(detectorKinds, detectorAtomIDs))
        detectors = detectorKinds.isEmpty ? nil : Detectors(kinds: Set(detectorKinds))
        programs = try reader.list(of: PatternProgram.self)
        programsByFirstAtom = try reader.plainLists(Int32.self)
        let ruleCount = try reader.count(ofAtLeast: 8)
        var rules: [CompiledRule] = []
        rules.reserveCapacity(ruleCount)
        for _ in 0..<ruleCount { rules.append(try CompiledRule(from: &reader, ruleSet: ruleSet)) }
        self.rules = rules
        matchOwners = try reader.plainLists(Int32.self)
        composites = try reader.plain(Int32.self)
        let categories = try reader.list(of: CompiledCategory.self)
        self.categories = categories
        tables = try EvaluationTables(from: &reader)
        guard tables.ruleCount == rules.count, tables.programCount == programs.count, tables.atomCount == atoms.count
        else {
            throw ImageError("the tables count \(tables.ruleCount) rules, \(tables.programCount) programs and \(tables.atomCount) atoms; the image has \(rules.count), \(programs.count) and \(atoms.count)")
        }
        ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, Int32($0)) })
        zeroScores = categories.map { CategoryScore(category: $0.name, score: 0) }
    }
}

extension EvaluationTables: ImageCodable {}
extension WordStartAutomaton: ImageCodable {}
extension LiteralTrie: ImageCodable {}

extension AtomKind: ImageCodable {
    func write(to writer: inout ImageWriter) {
        switch self {
        case .word(let bytes, let anchoring):
            writer.write(0 as UInt8)
            writer.write(plain: bytes)
            writer.write(anchoring)
        case .detector(let kind):
            writer.write(1 as UInt8)
            writer.write(kind)
        }
    }

    init(from reader: inout ImageReader) throws(ImageError) {
        let tag: UInt8 = try reader.read()
        switch tag {
        case 0: self = .word(try reader.plain(UInt8.self), try reader.read(WordAnchoring.self))
        case 1: self = .detector(try reader.read(DetectorKind.self))
        default: throw ImageError("\(tag) is not an atom kind")
        }
    }
}

extension PatternProgram: ImageCodable {
    func write(to writer: inout ImageWriter) {
        writer.write(plain: instructions)
        writer.write(plain: firstAtoms)
        writer.write(branches.count)
        for branch in branches { writer.write(plainLists: branch) }
        writer.write(plain: triggerAtoms)
        writer.write(plainLists: atomSets)
        writer.write(source)
        writer.write(location)
    }

    init(from reader: inout ImageReader) throws(ImageError) {
        instructions = try reader.plain(Instruction.self)
        firstAtoms = try reader.plain(AtomID.self)
        let branchCount = try reader.count(ofAtLeast: 8)
        branches = []
        for _ in 0..<branchCount { branches.append(try reader.plainLists(AtomID.self)) }
        triggerAtoms = try reader.plain(AtomID.self)
        atomSets = try reader.plainLists(AtomStep.self)
        source = try reader.read()
        location = try reader.read()
    }
}

extension CompiledContext: ImageCodable {
    func write(to writer: inout ImageWriter) {
        writer.write(plain: programs)
        writer.write(within)
        writer.write(side.rawValue)
    }

    init(from reader: inout ImageReader) throws(ImageError) {
        programs = try reader.plain(Int32.self)
        within = try reader.read()
        side = try reader.read(raw: Context.Side.self)
    }
}

extension CompiledCategory: ImageCodable {
    func write(to writer: inout ImageWriter) {
        writer.write(name)
        writer.write(thresholds)
    }

    init(from reader: inout ImageReader) throws(ImageError) {
        name = try reader.read()
        thresholds = try reader.read()
    }
}

extension CompiledRule {
    /// Appends the rule; its ``Rule`` is written as its id and found again in the rule set.
    func write(to writer: inout ImageWriter) {
        writer.write(id)
        writer.write(category)
        writer.write(weight)
        writer.write(languages)
        writer.write(plain: match)
        writer.write(near)
        writer.write(plain: unless)
        writer.write(unlessNear)
        writer.write(plain: components)
        writer.write(atLeast)
        writer.write(within != nil)
        writer.write(within ?? 0)
        writer.write(plainLists: exactWords)
    }

    init(from reader: inout ImageReader, ruleSet: RuleSet) throws(ImageError) {
        id = try reader.read()
        category = try reader.read()
        weight = try reader.read()
        languages = try reader.read()
        match = try reader.plain(Int32.self)
        near = try reader.optional(CompiledContext.self)
        unless = try reader.plain(Int32.self)
        unlessNear = try reader.optional(CompiledContext.self)
        components = try reader.plain(Int32.self)
        atLeast = try reader.read()
        let bounded: Bool = try reader.read()
        let within: Int = try reader.read()
        self.within = bounded ? within : nil
        exactWords = try reader.plainLists(UInt8.self)
        guard let rule = ruleSet.rule(id) else { throw ImageError("rule '\(id)' is not in the image's rule set") }
        self.rule = rule
    }
}

// The same as ConductRules' readers of arrays and optionals (see there), for this module's
// types: each module specializes its own.
extension ImageReader {
    /// An array written by ``ImageWriter/write(_:)-([Value])``, read by code specialized in
    /// this module (the generic reader of another module would look up type metadata for
    /// every element).
    @inline(__always)
    mutating func list<Value: ImageCodable>(of type: Value.Type) throws(ImageError) -> [Value] {
        let count = try count(ofAtLeast: 1)
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(from: &self)) }
        return values
    }

    /// Plain values written by ``ImageWriter/write(plain:)-(UnsafeBufferPointer<Element>)``,
    /// copied by code specialized in this module.
    @inline(__always)
    mutating func plain<Element: BitwiseCopyable>(_ type: Element.Type) throws(ImageError) -> [Element] {
        let (bytes, count) = try plainBytes(of: Element.self)
        guard count > 0 else { return [] }
        // The bytes as written, padding included, so that an image written again is the same.
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            initialized = count
        }
    }

    /// Lists written by ``ImageWriter/write(plainLists:)``.
    @inline(__always)
    mutating func plainLists<Element: BitwiseCopyable>(_ type: Element.Type) throws(ImageError) -> [[Element]] {
        let count = try count(ofAtLeast: 8)
        var lists: [[Element]] = []
        lists.reserveCapacity(count)
        for _ in 0..<count { lists.append(try plain(Element.self)) }
        return lists
    }

    /// A value written by ``ImageWriter/write(_:)-(Value?)``.
    @inline(__always)
    mutating func optional<Value: ImageCodable>(_ type: Value.Type) throws(ImageError) -> Value? {
        let present: Bool = try read()
        return present ? try Value(from: &self) : nil
    }
}
