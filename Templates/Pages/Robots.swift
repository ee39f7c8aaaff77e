import ReportSiteViews

/// `robots.txt`: plain text, not markup, so the sitemap's address goes in as it is.
enum Robots {
    static func render(_ robots: RobotsView) -> String {
        """
        User-agent: *
        Allow: /

        Sitemap: \(robots.sitemapURL)

        """
    }
}
