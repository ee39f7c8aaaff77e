import Hummingbird
import NIOCore

/// The request context of the preview server: Hummingbird's basic one, plus the connection's
/// channel, so that a live-reload stream learns the moment its client goes away.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection; its `closeFuture` completes when the client disconnects.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Tells when a connection's client has gone: its input closed (the server allows half-closed
/// connections, so the channel itself stays open while a response streams) or the channel ended.
///
/// Put first in the connection's pipeline, where the socket's end of input arrives before any
/// HTTP handling; everything passes through unchanged.
final class DisconnectWatcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny
    // Called on the channel's event loop; set once in init.
    private let onDisconnect: @Sendable () -> Void

    init(onDisconnect: @escaping @Sendable () -> Void) {
        self.onDisconnect = onDisconnect
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { onDisconnect() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        onDisconnect()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }
}
