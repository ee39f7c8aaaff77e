import ReportSite

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
