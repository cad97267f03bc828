/// The binary form of compiled tables, for keeping a compiled rule set between processes.
///
///     var writer = ImageWriter()
///     writer.write(automaton)
///     let copy = try writer.bytes.withUnsafeBytes { bytes in
///         var reader = ImageReader(bytes)
///         return try Automaton(from: &reader)
///     }
///
/// Values are written in the order a type's `write(to:)` gives and read back in the same
/// order; nothing describes them but that order. Integers are little-endian 64-bit, strings
/// and arrays are a count followed by their bytes, and arrays of plain values
/// (`BitwiseCopyable`) are their memory as is: an image is only ever read by the build that
/// wrote it (the cache that keeps images names the executable in every key), so layouts
/// match. Reading checks every count against the bytes left and throws ``ImageError`` rather
/// than reading past the end or allocating more than the image could hold. Arrays of values
/// are read by each module's own `list(of:)`: generic code called across modules is not
/// specialized, and a reader here would look up the array's type metadata for every array
/// (a third of a start-up from an image).
///
/// Cost: writing and reading are linear in the image's size; arrays of plain values are one
/// copy each, or none for tables that use an ``ImageStorage``'s bytes in place.
package protocol ImageCodable {
    /// Appends this value.
    func write(to writer: inout ImageWriter)
    /// Reads a value that `write(to:)` wrote.
    init(from reader: inout ImageReader) throws(ImageError)
}

/// Why an image cannot be read.
package struct ImageError: Error, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Appends values to a growing byte buffer (see ``ImageCodable``).
package struct ImageWriter {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func write(_ value: UInt8) { bytes.append(value) }
    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    package mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    package mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    package mutating func write(_ value: Int32) { write(Int(value)) }
    package mutating func write(_ value: UInt32) { write(UInt64(value)) }
    package mutating func write(_ value: Double) { write(value.bitPattern) }

    /// Strings written so far, by their number: a string written again is written as its
    /// number (rule sets repeat their file paths and list words many times).
    private var strings: [String: Int] = [:]

    /// The string's number when it was written before; else the next number, its length and
    /// its UTF-8 bytes.
    package mutating func write(_ value: String) {
        if let number = strings[value] {
            write(number)
            return
        }
        write(strings.count)
        strings[value] = strings.count
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Keys of the values written with ``writeShared(key:_:)`` so far, with their numbers.
    private var shared: [AnyHashable: Int] = [:]

    /// A value by `write` the first time its `key` comes; later as the first one's number (rule
    /// sets expand each word list into every pattern that names it). Equal keys must mean
    /// equal values. The number is taken before `write` runs, so shared values inside come
    /// after it.
    package mutating func writeShared(key: AnyHashable, _ write: (inout ImageWriter) -> Void) {
        if let number = shared[key] {
            self.write(number)
            return
        }
        let number = shared.count
        self.write(number)
        shared[key] = number
        write(&self)
    }

    /// A count, zero bytes up to a multiple of 8, then the elements' memory as is: in an image
    /// that starts 8-aligned in memory, the elements are aligned where they are, and tables
    /// can use them without a copy (see ``ImageReader/storage``).
    package mutating func write<Element: BitwiseCopyable>(plain buffer: UnsafeBufferPointer<Element>) {
        write(buffer.count)
        while bytes.count % 8 != 0 { bytes.append(0) }
        bytes.append(contentsOf: UnsafeRawBufferPointer(buffer))
    }

    /// A count, then the elements' memory as is.
    package mutating func write<Element: BitwiseCopyable>(plain array: [Element]) {
        array.withUnsafeBufferPointer { write(plain: $0) }
    }

    package mutating func write<Value: ImageCodable>(_ value: Value) { value.write(to: &self) }

    package mutating func write<Value: ImageCodable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.write(to: &self) }
    }

    package mutating func write<Value: ImageCodable>(_ value: Value?) {
        write(value != nil)
        if let value { value.write(to: &self) }
    }

    package mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Arrays of arrays of plain values, each as ``write(plain:)-(UnsafeBufferPointer<Element>)``.
    package mutating func write<Element: BitwiseCopyable>(plainLists lists: [[Element]]) {
        write(lists.count)
        for list in lists { write(plain: list) }
    }
}

/// Reads values back in the order an ``ImageWriter`` wrote them, from bytes that must stay
/// alive and unchanged while it reads (see ``ImageCodable``).
package struct ImageReader {
    @usableFromInline let base: UnsafeRawPointer?
    @usableFromInline let count: Int
    /// Offset of the next value.
    @usableFromInline package internal(set) var offset = 0

    /// What keeps the bytes alive, when they may outlive the reader: tables read from them may
    /// then keep a reference to it and use their elements in place.
    package let storage: AnyObject?

    /// A reader of `buffer`, which must outlive it; with `storage`, the object that owns the
    /// bytes and keeps them unchanged for its whole life.
    @inlinable package init(_ buffer: UnsafeRawBufferPointer, storage: AnyObject? = nil) {
        base = buffer.baseAddress
        count = buffer.count
        self.storage = storage
    }

    // The errors, built out of line so that the checks inline small.
    @usableFromInline func endsEarly(_ length: Int) -> ImageError {
        ImageError("the image ends early: \(length) bytes wanted at offset \(offset), \(remaining) left")
    }

    @usableFromInline func countTooLarge(_ count: Int) -> ImageError {
        ImageError("a count of \(count) at offset \(offset - 8) exceeds the \(remaining) bytes left")
    }

    /// Bytes not yet read.
    @inlinable package var remaining: Int { count - offset }

    /// The next `length` bytes; throws when fewer are left.
    @inlinable package mutating func take(_ length: Int) throws(ImageError) -> UnsafeRawBufferPointer {
        guard length >= 0, length <= remaining else { throw endsEarly(length) }
        defer { offset += length }
        return UnsafeRawBufferPointer(start: base.map { $0 + offset }, count: length)
    }

    @inlinable package mutating func read() throws(ImageError) -> UInt8 { try take(1)[0] }

    @inlinable package mutating func read() throws(ImageError) -> Bool {
        let byte: UInt8 = try read()
        guard byte <= 1 else { throw ImageError("a truth value is \(byte) at offset \(offset - 1)") }
        return byte == 1
    }

    @inlinable package mutating func read() throws(ImageError) -> UInt64 {
        UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
    }

    @inlinable package mutating func read() throws(ImageError) -> Int {
        let raw: UInt64 = try read()
        return Int(Int64(bitPattern: raw))
    }

    @inlinable package mutating func read() throws(ImageError) -> Int32 {
        let value: Int = try read()
        guard let narrow = Int32(exactly: value) else { throw ImageError("\(value) does not fit 32 bits") }
        return narrow
    }

    @inlinable package mutating func read() throws(ImageError) -> UInt32 {
        let value: UInt64 = try read()
        guard let narrow = UInt32(exactly: value) else { throw ImageError("\(value) does not fit 32 bits") }
        return narrow
    }

    @inlinable package mutating func read() throws(ImageError) -> Double {
        let raw: UInt64 = try read()
        return Double(bitPattern: raw)
    }

    /// A count of things of at least `size` bytes each, checked against the bytes left.
    @inlinable package mutating func count(ofAtLeast size: Int) throws(ImageError) -> Int {
        let count: Int = try read()
        guard count >= 0, count <= remaining / max(size, 1) else { throw countTooLarge(count) }
        return count
    }

    /// Strings read so far, by their number (see ``ImageWriter/write(_:)-(String)``).
    @usableFromInline var strings: [String] = []

    @inlinable package mutating func read() throws(ImageError) -> String {
        let number: Int = try read()
        if number >= 0 && number < strings.count { return strings[number] }
        guard number == strings.count else {
            throw ImageError("string \(number) at offset \(offset - 8) is neither new nor one of the \(strings.count) before")
        }
        let length = try count(ofAtLeast: 1)
        let bytes = try take(length)
        // Written from a `String`, so valid UTF-8; decoding repairs a damaged image's bytes.
        let text = String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
        strings.append(text)
        return text
    }

    @inlinable package mutating func read() throws(ImageError) -> [String] {
        let count = try count(ofAtLeast: 8)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read()) }
        return values
    }

    /// Values read by ``readShared(_:)`` so far, by their number (nil while being read).
    @usableFromInline var shared: [Any?] = []

    /// A value written by ``ImageWriter/writeShared(key:_:)``: read by `read` the first time,
    /// the same value again when the image gives its number.
    package mutating func readShared<Value>(_ read: (inout ImageReader) throws(ImageError) -> Value)
        throws(ImageError) -> Value {
        let number: Int = try self.read()
        if number >= 0 && number < shared.count {
            guard let value = shared[number] as? Value else {
                throw ImageError("shared value \(number) at offset \(offset - 8) is not a \(Value.self)")
            }
            return value
        }
        guard number == shared.count else {
            throw ImageError("shared value \(number) at offset \(offset - 8) is neither new nor one of the \(shared.count) before")
        }
        shared.append(nil)
        let value = try read(&self)
        shared[number] = value
        return value
    }

    /// Elements written by ``ImageWriter/write(plain:)-(UnsafeBufferPointer<Element>)``, as the
    /// raw bytes of `count` of them; pass them to a copying initializer.
    @inlinable package mutating func plainBytes<Element: BitwiseCopyable>(of type: Element.Type) throws(ImageError)
        -> (bytes: UnsafeRawBufferPointer, count: Int) {
        let count = try count(ofAtLeast: MemoryLayout<Element>.stride)
        _ = try take((8 - offset % 8) % 8)
        return (try take(count * MemoryLayout<Element>.stride), count)
    }

    @inlinable package mutating func read<Element: BitwiseCopyable>(plain type: Element.Type = Element.self) throws(ImageError)
        -> [Element] {
        let (bytes, count) = try plainBytes(of: Element.self)
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes) }
            initialized = count
        }
    }

    @inlinable package mutating func read<Value: ImageCodable>(_ type: Value.Type = Value.self) throws(ImageError) -> Value {
        try Value(from: &self)
    }

    @inlinable package mutating func read<Value: ImageCodable>(_ type: Value?.Type = Value?.self) throws(ImageError) -> Value? {
        let present: Bool = try read()
        return present ? try Value(from: &self) : nil
    }

    /// A case of a `RawRepresentable` enum written as its raw value.
    @inlinable package mutating func read<Value: RawRepresentable>(raw type: Value.Type = Value.self) throws(ImageError) -> Value
    where Value.RawValue == String {
        let raw: String = try read()
        guard let value = Value(rawValue: raw) else { throw ImageError("'\(raw)' is not a \(Value.self)") }
        return value
    }
}

extension DetectorKind: ImageCodable {
    package func write(to writer: inout ImageWriter) { writer.write(UInt8(rank)) }

    package init(from reader: inout ImageReader) throws(ImageError) {
        let rank: UInt8 = try reader.read()
        guard let kind = DetectorKind.allCases.first(where: { $0.rank == Int(rank) }) else {
            throw ImageError("\(rank) is not a detector kind")
        }
        self = kind
    }
}

extension Automaton: ImageCodable {
    package func write(to writer: inout ImageWriter) { tables.write(to: &writer) }

    package init(from reader: inout ImageReader) throws(ImageError) {
        self.init(tables: try AutomatonTables(from: &reader))
    }
}

/// Bytes of an image in memory of their own, 16-aligned, freed with the last table that uses
/// them in place.
package final class ImageStorage: @unchecked Sendable {
    package let bytes: UnsafeMutableRawBufferPointer

    /// `count` uninitialized bytes, for the caller to fill before reading any.
    package init(count: Int) {
        bytes = .allocate(byteCount: max(count, 1), alignment: 16)
    }

    deinit { bytes.deallocate() }
}
