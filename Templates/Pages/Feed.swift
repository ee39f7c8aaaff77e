import ReportSiteViews

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
