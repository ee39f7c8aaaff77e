/// The Atom feed of published inspections, newest first.
public struct FeedView: Sendable {
    public struct Entry: Sendable {
        public var title: String
        public var url: String
        public var updated: String
        public var summary: String

        public init(title: String, url: String, updated: String, summary: String) {
            self.title = title
            self.url = url
            self.updated = updated
            self.summary = summary
        }
    }

    public var title: String
    public var siteTitle: String
    public var siteURL: String
    public var feedURL: String
    public var updated: String
    public var entries: [Entry]

    public init(title: String, siteTitle: String, siteURL: String, feedURL: String, updated: String, entries: [Entry]) {
        self.title = title
        self.siteTitle = siteTitle
        self.siteURL = siteURL
        self.feedURL = feedURL
        self.updated = updated
        self.entries = entries
    }
}

/// `sitemap.xml`: every published page's canonical URL.
public struct SitemapView: Sendable {
    /// A page's address, with its counterparts in every language of the site (itself among them)
    /// on a site of more than one.
    public struct Page: Sendable {
        public var url: String
        public var alternates: [(language: String, url: String)]

        public init(url: String, alternates: [(language: String, url: String)] = []) {
            self.url = url
            self.alternates = alternates
        }
    }

    public var pages: [Page]
    /// Whether any page has alternates, for which the file declares the `xhtml` namespace.
    public var hasAlternates: Bool { pages.contains { !$0.alternates.isEmpty } }

    public init(pages: [Page]) {
        self.pages = pages
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
public struct RobotsView: Sendable {
    public var sitemapURL: String

    public init(sitemapURL: String) {
        self.sitemapURL = sitemapURL
    }
}

