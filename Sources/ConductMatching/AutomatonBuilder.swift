/// Collects literals and builds an immutable ``Automaton`` that finds all of them in one pass.
///
///     var builder = AutomatonBuilder()
///     let idiot = builder.add(Array("idiot".utf8))
///     let automaton = builder.build()
///
/// Literals are byte strings; an empty literal is rejected by ``add(_:)``.
public struct AutomatonBuilder: Sendable {
    var literals: [[UInt8]] = []

    public init() {}

    /// Number of literals added so far.
    public var count: Int { literals.count }

    /// Adds a literal; the same bytes added twice get two IDs and both are reported.
    @discardableResult
    public mutating func add(_ literal: some Sequence<UInt8>) -> PatternID {
        let bytes = Array(literal)
        precondition(!bytes.isEmpty, "empty literal")
        literals.append(bytes)
        return PatternID(Int32(literals.count - 1))
    }

    public func build() -> Automaton {
        Automaton(literals: literals)
    }
}
