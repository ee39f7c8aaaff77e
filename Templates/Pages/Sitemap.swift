import ReportSiteViews

/// `sitemap.xml`: every page a reader should find.
enum Sitemap {
    static func render(_ sitemap: SitemapView) -> HTML {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\(if: sitemap.hasAlternates, " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"")>
        \(each: sitemap.pages, page)</urlset>

        """
    }

    /// A page, with a link to each of its counterparts in the site's languages.
    private static func page(_ page: SitemapView.Page) -> HTML {
        guard !page.alternates.isEmpty else { return "  <url><loc>\(page.url)</loc></url>\n" }
        return """
          <url>
            <loc>\(page.url)</loc>
        \(each: page.alternates, { "    <xhtml:link rel=\"alternate\" hreflang=\"\($0.language)\" href=\"\($0.url)\"/>\n" })  </url>

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
