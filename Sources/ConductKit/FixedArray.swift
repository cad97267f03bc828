import ConductMatching

/// Immutable plain values in memory of their own, for the tables the per-post path reads:
/// reading an element is one load, with no reference counting and no bounds check in release
/// builds (debug builds assert the index).
///
///     let starts = FixedArray<Int32>([0, 2, 5])
///     starts[1]   // 2
///
/// Invariant: `base` points to `count` initialized elements for the object's whole life; the
/// elements never change, so sharing the object between threads is safe.
final class FixedArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    /// The image whose bytes `base` points into (never written), or nil when the array owns
    /// its memory.
    private let storage: AnyObject?

    init(_ elements: [Element]) {
        storage = nil
        count = elements.count
        base = .allocate(capacity: max(count, 1))
        elements.withUnsafeBufferPointer { buffer in
            if let source = buffer.baseAddress { base.initialize(from: source, count: buffer.count) }
        }
    }

    /// Elements that ``write(to:)`` wrote (see ``ImageCodable``): used in place when the
    /// reader's bytes have a ``ImageReader/storage`` (kept alive by this array) and are aligned
    /// for `Element`, else copied.
    init(from reader: inout ImageReader) throws(ImageError) {
        let (bytes, count) = try reader.plainBytes(of: Element.self)
        self.count = count
        if let storage = reader.storage, count > 0,
           UInt(bitPattern: bytes.baseAddress!) % UInt(MemoryLayout<Element>.alignment) == 0 {
            base = UnsafeMutableRawPointer(mutating: bytes.baseAddress!).bindMemory(to: Element.self, capacity: count)
            self.storage = storage
            return
        }
        base = .allocate(capacity: max(count, 1))
        if count > 0 { UnsafeMutableRawPointer(base).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        storage = nil
    }

    /// Appends the elements, for ``init(from:)``.
    func write(to writer: inout ImageWriter) {
        writer.write(plain: UnsafeBufferPointer(start: base, count: count))
    }

    deinit {
        if storage == nil { base.deallocate() }
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
        return base[index]
    }

    /// Bytes of the elements.
    var memoryUsage: Int { count * MemoryLayout<Element>.stride }
}

/// A zero-filled buffer of plain values that only grows, owned by one workspace (one thread):
/// the per-element marks of a classification. Reading or writing an element is one memory
/// access.
///
/// Invariant: `base` points to `capacity` initialized elements; growing keeps the old values
/// and zero-fills the rest.
final class GrowableBuffer<Element: BitwiseCopyable & FixedWidthInteger> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init() {
        capacity = 0
        base = .allocate(capacity: 1)
    }

    deinit { base.deallocate() }

    /// Makes room for `count` elements.
    @inline(__always)
    func reserve(_ count: Int) {
        if count > capacity { grow(to: count) }
    }

    private func grow(to count: Int) {
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: count)
        fresh.initialize(from: base, count: capacity)
        (fresh + capacity).initialize(repeating: 0, count: count - capacity)
        base.deallocate()
        base = fresh
        capacity = count
    }

    /// Sets every element to 0.
    func zero() {
        base.update(repeating: 0, count: capacity)
    }
}

/// A list of plain values that only grows, owned by one workspace: appending is a capacity
/// check and a store.
///
/// Invariant: `base` points to `capacity` elements, the first `count` initialized.
final class GrowableList<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Doubles the capacity; `base` moves.
    func grow() {
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        fresh.initialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity *= 2
    }

    /// Appends `element`, growing when full.
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count &+= 1
    }

    /// Grows until `extra` more elements fit; `base` may move.
    @inline(__always)
    func reserve(_ extra: Int) {
        while capacity &- count < extra { grow() }
    }

    /// Sets the count to `count` (elements written through `base` meanwhile) and makes room
    /// for `extra` more; returns `base`, which may have moved.
    @inline(__always)
    func room(after count: Int, for extra: Int) -> UnsafeMutablePointer<Element> {
        self.count = count
        reserve(extra)
        return base
    }

    /// Makes the list `count` copies of `value` (growing as needed).
    func fill(_ value: Element, count newCount: Int) {
        while capacity < newCount { grow() }
        base.update(repeating: value, count: newCount)
        count = newCount
    }

    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
