import Dispatch

/// Where a build runs: threads of its own, outside Swift's cooperative pool.
///
/// The build's stages are CPU-bound, and several spread one loop over every core with
/// `concurrentMap`, which blocks the calling thread until the loop is done. On the cooperative pool
/// (one thread per core, shared by every task of the process) that would starve the preview
/// server's requests and its watcher for as long as a build runs. `SiteBuilder` therefore runs
/// every build with this executor as its task executor preference: the build's tasks, and the task
/// groups they start, run on Dispatch's global queue, whose threads may block.
final class BuildExecutor: TaskExecutor {
    static let shared = BuildExecutor()

    private let queue = DispatchQueue.global(qos: .userInitiated)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
