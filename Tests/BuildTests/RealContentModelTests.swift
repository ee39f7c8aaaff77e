import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The real content's build checked against the content as the library loads it (internals the
/// end-to-end tests, which read the HTML alone, do not see); one build shared with them.
@Suite("The real content's pages against its model", .serialized)
struct RealContentModelTests {
    static var site: Task<(URL, SiteBuilder.Report), any Error> { RealContentBuild.site }

    static func page(_ path: String) async throws -> String {
        try await RealContentBuild.page(path)
    }

    static func folded(_ html: String) -> String {
        RealContentBuild.folded(html)
    }

    @Test func makesAPageForEveryInspectionRegionAndPDU() async throws {
        let (output, report) = try await Self.site.value
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let files = LinkChecker.allFiles(output)
        let inspectionPages = files.filter { $0.hasPrefix("inspections/") && $0.hasSuffix("/index.html") }
        let regionPages = files.filter { $0.hasPrefix("regions/") && $0 != "regions/index.html" }
        let pduPages = files.filter { $0.hasPrefix("pdus/") && $0 != "pdus/index.html" }
        #expect(files.contains("index.html"))
        #expect(files.contains("404.html"))
        // The stylesheet's name carries a digest of its contents, and every page links to that name.
        let stylesheet = try #require(files.first { $0.hasPrefix("css/site.") && $0.hasSuffix(".css") })
        #expect(stylesheet.range(of: #"^css/site\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil, "\(stylesheet)")
        #expect(!files.contains("css/site.css"))
        #expect(inspectionPages.count >= 79)
        #expect(inspectionPages.count == content.inspections.filter { !$0.draft }.count)
        #expect(regionPages.count == 12)
        #expect(pduPages.count == content.regions.map(\.pdus.count).reduce(0, +))
        let printPages = files.filter { $0.hasPrefix("inspections/") && $0.hasSuffix("/print.html") }
        #expect(printPages.count == inspectionPages.count)
        // Home, the lists of regions and PDUs, search, glossary, how scores work and the 404 page, and
        // the pages of pages/ but the methodology text, which opens how scores work.
        let sitePages = content.pages.filter { !$0.draft && !$0.isMethodology }
        #expect(sitePages.count >= 3)
        #expect(sitePages.allSatisfy { files.contains(Routes.page($0.slug)) })
        // In each of the site's languages.
        let languages = try #require(content.settings?.languages.count)
        #expect(report.pages.count == (inspectionPages.count + printPages.count + regionPages.count + pduPages.count + 7 + sitePages.count) * languages)
    }

    /// The methodology page is made from the framework files, and every score links to it.
    @Test func howScoresWorkComesFromTheFrameworksAndEveryScoreLinksThere() async throws {
        let html = Self.folded(try await Self.page(Routes.methodology))
        let section = try #require(html.components(separatedBy: "<section id=\"programme-pdu-2023\"").dropFirst().first)
        // The bands the 2023 framework file publishes, and no more.
        #expect(section.contains("<tr><td>0–3</td><td><span class=\"rating rating-inadequate\">Inadequate</span></td></tr>"), "\(section.prefix(3000))")
        #expect(section.contains("<tr><td>4–6</td><td><span class=\"rating rating-requires-improvement\">Requires improvement</span></td></tr>"))
        #expect(section.contains("Scores of 7–21: the Inspectorate has published no band for them"))
        #expect(section.contains("The score is out of 21."))
        for band in ["under 50%", "50% to under 65%", "65% to under 80%", "80% or more"] {
            #expect(section.contains("<tr><td>\(band)</td>"), "\(band)")
        }
        #expect(section.contains("<tr><td><span class=\"rating rating-outstanding\">Outstanding</span></td><td>3</td></tr>"))
        // The 2021–23 programme scored out of 27, or 24 where a standard was not rated.
        #expect(html.contains("The score is out of 27 (24 where a standard was not rated)."))

        let (output, _) = try await Self.site.value
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        for inspection in content.inspections where inspection.score != nil {
            let page = try TestPaths.read(output.appendingPathComponent(Routes.inspection(inspection.slug)))
            #expect(page.contains("<a href=\"../../methodology/index.html#programme-\(inspection.frameworkID)\">How scores and ratings work</a>"),
                    "\(inspection.slug)")
        }
        let home = try await Self.page(Routes.home)
        #expect(home.contains("<a class=\"caption-link\" href=\"methodology/index.html#programme-pdu-2023\">How scores and ratings work</a>"))
    }
}
