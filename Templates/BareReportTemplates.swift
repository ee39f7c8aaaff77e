import ReportSiteViews

/// The site's templates with a report's page and its print version cut to the title and the body:
/// for the benchmark alone (`build --bare-report-pages`), which times a build without the report
/// pages' template work beside the full one, from the same binary.
public struct BareReportTemplates: PageTemplates {
    let site = SiteTemplates()
    public let identity = "reportsite templates, report pages bare (benchmark)"

    public init() {}

    public func inspection(_ page: InspectionPageView) -> HTML {
        "<!DOCTYPE html><title>\(page.title)</title>\(page.bodyHTML)\n"
    }

    public func print(_ view: PrintPageView) -> HTML {
        "<!DOCTYPE html><title>\(view.page.title)</title>\(view.page.bodyHTML)\n"
    }

    public func home(_ page: HomePageView) -> HTML { site.home(page) }
    public func region(_ page: RegionPageView) -> HTML { site.region(page) }
    public func pdu(_ page: PDUPageView) -> HTML { site.pdu(page) }
    public func regions(_ page: RegionsIndexView) -> HTML { site.regions(page) }
    public func pdus(_ page: PDUsIndexView) -> HTML { site.pdus(page) }
    public func glossary(_ page: GlossaryPageView) -> HTML { site.glossary(page) }
    public func methodology(_ page: MethodologyPageView) -> HTML { site.methodology(page) }
    public func search(_ page: SearchPageView) -> HTML { site.search(page) }
    public func page(_ page: SitePageView) -> HTML { site.page(page) }
    public func notFound(_ page: NotFoundView) -> HTML { site.notFound(page) }
    public func feed(_ feed: FeedView) -> HTML { site.feed(feed) }
    public func sitemap(_ sitemap: SitemapView) -> HTML { site.sitemap(sitemap) }
    public func sitemapIndex(_ index: SitemapIndexView) -> HTML { site.sitemapIndex(index) }
    public func robots(_ robots: RobotsView) -> String { site.robots(robots) }
    public func buildFailed(_ page: BuildFailedView) -> HTML { site.buildFailed(page) }
    public func rebuilding(_ page: RebuildingView) -> HTML { site.rebuilding(page) }
}
