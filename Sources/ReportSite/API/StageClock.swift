import Foundation

/// How long each stage of a build took, in the order they ran: what `build --timings` prints, so
/// that a slow build says where its time went.
public struct StageClock: Sendable {
    /// Each stage's name and its wall-clock seconds.
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var last = Date()

    public init() {}

    /// Ends the stage running since the last mark (or since the clock was made), naming it.
    mutating func mark(_ name: String) {
        let now = Date()
        stages.append((name, now.timeIntervalSince(last)))
        last = now
    }
}
