import ReportSiteViews

/// `sitemap.xml`: every page a reader should find.
enum Sitemap {
    static func render(_ sitemap: SitemapView) -> HTML {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(each: sitemap.urls, { "  <url><loc>\($0)</loc></url>\n" })</urlset>

        """
    }

    /// The sitemap protocol's index of sitemap files, for a site with more addresses than one file may list.
    static func index(_ index: SitemapIndexView) -> HTML {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(each: index.sitemaps, { "  <sitemap><loc>\($0)</loc></sitemap>\n" })</sitemapindex>

        """
    }
}
