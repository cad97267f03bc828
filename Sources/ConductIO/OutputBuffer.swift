/// The byte buffer behind ``JSONWriter``: a copy-on-write buffer that hands out its free tail
/// for direct writes, so a key or a number costs one capacity check, not one per byte.
///
/// Invariant: `storage` is written only while uniquely referenced (checked by `tail(_:)`),
/// which makes sharing copies across threads safe.
struct OutputBuffer: @unchecked Sendable {
    final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            self.base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int) {
        storage = Storage(capacity: max(capacity, 64))
    }

    /// Room for `extra` more bytes at the end; write them, then `commit` how many were written.
    @inline(__always)
    mutating func tail(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > storage.capacity || !isKnownUniquelyReferenced(&storage) {
            reallocate(minimum: count + extra)
        }
        return storage.base + count
    }

    @inline(__always)
    mutating func commit(_ written: Int) { count += written }

    private mutating func reallocate(minimum: Int) {
        var capacity = storage.capacity
        while capacity < minimum { capacity *= 2 }
        let fresh = Storage(capacity: capacity)
        fresh.base.update(from: storage.base, count: count)
        storage = fresh
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        tail(1).pointee = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        tail(length).update(from: source, count: length)
        count += length
    }

    mutating func removeAll() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
        count = 0
    }

    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(storage) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: storage.base, count: count))
        }
    }
}
