import ReportSite
import Templates

/// The site's templates with a report's page and its print version cut to the title and the body:
/// for the benchmark alone (`build --bare-report-pages`), which times a build without the report
/// pages' template work beside the full one, from the same binary.
struct BareReportTemplates: PageTemplates {
    let site = SiteTemplates()
    let identity = "reportsite templates, report pages bare (benchmark)"

    func inspection(_ page: InspectionPageView) -> HTML {
        "<!DOCTYPE html><title>\(page.title)</title>\(trusted: page.bodyHTML)\n"
    }

    func print(_ view: PrintPageView) -> HTML {
        "<!DOCTYPE html><title>\(view.page.title)</title>\(trusted: view.page.bodyHTML)\n"
    }

    func home(_ page: HomePageView) -> HTML { site.home(page) }
    func region(_ page: RegionPageView) -> HTML { site.region(page) }
    func pdu(_ page: PDUPageView) -> HTML { site.pdu(page) }
    func regions(_ page: RegionsIndexView) -> HTML { site.regions(page) }
    func pdus(_ page: PDUsIndexView) -> HTML { site.pdus(page) }
    func glossary(_ page: GlossaryPageView) -> HTML { site.glossary(page) }
    func methodology(_ page: MethodologyPageView) -> HTML { site.methodology(page) }
    func search(_ page: SearchPageView) -> HTML { site.search(page) }
    func page(_ page: SitePageView) -> HTML { site.page(page) }
    func notFound(_ page: NotFoundView) -> HTML { site.notFound(page) }
    func feed(_ feed: FeedView) -> HTML { site.feed(feed) }
    func sitemap(_ sitemap: SitemapView) -> HTML { site.sitemap(sitemap) }
    func sitemapIndex(_ index: SitemapIndexView) -> HTML { site.sitemapIndex(index) }
    func robots(_ robots: RobotsView) -> HTML { site.robots(robots) }
}
