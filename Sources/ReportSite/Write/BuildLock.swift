import Foundation

/// One build at a time into an output folder: a lock held on the folder that contains it while the
/// build runs. A second build waits for the first to finish rather than mixing its files with the
/// first's.
///
/// The lock is the kernel's (`flock`), so it goes with the process however it ends, kill -9 included.
/// It is taken on the containing folder, which stays put while the output folder itself is swapped
/// for a new one, and it writes no file: builds into two outputs of one folder take turns.
final class BuildLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock for the output folder `output`, waiting while another process (or build of
    /// this one) holds it; `waiting` is told, once, before it waits. The wait is on a thread of its
    /// own, never one of the threads that run the builds' tasks, which the holder needs to finish.
    static func take(output: String, waiting: (String) -> Void = { _ in }) async throws(DiagnosticsError) -> BuildLock {
        let parent = StagedOutput.resolve(output).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let descriptor = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: parent.path), "cannot open the output's folder to lock it: \(String(cString: strerror(errno)))")])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return BuildLock(descriptor: descriptor) }
        waiting("another build is writing into \(parent.path); waiting for it to finish")
        let failure: Int32 = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                while flock(descriptor, LOCK_EX) != 0 {
                    if errno != EINTR { return continuation.resume(returning: errno) }
                }
                continuation.resume(returning: 0)
            }
        }
        guard failure == 0 else {
            close(descriptor)
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: parent.path), "cannot take the build lock: \(String(cString: strerror(failure)))")])
        }
        return BuildLock(descriptor: descriptor)
    }

    deinit {
        close(descriptor)
    }
}
