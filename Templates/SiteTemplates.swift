import ReportSiteViews

/// The site's look, compiled: each page kind made by its own function in `Pages/`, from the small
/// shared pieces in `Pieces/`. Text goes into the markup through `HTML`'s interpolation, escaped; the
/// one markup made elsewhere is the rendered Markdown of a text, which the views hold as `HTML`.
public struct SiteTemplates: PageTemplates {
    /// Tells this look from another in the same binary (a test's, the benchmark's): a new binary already
    /// remakes every page, its size and date being in every page's fingerprint.
    public let identity = "reportsite templates 1"

    public init() {}

    public func home(_ page: HomePageView) -> HTML { HomePage.render(page) }
    public func inspection(_ page: InspectionPageView) -> HTML { InspectionPage.render(page) }
    public func print(_ page: PrintPageView) -> HTML { PrintPage.render(page) }
    public func region(_ page: RegionPageView) -> HTML { RegionPage.render(page) }
    public func pdu(_ page: PDUPageView) -> HTML { PDUPage.render(page) }
    public func regions(_ page: RegionsIndexView) -> HTML { ListPages.regions(page) }
    public func pdus(_ page: PDUsIndexView) -> HTML { ListPages.pdus(page) }
    public func glossary(_ page: GlossaryPageView) -> HTML { GlossaryPage.render(page) }
    public func methodology(_ page: MethodologyPageView) -> HTML { MethodologyPage.render(page) }
    public func search(_ page: SearchPageView) -> HTML { SearchPage.render(page) }
    public func page(_ page: SitePageView) -> HTML { SitePageTemplate.render(page) }
    public func notFound(_ page: NotFoundView) -> HTML { NotFoundPage.render(page) }
    public func feed(_ feed: FeedView) -> HTML { Feed.render(feed) }
    public func sitemap(_ sitemap: SitemapView) -> HTML { Sitemap.render(sitemap) }
    public func sitemapIndex(_ index: SitemapIndexView) -> HTML { Sitemap.index(index) }
    public func robots(_ robots: RobotsView) -> String { Robots.render(robots) }
    public func buildFailed(_ page: BuildFailedView) -> HTML { BuildFailedPage.render(page) }
    public func rebuilding(_ page: RebuildingView) -> HTML { RebuildingPage.render(page) }
}
