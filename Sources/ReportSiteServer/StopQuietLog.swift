import Foundation
import Logging

/// The server's log, silent once a stop was asked for (Ctrl+C, SIGTERM). A stop cuts the open
/// connections and any build short on purpose; what the server library then logs about it (a wait
/// cancelled, a channel already closed) is no failure, and printed as errors it read like one.
final class StopQuietLog: Sendable {
    private let stopped = NSLock()
    nonisolated(unsafe) private var isStopped = false

    func stop() { stopped.withLock { isStopped = true } }
    var isQuiet: Bool { stopped.withLock { isStopped } }

    /// A logger that writes where `Logger(label:)` does, until `stop()`; at the level `LOG_LEVEL`
    /// names, if any, as the server's own default logger would be.
    func logger(label: String) -> Logger {
        let inner = Logger(label: label).handler
        var logger = Logger(label: label) { _ in Handler(inner: inner, log: self) }
        if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logger.logLevel = level
        }
        return logger
    }

    struct Handler: LogHandler {
        var inner: any LogHandler
        let log: StopQuietLog

        var metadata: Logger.Metadata {
            get { inner.metadata }
            set { inner.metadata = newValue }
        }

        var logLevel: Logger.Level {
            get { inner.logLevel }
            set { inner.logLevel = newValue }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { inner[metadataKey: key] }
            set { inner[metadataKey: key] = newValue }
        }

        func log(event: LogEvent) {
            guard !log.isQuiet else { return }
            inner.log(event: event)
        }
    }
}
