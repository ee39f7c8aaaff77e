/// Fans reload events out to every open page's event stream.
actor ReloadHub {
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    /// How many reloads have been sent: a page that comes back from the browser's back/forward cache
    /// (where its connection was closed) compares it with the number it last saw, and reloads if a
    /// reload was sent meanwhile.
    private var reloads = 0

    /// A stream of Server-Sent Events text for one client, and its id for `unsubscribe`. The stream
    /// starts with a `version` event: the number of reloads sent so far.
    func subscribe() -> (id: Int, events: AsyncStream<String>) {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield("event: version\ndata: \(reloads)\n\n")
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
        reloads += 1
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
