#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Working memory for classifying posts on one thread: the normalized text, the scan, and the
/// intermediate matches, kept from post to post so that classifying a post allocates nothing
/// (a post with hits allocates its verdict's arrays and strings).
///
///     let scratch = ClassificationScratch()
///     for post in posts { let verdict = classifier.classify(utf8: post, scratch: scratch) }
///
/// Not `Sendable`: use one per thread (or per task, never shared by two at once). The plain
/// `classify` calls use one per thread of their own. Memory: about 20 bytes per byte of the
/// longest post seen, up to 1 MiB of post; a longer post's buffers are released after it.
public final class ClassificationScratch {
    /// Lent to every classification: without the runtime's exclusivity check (two calls a
    /// post). One thread uses a scratch at a time, and a nested call gets a fresh workspace
    /// (`busy`), so no access to it overlaps another.
    @exclusivity(unchecked) var workspace = Workspace()
    private var busy = false

    /// Posts longer than this (in normalized bytes) do not keep their buffers.
    static let retainedBytes = 1 << 20

    public init() {}

    /// Runs `body` on the workspace; a nested call (never made by the library) gets a fresh one.
    @inline(__always)
    func withWorkspace<R>(_ body: (inout Workspace) -> R) -> R {
        if busy {
            var fresh = Workspace()
            return body(&fresh)
        }
        busy = true
        defer {
            busy = false
            if workspace.scan.text.bytes.capacity > Self.retainedBytes { workspace = Workspace() }
        }
        return body(&workspace)
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        let status = pthread_key_create(&key) { Unmanaged<ClassificationScratch>.fromOpaque($0).release() }
        #else
        let status = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ClassificationScratch>.fromOpaque(pointer).release() }
        }
        #endif
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()

    /// Runs `body` with the calling thread's scratch, created on first use and released when
    /// the thread ends.
    static func withThreadScratch<R>(_ body: (ClassificationScratch) -> R) -> R {
        let key = threadKey
        if let pointer = pthread_getspecific(key) {
            return body(Unmanaged<ClassificationScratch>.fromOpaque(pointer).takeUnretainedValue())
        }
        let scratch = ClassificationScratch()
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
        return body(scratch)
    }
}
