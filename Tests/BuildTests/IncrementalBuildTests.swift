import Foundation
import Testing
@testable import ReportSite
import ReportSiteViews
import Templates
import ReportSiteTestSupport

/// An incremental build must make exactly the site a clean build makes. The comparison after each
/// kind of edit is `EditAndCompareTests`; here, what is not an edit of the sources: a file removed
/// from the output, other templates, a build that fails.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    @Test func aFileRemovedFromTheOutputIsMadeAgain() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        _ = try await builder.build()
        let gone = ["inspections/essex-south-2024/index.html", Routes.searchText("essex-south-2024"), "regions/london/index.html"]
        for path in gone { try FileManager.default.removeItem(at: output.appendingPathComponent(path)) }
        let rebuilt = try await builder.build()
        #expect(Set(gone).isSubset(of: Set(rebuilt.written)), "\(rebuilt.written)")
        for path in gone { #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)") }
    }

    /// A text's links are checked again, though the text did not change, when a page or anchor it
    /// links to goes: the build fails and leaves the last good site.
    @Test(arguments: BuildStoreKind.allCases)
    func anUnchangedTextsLinkToAnAnchorAnotherEditTookAwayFailsTheBuild(_ store: BuildStoreKind) async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let linking = content.appendingPathComponent("inspections/bedfordshire-2024.md")
        try TestPaths.write(try TestPaths.read(linking) + "\nSee [Essex South's foreword](../essex-south-2024/index.html#foreword).\n", to: linking)
        var builds = SiteBuilds(store: store, content: content, templates: templates, output: output)
        _ = try await builds.build()
        let before = try SiteFolder.snapshot(output)

        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        try SiteFolder.edit(essex, replacing: "## Foreword", with: "## Preface")
        do {
            _ = try await builds.build()
            Issue.record("the link to an anchor taken away was not reported (\(store))")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("names an anchor '#foreword'") && $0.location.file == linking.path },
                    "\(error.diagnostics.map(\.message))")
        }
        #expect(try SiteFolder.snapshot(output) == before)

        // The heading back under another name, and the link following it: the site is a clean build's.
        try SiteFolder.edit(linking, replacing: "#foreword", with: "#preface")
        _ = try await builds.build()
        let clean = folder.appendingPathComponent("Clean")
        _ = try await builds.clean(into: clean)
        #expect(try SiteFolder.snapshot(output) == SiteFolder.snapshot(clean))
    }

    /// The site's templates with one wording added, as a template edited and compiled again.
    struct EditedLook: PageTemplates {
        let site = SiteTemplates()
        let identity = "edited look 1"
        func home(_ page: HomePageView) -> HTML { site.home(page) }
        func inspection(_ page: InspectionPageView) -> HTML {
            "\(site.inspection(page))<!-- All inspections of this PDU -->\n"
        }
        func print(_ page: PrintPageView) -> HTML { site.print(page) }
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
        func robots(_ robots: RobotsView) -> String { site.robots(robots) }
        func buildFailed(_ page: BuildFailedView) -> HTML { site.buildFailed(page) }
        func rebuilding(_ page: RebuildingView) -> HTML { site.rebuilding(page) }
    }

    /// Compiled templates are part of the binary: other templates (a rebuilt binary, or here another
    /// look in the same one) remake every page, and the output is what a clean build with them makes.
    @Test func otherTemplatesRemakeEveryPage() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path)).build()
        let edited = SiteBuilder.Options(templates: EditedLook(), content: content.path, templatesFolder: templates.path, output: output.path)
        let rebuilt = try await SiteBuilder(options: edited).build()
        #expect(rebuilt.pages.allSatisfy(rebuilt.written.contains), "pages kept from the other look")
        var cleanOptions = edited
        cleanOptions.output = folder.appendingPathComponent("Clean").path
        _ = try await SiteBuilder(options: cleanOptions).build()
        #expect(try SiteFolder.snapshot(output) == SiteFolder.snapshot(URL(fileURLWithPath: cleanOptions.output)))
        let essexNorth = try TestPaths.read(output.appendingPathComponent("inspections/essex-north-2022/index.html"))
        #expect(essexNorth.contains("All inspections of this PDU"))
    }

    @Test func aFailedIncrementalBuildChangesNothing() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        _ = try await builder.build()
        let before = try SiteFolder.snapshot(output)

        // A link to a page that does not exist is found only once the text is rendered, after the
        // other pages are made: the output must still be the last good site.
        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        try TestPaths.write(try TestPaths.read(essex) + "\nSee [nowhere](../no-such-report/index.html).\n", to: essex)
        await #expect(throws: DiagnosticsError.self) { try await builder.build() }
        #expect(try SiteFolder.snapshot(output) == before)
        #expect(try SiteFolder.leftovers(in: folder).isEmpty)
    }
}

/// Pages whose size would otherwise grow with the years a site covers.
@Suite("Pages at scale")
struct PagesAtScaleTests {
    /// Alpha PDU inspected `count` times, a year apart (2001, 2002, ...).
    static func alphaInspectedYearly(_ count: Int, in folder: URL) throws -> URL {
        let content = try SiteFolder.makeContent(in: folder)
        for year in 1...count {
            let text = TestContent.alphaInspection.replacingOccurrences(
                of: "framework: pdu-2023\n", with: "framework: pdu-2023\npublished: \(2000 + year)-05-01\n")
            try TestPaths.write(text, to: content.appendingPathComponent("inspections/alpha-\(2000 + year).md"))
        }
        try FileManager.default.removeItem(at: content.appendingPathComponent("inspections/alpha-2024.md"))
        return content
    }

    @Test func aReportListsItsNearestInspectionsAndLinksToThePDUForTheRest() async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.alphaInspectedYearly(10, in: folder)
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()

        let page = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2005/index.html"))
        let history = try #require(page.range(of: "<ol class=\"history\">").map { page[$0.upperBound...] }?.components(separatedBy: "</ol>").first)
        let listed = LinkChecker.matches(#"inspections/(alpha-\d{4})/index\.html"#, in: String(history), groups: 1).map { $0[0] }
        // 2005 in the middle of 2002 ... 2008: three either side, and itself unlinked.
        #expect(listed == ["alpha-2002", "alpha-2003", "alpha-2004", "alpha-2006", "alpha-2007", "alpha-2008"])
        #expect(history.contains("aria-current=\"page\""))
        #expect(page.contains("all Alpha inspections</a> (3 more)"))
        #expect(page.contains("href=\"../../pdus/alpha/index.html\">all Alpha inspections"))

        let pduPage = try TestPaths.read(output.appendingPathComponent("pdus/alpha/index.html"))
        for year in 2001...2010 { #expect(pduPage.contains("inspections/alpha-\(year)/index.html")) }
    }

    @Test func theHomePageShowsEachPDUOncePerProgramme() async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.alphaInspectedYearly(4, in: folder)
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let home = try TestPaths.read(output.appendingPathComponent("index.html"))
        #expect(home.contains("inspections/alpha-2004/index.html"))
        for year in 2001...2003 { #expect(!home.contains("inspections/alpha-\(year)/index.html"), "\(year) is listed") }
    }
}
