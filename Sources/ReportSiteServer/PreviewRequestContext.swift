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
