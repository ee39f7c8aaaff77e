import ReportSiteViews

extension ViewBuilder {
    /// The sitemap protocol's limit of addresses per sitemap file.
    static let sitemapLimit = 50_000

    /// The sitemap's files: `sitemap.xml` alone when `sitemap` lists at most `limit` addresses;
    /// otherwise `sitemap.xml` as the index of `sitemap-1.xml`, `sitemap-2.xml`, … of `limit` each.
    static func sitemapFiles(_ sitemap: SitemapView, limit: Int, base: String) -> (index: SitemapIndexView?, parts: [(path: String, view: SitemapView)]) {
        guard sitemap.pages.count > limit else { return (nil, [(Routes.sitemap, sitemap)]) }
        let parts = stride(from: 0, to: sitemap.pages.count, by: limit).enumerated().map { number, start in
            (Routes.sitemapPart(number + 1), SitemapView(pages: Array(sitemap.pages[start..<min(start + limit, sitemap.pages.count)])))
        }
        return (SitemapIndexView(sitemaps: parts.map { base + $0.0 }), parts)
    }
}
