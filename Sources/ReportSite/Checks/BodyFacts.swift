import ReportSiteViews

/// What the link check and the search index need to know of a rendered report or region text.
///
/// Kept in the build manifest, so that an incremental build can check every link and index every
/// heading without rendering the texts that did not change.
struct BodyFacts: Sendable, Equatable {
    /// The page the text is on, relative to the site root.
    var page: String
    /// The source file and the line its body starts on, for diagnostics.
    var file: String
    var firstLine: Int
    var headings: [Heading] {
        didSet { searchDigest = Self.digest(of: headings) }
    }
    /// What the search index takes from the text, worked out once: the index's digest combines those
    /// of every text at every build.
    private(set) var searchDigest: ContentDigest
    var footnoteIDs: [String]
    var links: [MarkdownLink]
    /// Raw HTML the text holds, which the link check reports as errors.
    var rawHTML: [MarkdownRawHTML] = []
    /// Images without alt text, also errors.
    var imagesWithoutAlt: [MarkdownLink] = []

    init(page: String, file: String, firstLine: Int, headings: [Heading] = [], footnoteIDs: [String] = [], links: [MarkdownLink] = []) {
        self.page = page
        self.file = file
        self.firstLine = firstLine
        self.headings = headings
        searchDigest = Self.digest(of: headings)
        self.footnoteIDs = footnoteIDs
        self.links = links
    }

    init(_ rendered: RenderedMarkdown, page: String, file: String, firstLine: Int) {
        self.page = page
        self.file = file
        self.firstLine = firstLine
        headings = rendered.headings
        searchDigest = Self.digest(of: rendered.headings)
        footnoteIDs = rendered.footnoteIDs.sorted()
        links = rendered.links
        rawHTML = rendered.rawHTML
        imagesWithoutAlt = rendered.imagesWithoutAlt
    }

    /// Whether the link check would find the same in both: the same page, links and anchors (the
    /// text may have moved in its file).
    func hasSameLinks(as other: BodyFacts) -> Bool {
        page == other.page && links == other.links && headings == other.headings && footnoteIDs == other.footnoteIDs
            && rawHTML == other.rawHTML && imagesWithoutAlt == other.imagesWithoutAlt
    }

    private static func digest(of headings: [Heading]) -> ContentDigest {
        var digest = ContentDigest()
        for heading in headings {
            digest.combine(UInt64(heading.level))
            digest.combine(heading.id)
            digest.combine(heading.text)
        }
        return digest
    }

    /// Renders each text on all cores, for a check that makes no pages.
    static func render(inspections: [Inspection], regions: [Region]) -> [BodyFacts] {
        let inspectionRenderer = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs)
        let regionRenderer = MarkdownRenderer(reservedIDs: RegionPageView.reservedIDs)
        return inspections.concurrentMap { inspection in
            BodyFacts(inspectionRenderer.render(inspection.body.markdown), page: Routes.inspection(inspection.slug),
                      file: inspection.location.file, firstLine: inspection.bodyFirstLine)
        } + regions.concurrentMap { region in
            BodyFacts(regionRenderer.render(region.body), page: Routes.region(region.slug),
                      file: region.location.file, firstLine: region.bodyFirstLine)
        }
    }

    /// Renders the texts of files whose front matter has errors, for their links and images.
    static func render(unplaced: [UnplacedText], frameworks: [Framework]) -> [BodyFacts] {
        unplaced.map { text in
            let reserved = text.page.hasPrefix("inspections/") ? InspectionPageView.reservedIDs
                : text.page.hasPrefix("regions/") ? RegionPageView.reservedIDs
                : text.page == Routes.methodology ? ViewBuilder.methodologyReservedIDs(frameworks) : SitePageView.reservedIDs
            return BodyFacts(MarkdownRenderer(reservedIDs: reserved).render(text.body), page: text.page, file: text.file, firstLine: text.firstLine)
        }
    }

    /// Renders the texts of pages of `Content/pages/`, for a check that makes no pages.
    static func render(pages: [SitePage], frameworks: [Framework]) -> [BodyFacts] {
        pages.map { page in
            BodyFacts(MarkdownRenderer(reservedIDs: ViewBuilder.reservedIDs(of: page, frameworks: frameworks)).render(page.body),
                      page: Routes.page(page.slug), file: page.location.file, firstLine: page.bodyFirstLine)
        }
    }
}
