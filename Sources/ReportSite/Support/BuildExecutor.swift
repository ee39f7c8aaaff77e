import Dispatch
import Foundation
import Synchronization

/// Where a build runs: threads of its own, outside Swift's cooperative pool.
///
/// The build's stages are CPU-bound, and several spread one loop over every core with
/// `concurrentMap`, which blocks the calling thread until the loop is done. On the cooperative pool
/// (one thread per core, shared by every task of the process) that would starve the preview
/// server's requests and its watcher for as long as a build runs. `SiteBuilder` therefore runs
/// every build with this executor as its task executor preference: the build's tasks, and the task
/// groups they start, run on one thread per core that this executor starts and owns. A thread of
/// Dispatch's pool will not do: a `concurrentMap` started on one of them runs its loop on that
/// thread alone.
final class BuildExecutor: TaskExecutor {
    static let shared = BuildExecutor(threads: ProcessInfo.processInfo.activeProcessorCount)

    /// Jobs waiting for a thread, oldest first, and how many there are to take.
    private let queue = Mutex<[UnownedJob]>([])
    private let waiting = DispatchSemaphore(value: 0)

    private init(threads: Int) {
        for number in 0..<max(1, threads) {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "reportsite build \(number)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.append(job) }
        waiting.signal()
    }

    /// A thread's life: take the oldest job, run it, wait for the next.
    private func work() {
        let executor = asUnownedTaskExecutor()
        while true {
            waiting.wait()
            guard let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job.runSynchronously(on: executor)
        }
    }
}
