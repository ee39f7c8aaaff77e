/// Fans reload events out to every open page's event stream.
actor ReloadHub {
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    /// A stream of Server-Sent Events text for one client, and its id for `unsubscribe`.
    func subscribe() -> (id: Int, events: AsyncStream<String>) {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        subscribers[id] = continuation
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    var count: Int { subscribers.count }

    /// Ends every stream, so that the server's shutdown need not wait for open pages to close.
    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// Tells every page to reload; `data` says what changed.
    func reload(_ data: String) {
        let line = data.replacingOccurrences(of: "\n", with: " ")
        send("event: reload\ndata: \(line)\n\n")
    }

    /// A comment line that keeps idle connections open through proxies and reveals closed ones.
    func heartbeat() {
        send(": ping\n\n")
    }

    private func send(_ text: String) {
        for continuation in subscribers.values { continuation.yield(text) }
    }
}
