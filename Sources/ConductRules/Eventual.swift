import Foundation

/// A value computed on a thread of its own, or on the spot: what start-up work that may use a
/// second core (parsing rule files, building the literal DFA) hands back.
///
///     let dfa = Eventual(onThread: threads > 1) { WordStartAutomaton(...) }
///     ...                 // other work, on this thread meanwhile
///     use(dfa.value)      // waits for the thread, once
///
/// Not for sharing: one owner reads ``value``. The thread's writes are visible to the reader
/// through the semaphore it signals.
package final class Eventual<Value>: @unchecked Sendable {
    private var result: Value?
    private var done: DispatchSemaphore?

    /// Runs `work` on a new thread when `onThread`, otherwise here and now.
    package init(onThread: Bool, _ work: @escaping () -> Value) {
        guard onThread else {
            result = work()
            return
        }
        let done = DispatchSemaphore(value: 0)
        self.done = done
        let box = UncheckedBox(work)
        let thread = Thread { [self] in
            result = box.value()
            done.signal()
        }
        // Builders recurse over rule and automaton structures: the main thread's stack size.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, waiting for the thread the first time.
    package var value: Value {
        if let done {
            done.wait()
            self.done = nil
        }
        return result!
    }
}

/// Hands a value that is not `Sendable` to one other thread, which becomes its only user.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
