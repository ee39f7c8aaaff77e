import ReportSite

/// The Atom feed. XML: `HTML`'s escaping (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`) is valid XML.
enum Feed {
    static func render(_ feed: FeedView) -> HTML {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(feed.title)</title>
          <id>\(feed.feedURL)</id>
          <link rel="self" type="application/atom+xml" href="\(feed.feedURL)"/>
          <link rel="alternate" type="text/html" href="\(feed.siteURL)"/>
          <updated>\(feed.updated)</updated>
          <author><name>\(feed.siteTitle)</name></author>
        \(each: feed.entries, entry)</feed>

        """
    }

    private static func entry(_ entry: FeedView.Entry) -> HTML {
        """
          <entry>
            <title>\(entry.title)</title>
            <id>\(entry.url)</id>
            <link rel="alternate" type="text/html" href="\(entry.url)"/>
            <updated>\(entry.updated)</updated>
            <summary>\(entry.summary)</summary>
          </entry>

        """
    }
}

/// `sitemap.xml`: every page a reader should find.
enum Sitemap {
    static func render(_ sitemap: SitemapView) -> HTML {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(each: sitemap.urls, { "  <url><loc>\($0)</loc></url>\n" })</urlset>

        """
    }
}

/// `robots.txt`: plain text, so the sitemap's address goes in as it is.
enum Robots {
    static func render(_ robots: RobotsView) -> HTML {
        """
        User-agent: *
        Allow: /

        Sitemap: \(trusted: robots.sitemapURL)

        """
    }
}
