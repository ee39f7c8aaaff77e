/// A public document figures come from: its title, and its address when it has one.
public struct SourceView: Sendable, Hashable {
    public var title: String
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
