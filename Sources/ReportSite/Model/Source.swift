/// A public document a reader can find: its name, and its web address where it has one.
///
/// Working notes (how a figure was worked out, which local file it came from) are not sources: they
/// go in a file's `notes:`, which is never published.
public struct Source: Sendable, Hashable {
    public var title: String
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
