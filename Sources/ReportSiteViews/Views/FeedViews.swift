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
    public var urls: [String]

    public init(urls: [String]) {
        self.urls = urls
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
public struct RobotsView: Sendable {
    public var sitemapURL: String

    public init(sitemapURL: String) {
        self.sitemapURL = sitemapURL
    }
}

