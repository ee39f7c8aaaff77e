import Foundation
import ReportSiteViews

extension ViewBuilder {
    /// A feed reader wants what is new, not the archive: a feed of every report of a large site would
    /// be megabytes, fetched again and again. The sitemap and the indexes list them all.
    static let feedLength = 100

    /// The `feedLength` newest inspections with a publication date, newest first (a feed entry needs a date).
    func feed() -> FeedView {
        let base = graph.settings.baseURL
        let entries = graph.inspections.lazy.filter { $0.published != nil }.prefix(Self.feedLength).map { inspection in
            FeedView.Entry(
                title: "\(shortTitle(inspection)): \(inspection.overall.map { rating($0).name } ?? text[.ratingsOverallNotPublished].text)",
                url: Routes.canonical(language.folder + Routes.inspection(inspection.slug), base: base),
                updated: Self.timestamp(inspection.published!),
                summary: inspection.summary ?? inspection.title)
        }
        return FeedView(title: text[.layoutFeedLinkTitle, ("site", graph.settings.title)].text, siteTitle: graph.settings.title, siteURL: base + language.folder,
                        feedURL: base + language.folder + Routes.feed, updated: entries.first?.updated ?? "1970-01-01T00:00:00Z",
                        entries: Array(entries))
    }

    /// Canonical URLs of the pages a reader should find: not the 404 page, not print versions.
    func sitemap() -> SitemapView {
        let base = graph.settings.baseURL
        var paths = [Routes.home, Routes.regions, Routes.pdus, Routes.search, Routes.glossary, Routes.methodology]
        paths += graph.inspections.map { Routes.inspection($0.slug) }
        paths += graph.regions.map { Routes.region($0.slug) }
        paths += graph.pdus.keys.sorted().map { Routes.pdu($0) }
        paths += graph.pages.map { Routes.page($0.slug) }
        guard graph.texts.count > 1 else { return SitemapView(pages: paths.map { .init(url: Routes.canonical($0, base: base)) }) }
        // Every page in every language, each listing all of its counterparts (itself among them).
        let languages = SiteLanguage.all(of: graph)
        return SitemapView(pages: languages.flatMap { language in
            paths.map { path in
                SitemapView.Page(url: Routes.canonical(language.folder + path, base: base), alternates: languages.map {
                    ($0.text.htmlLanguage, Routes.canonical($0.folder + path, base: base))
                })
            }
        })
    }

    func robots() -> RobotsView {
        RobotsView(sitemapURL: graph.settings.baseURL + Routes.sitemap)
    }

    /// RFC 3339 at midnight UTC; a month or a year counts from its first day.
    static func timestamp(_ date: PartialDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }
}
