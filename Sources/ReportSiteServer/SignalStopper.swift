import Dispatch
import Foundation

/// Ends the preview server on SIGTERM or SIGINT (Ctrl+C) within a second, whatever it is doing.
///
/// The first signal starts a graceful stop (the server is cancelled, open pages' streams ended). A
/// build cannot be interrupted half-way and a hostile file once kept one busy for minutes, so if the
/// stop has not finished within the grace period, `cleanup` runs and the process exits.
/// An actor because its signal sources are not `Sendable`: it owns them, from `init` to `deinit`.
actor SignalStopper {
    private let sources: [DispatchSourceSignal]
    private let signals: AsyncStream<Int32>

    init(grace: Duration, cleanup: @escaping @Sendable () -> Void, log: @escaping @Sendable (String) -> Void) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        signals = stream
        let queue = DispatchQueue(label: "reportsite.signals")
        let graceMilliseconds = Int(grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000)
        sources = [SIGTERM, SIGINT].map { number in
            // The default action would end the process before the preview folder is removed.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                log("stopping")
                continuation.yield(number)
                queue.asyncAfter(deadline: .now() + .milliseconds(graceMilliseconds)) {
                    cleanup()
                    // Not exit(): the build's threads are still running, and tearing down the
                    // process's globals under them could crash or hang instead of ending.
                    _exit(0)
                }
            }
            source.resume()
            return source
        }
    }

    /// Returns when a signal arrives, or when the waiting task is cancelled.
    func waitForSignal() async {
        for await _ in signals { return }
    }

    isolated deinit {
        for source in sources { source.cancel() }
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}
