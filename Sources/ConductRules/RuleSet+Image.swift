import ConductMatching

// A loaded rule set in the binary form of ``ImageCodable``: every field, so that a rule set
// read back is equal (`==`) to the one written, and explains its hits with the same texts,
// citations and file locations.

extension RuleSet: ImageCodable {
    package func write(to writer: inout ImageWriter) { writer.write(categories) }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(categories: try reader.list(of: Category.self))
    }
}

extension Category: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(name)
        writer.write(description)
        writer.write(guideline)
        writer.write(thresholds)
        writer.write(rules)
        writer.write(file)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(name: try reader.read(), description: try reader.read(), guideline: try reader.optional(Citation.self),
                  thresholds: try reader.read(), rules: try reader.list(of: Rule.self), file: try reader.read())
    }
}

extension Rule: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(id)
        writer.write(description)
        writer.write(guideline)
        writer.write(weight)
        writer.write(languages)
        writer.write(patterns)
        writer.write(near)
        writer.write(unless)
        writer.write(unlessNear)
        writer.write(composite)
        writer.write(diacritics == .exact)
        writer.write(matchExamples)
        writer.write(noMatchExamples)
        writer.write(location)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(id: try reader.read(), description: try reader.read(), guideline: try reader.read(),
                  weight: try reader.read(), languages: try reader.read(), patterns: try reader.list(of: Pattern.self),
                  near: try reader.optional(Context.self), unless: try reader.list(of: Pattern.self),
                  unlessNear: try reader.optional(Context.self), composite: try reader.optional(Composite.self),
                  diacritics: try reader.read() ? .exact : .fold, matchExamples: try reader.list(of: Example.self),
                  noMatchExamples: try reader.list(of: Example.self), location: try reader.read())
    }
}

extension RuleID: ImageCodable {
    package func write(to writer: inout ImageWriter) { writer.write(rawValue) }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(try reader.read() as String)
    }
}

extension Citation: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(file)
        writer.write(quote)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(file: try reader.read(), quote: try reader.read())
    }
}

extension Thresholds: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(review)
        writer.write(remove)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(review: try reader.read(), remove: try reader.read())
    }
}

extension SourceLocation: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(file: try reader.read(), line: try reader.read(), column: try reader.read())
    }
}

extension Pattern: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(source)
        writer.write(elements)
        writer.write(location)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(source: try reader.read(), elements: try reader.list(of: PatternElement.self), location: try reader.read())
    }
}

extension WordAnchoring: ImageCodable {
    private static let order: [WordAnchoring] = [.whole, .prefix, .suffix, .infix]

    package func write(to writer: inout ImageWriter) { writer.write(UInt8(Self.order.firstIndex(of: self)!)) }

    package init(from reader: inout ImageReader) throws(ImageError) {
        let index: UInt8 = try reader.read()
        guard Int(index) < Self.order.count else { throw ImageError("\(index) is not a word anchoring") }
        self = Self.order[Int(index)]
    }
}

extension PatternElement: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        switch self {
        case .word(let text, let anchoring):
            writer.write(0 as UInt8)
            writer.write(text)
            writer.write(anchoring)
        case .gap(let max):
            writer.write(1 as UInt8)
            writer.write(max)
        case .detector(let kind):
            writer.write(2 as UInt8)
            writer.write(kind)
        case .group(let alternatives, let optional):
            writer.write(3 as UInt8)
            // A list's words, written once however many patterns name the list: the expansions
            // of a list share one array, so its address (while the rule set is alive) names it.
            let address = alternatives.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            writer.writeShared(key: address) { writer in
                writer.write(alternatives.count)
                for alternative in alternatives { writer.write(alternative) }
            }
            writer.write(optional)
        }
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        let tag: UInt8 = try reader.read()
        switch tag {
        case 0: self = .word(try reader.read() as String, try reader.read(WordAnchoring.self))
        case 1: self = .gap(max: try reader.read())
        case 2: self = .detector(try reader.read(DetectorKind.self))
        case 3:
            let alternatives = try reader.readShared { reader throws(ImageError) -> [[PatternElement]] in
                let count = try reader.count(ofAtLeast: 8)
                var alternatives: [[PatternElement]] = []
                alternatives.reserveCapacity(count)
                for _ in 0..<count { alternatives.append(try reader.list(of: PatternElement.self)) }
                return alternatives
            }
            self = .group(alternatives, optional: try reader.read())
        default: throw ImageError("\(tag) is not a pattern element")
        }
    }
}

extension Context: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(any)
        writer.write(within)
        writer.write(side.rawValue)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(any: try reader.list(of: Pattern.self), within: try reader.read(), side: try reader.read(raw: Side.self))
    }
}

extension Composite: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(atLeast)
        writer.write(of)
        writer.write(within != nil)
        writer.write(within ?? 0)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        let atLeast: Int = try reader.read()
        let of = try reader.list(of: RuleID.self)
        let bounded: Bool = try reader.read()
        let within: Int = try reader.read()
        self.init(atLeast: atLeast, of: of, within: bounded ? within : nil)
    }
}

extension Example: ImageCodable {
    package func write(to writer: inout ImageWriter) {
        writer.write(text)
        writer.write(spans.count)
        for span in spans {
            writer.write(span.lowerBound)
            writer.write(span.upperBound)
        }
        writer.write(location)
    }

    package init(from reader: inout ImageReader) throws(ImageError) {
        let text: String = try reader.read()
        let count = try reader.count(ofAtLeast: 16)
        var spans: [Range<Int>] = []
        for _ in 0..<count {
            let lower: Int = try reader.read(), upper: Int = try reader.read()
            guard lower <= upper else { throw ImageError("an example span ends before it starts") }
            spans.append(lower..<upper)
        }
        self.init(text: text, spans: spans, location: try reader.read())
    }
}

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

    /// A value written by ``ImageWriter/write(_:)-(Value?)``.
    @inline(__always)
    mutating func optional<Value: ImageCodable>(_ type: Value.Type) throws(ImageError) -> Value? {
        let present: Bool = try read()
        return present ? try Value(from: &self) : nil
    }
}
