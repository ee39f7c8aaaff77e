/// `sitemap.xml` when the site has more addresses than one sitemap may list: the sitemap protocol's
/// index, naming the sitemap files (`sitemap-1.xml`, …) that hold them.
public struct SitemapIndexView: Sendable {
    /// The sitemap files' addresses, in order.
    public var sitemaps: [String]

    public init(sitemaps: [String]) {
        self.sitemaps = sitemaps
    }
}
