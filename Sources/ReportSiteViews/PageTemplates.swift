/// The look of the site: one page of each kind made from its view. The `Templates` target implements
/// it in compiled Swift, seeing only this module; the command line hands that implementation to
/// `SiteBuilder`, so the pipeline never depends on the look (in the spirit of Publish's `HTMLFactory`).
public protocol PageTemplates: Sendable {
    /// Names the templates and their version. The compiled templates are part of the binary, whose
    /// identity already goes into every page's fingerprint; this tells apart two looks in one binary
    /// (a test's, the site's), so that a page made by one is never kept for the other.
    var identity: String { get }

    func home(_ page: HomePageView) -> HTML
    func inspection(_ page: InspectionPageView) -> HTML
    /// The printable version of an inspection: one self-contained page, also the source of its PDF.
    func print(_ page: PrintPageView) -> HTML
    func region(_ page: RegionPageView) -> HTML
    func pdu(_ page: PDUPageView) -> HTML
    func regions(_ page: RegionsIndexView) -> HTML
    func pdus(_ page: PDUsIndexView) -> HTML
    func glossary(_ page: GlossaryPageView) -> HTML
    /// How scores and ratings work, from the framework files.
    func methodology(_ page: MethodologyPageView) -> HTML
    func search(_ page: SearchPageView) -> HTML
    /// A page of the site's own, from `Content/pages/`.
    func page(_ page: SitePageView) -> HTML
    func notFound(_ page: NotFoundView) -> HTML
    /// The Atom feed (XML: `HTML`'s escaping is right for it too).
    func feed(_ feed: FeedView) -> HTML
    /// `sitemap.xml`.
    func sitemap(_ sitemap: SitemapView) -> HTML
    /// `sitemap.xml` as the index of the sitemap files, when the site has more addresses than one may list.
    func sitemapIndex(_ index: SitemapIndexView) -> HTML
    /// `robots.txt`: plain text, not markup, so a `String` (the sitemap's address goes in as it is).
    func robots(_ robots: RobotsView) -> String
    /// The preview's page in place of the site while the content or a template has errors.
    func buildFailed(_ page: BuildFailedView) -> HTML
    /// The preview's page while the binary is being built again after a template changed.
    func rebuilding(_ page: RebuildingView) -> HTML
}

