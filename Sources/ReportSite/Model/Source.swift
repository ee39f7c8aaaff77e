/// A public document a reader can find: its name, and its web address where it has one.
///
/// Working notes (how a figure was worked out, which local file it came from) are not sources: they
/// go in a file's `notes:`, which is never published.
struct Source: Sendable, Hashable {
    var title: String
    var url: String?

    init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
