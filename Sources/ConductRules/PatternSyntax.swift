import ConductMatching

/// A pattern as written, before list references are resolved.
indirect enum PatternSyntax: Hashable, Sendable {
    case word(String, WordAnchoring)
    case gap(Int)
    case detector(DetectorKind)
    case group([[PatternSyntax]], optional: Bool)
    /// `<name>`: a list, resolved later into a group of its items.
    case list(String)

    /// Whether a sequence can match without consuming a word (every element optional).
    /// Recursion is bounded by the group depth the parser allows.
    static func canBeEmpty(_ sequence: [PatternSyntax]) -> Bool {
        sequence.allSatisfy { element in
            switch element {
            case .word, .detector, .list: false
            case .gap: true
            case let .group(alternatives, optional): optional || alternatives.contains(where: canBeEmpty)
            }
        }
    }
}

/// Why a pattern could not be parsed; the message names the problem and the fix.
struct PatternParseError: Error, Equatable {
    var message: String
}
