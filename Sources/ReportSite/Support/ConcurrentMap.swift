import Dispatch

extension Array where Element: Sendable {
    /// `map`, run on every core, keeping the order of the elements.
    ///
    /// For CPU-bound work on each element alone (reading and decoding a file, say): the results are
    /// written into separate slots, so no lock is taken and the output is the same as `map`'s.
    ///
    /// It blocks its thread until every element is done, so it is called only on the build's own
    /// threads (`BuildExecutor`), never on a thread of Swift's cooperative pool.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        // Each iteration writes its own slot only, so sharing the buffer across threads is safe.
        nonisolated(unsafe) let shared = slots
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared[index] = transform(self[index])
            }
        }
        return slots.map { $0! }
    }
}

/// `first` and `second`, run side by side, each on its own core when there are two.
///
/// Like `concurrentMap`, it blocks its thread until both are done, so it is called only on the
/// build's own threads.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    // Each iteration writes its own variable only.
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { a = first() } else { b = second() }
            }
        }
    }
    return (a!, b!)
}
