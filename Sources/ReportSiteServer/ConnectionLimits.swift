import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// What a connection to the preview server may hold, and for how long.
///
/// Without these, a client that opened connections and sent half a request kept a descriptor each
/// for as long as it liked, and a request whose path or headers ran to megabytes was neither read
/// nor closed. A connection is in one of two states:
/// - waiting for a request's head (just opened, or its last answer sent): it may stay silent for
///   `idleTimeout`; once the first byte of a head arrives, the whole head must arrive within
///   `headerTimeout` and hold at most `maximumHeadBytes` (else the connection gets 431 and is closed);
/// - answering a request: no limit, as a live-reload stream stays open for as long as its page.
/// At most `maximumWaiting` connections wait for a head at once: a new one closes the one that has
/// waited longest, so a flood of silent connections cannot keep a browser's requests out. And at most
/// `maximumConnections` are open at all; beyond that, new ones wait in the listening queue.
package struct ConnectionLimits: Sendable {
    package var headerTimeout: TimeAmount = .seconds(10)
    package var idleTimeout: TimeAmount = .seconds(15)
    package var maximumHeadBytes = 64 * 1024
    package var maximumWaiting = 256
    package var maximumConnections = 1_024

    package init() {}

    /// The HTTP/1.1 server of Hummingbird with these limits around each connection.
    func server() -> HTTPServerBuilder {
        let waiting = WaitingConnections()
        return HTTPServerBuilder { responder in
            LimitedHTTP1Channel(inner: HTTP1Channel(responder: responder), limits: self, waiting: waiting)
        }
    }
}

/// Hummingbird's HTTP/1.1 channel, with a handler at each end of the HTTP decoder that enforces the limits.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let limits: ConnectionLimits
    let waiting: WaitingConnections

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits, waiting = self.waiting
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let watch = ConnectionWatch(channel: channel, limits: limits, waiting: waiting)
            try pipeline.addHandler(HeadBytesHandler(watch: watch), position: .first)
            let decoder = try pipeline.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(RequestPartsHandler(watch: watch), position: .after(decoder.handler))
            // Set up on a connection already active, the idle timeout starts now (else at channelActive).
            watch.waitForHead()
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// The connections waiting for a request's head, oldest first, so that the oldest can be closed
/// when too many wait.
final class WaitingConnections: Sendable {
    private struct State {
        var next = 0
        var channels: [Int: any Channel] = [:]
    }

    private let state = Mutex(State())

    /// Adds `channel`; returns its number, and closes the connection that has waited longest when
    /// more than `limit` wait.
    func add(_ channel: any Channel, limit: Int) -> Int {
        let (number, evicted) = state.withLock { state -> (Int, (any Channel)?) in
            state.next += 1
            state.channels[state.next] = channel
            guard state.channels.count > limit, let oldest = state.channels.keys.min() else { return (state.next, nil) }
            return (state.next, state.channels.removeValue(forKey: oldest))
        }
        evicted?.close(promise: nil)
        return number
    }

    func remove(_ number: Int) {
        _ = state.withLock { $0.channels.removeValue(forKey: number) }
    }

    var count: Int { state.withLock { $0.channels.count } }
}

/// One connection's state, shared by its two handlers on the connection's event loop.
final class ConnectionWatch {
    let channel: any Channel
    let limits: ConnectionLimits
    let waiting: WaitingConnections
    /// Requests whose head has been read, and answers sent in full.
    var heads = 0, answers = 0
    /// Bytes received since the connection last waited for a head.
    var headBytes = 0
    private var timer: Scheduled<Void>?
    /// The connection's number among those waiting, while it waits.
    private var waitingNumber: Int?
    var isWaitingForHead: Bool { heads == answers }

    init(channel: any Channel, limits: ConnectionLimits, waiting: WaitingConnections) {
        self.channel = channel
        self.limits = limits
        self.waiting = waiting
    }

    /// Opened, or an answer sent with no request after it read yet: the idle timeout runs.
    func waitForHead() {
        guard isWaitingForHead, channel.isActive else { return }
        headBytes = 0
        restart(limits.idleTimeout)
        if waitingNumber == nil { waitingNumber = waiting.add(channel, limit: limits.maximumWaiting) }
    }

    /// The first bytes of a head arrived: the header timeout runs instead.
    func headStarted() { restart(limits.headerTimeout) }

    /// A head was read whole: no timeout while the request is answered.
    func headRead() {
        heads += 1
        headBytes = 0
        stop()
    }

    func stop() {
        timer?.cancel()
        timer = nil
        if let number = waitingNumber { waiting.remove(number) }
        waitingNumber = nil
    }

    private func restart(_ timeout: TimeAmount) {
        timer?.cancel()
        let channel = self.channel
        timer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}

/// First in the pipeline: counts the bytes of a head before the decoder holds them, starts the
/// header timeout at the first, and answers 431 and closes the connection past the limit.
final class HeadBytesHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let watch: ConnectionWatch
    private var closed = false

    init(watch: ConnectionWatch) { self.watch = watch }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closed else { return }
        if watch.isWaitingForHead {
            let bytes = unwrapInboundIn(data).readableBytes
            if watch.headBytes == 0, bytes > 0 { watch.headStarted() }
            watch.headBytes += bytes
            if watch.headBytes > watch.limits.maximumHeadBytes {
                // Read no more of it: answer, and close once the answer is out.
                closed = true
                watch.stop()
                let answer = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                let channel = context.channel
                context.writeAndFlush(NIOAny(ByteBuffer(string: answer))).whenComplete { _ in channel.close(promise: nil) }
                return
            }
        }
        context.fireChannelRead(data)
    }

    /// The pipeline is set up before the connection is active: the idle timeout starts here.
    func channelActive(context: ChannelHandlerContext) {
        watch.waitForHead()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        watch.stop()
        context.fireChannelInactive()
    }
}

/// After the HTTP decoder: notes each request's head read and each answer's end written.
final class RequestPartsHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart
    private let watch: ConnectionWatch

    init(watch: ConnectionWatch) { self.watch = watch }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { watch.headRead() }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            watch.answers += 1
            watch.waitForHead()
        }
        context.write(data, promise: promise)
    }
}
