import Foundation
import Testing
@testable import ReportSite

/// Builds the real `Content/` once and checks the site from its HTML, as a reader would see it.
@Suite("Building the real content", .serialized)
struct RealContentBuildTests {
    /// One build shared by the tests of this suite.
    static let site: Task<(URL, SiteBuilder.Report), any Error> = Task {
        let output = try TestPaths.scratch("real-content").appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: TestPaths.content, templates: TestPaths.templates, output: output.path))
        return (output, try await builder.build())
    }

    static func page(_ path: String) async throws -> String {
        let (output, _) = try await site.value
        return try TestPaths.read(output.appendingPathComponent(path))
    }

    /// `html` with runs of white space folded, so checks do not depend on template indentation.
    static func folded(_ html: String) -> String {
        html.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "> <", with: "><")
    }

    /// A table of regional inspections names the region once, in its first column; a table of PDU
    /// inspections has the PDU first and its region beside it.
    @Test func aTableNamesTheRegionInOneColumn() async throws {
        let html = Self.folded(try await Self.page(Routes.home))
        let tables = html.components(separatedBy: "<table class=\"ratings-table cards\"").dropFirst().map { $0.components(separatedBy: "</thead>").first ?? "" }
        let regional = tables.filter { $0.contains("id=\"programme-region-") }
        let local = tables.filter { $0.contains("id=\"programme-pdu-") }
        #expect(!regional.isEmpty && !local.isEmpty)
        for head in regional { #expect(head.components(separatedBy: ">Region</th>").count - 1 == 1, "\(head)") }
        for head in local { #expect(head.contains(">PDU</th>") && head.components(separatedBy: ">Region</th>").count - 1 == 1, "\(head)") }
    }

    /// Headings read as the report's own: "1.1 Leadership", with no letter before the number.
    @Test func aReportsHeadingsHaveNoStrayLetters() async throws {
        let html = Self.folded(try await Self.page(Routes.inspection("essex-south-2024")))
        let headings = LinkChecker.matches(#"<h[2-4] id="[^"]*">([^<]*)</h"#, in: html).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(headings.contains("1.1 Leadership"), "\(headings)")
        #expect(!headings.contains { $0.range(of: #"^[A-Za-z] \d"#, options: .regularExpression) != nil }, "\(headings)")
    }

    /// The print version has no contents page: Chromium cannot print page numbers in one, and the
    /// PDF's bookmarks are its contents.
    @Test func thePrintVersionHasNoContentsPage() async throws {
        let html = try await Self.page(Routes.printVersion("essex-south-2024"))
        #expect(!html.contains("contents-heading") && !html.contains("class=\"contents\""))
        #expect(html.contains("Foreword") && html.contains("Key questions"))
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
        #expect(report.pages.count == inspectionPages.count + printPages.count + regionPages.count + pduPages.count + 7 + sitePages.count)
    }

    @Test func essexSouthShowsItsPublishedRatings() async throws {
        let html = Self.folded(try await Self.page("inspections/essex-south-2024/index.html"))
        #expect(html.contains("<dt>Score</dt><dd class=\"score\">5/21</dd>"))
        #expect(html.contains("<dt>Overall rating</dt><dd><span class=\"rating rating-requires-improvement\">Requires improvement</span></dd>"))
        #expect(html.contains("<th scope=\"row\"><span class=\"std-number\">1.1</span> Leadership</th><td><span class=\"rating rating-good\">Good</span></td>"))
        #expect(html.contains("<dd>18 July 2024</dd>"))
    }

    @Test func essexSouthMarksTheLowestAssessmentKeyQuestion() async throws {
        let html = Self.folded(try await Self.page("inspections/essex-south-2024/index.html"))
        let table = try #require(html.components(separatedBy: "<table class=\"kq-table cards\"").dropFirst().first { $0.contains("2.1</span> Assessment") })
        let rows = table.components(separatedBy: "<tr").filter { $0.contains("<th scope=\"row\">") }
        #expect(rows.count == 3)
        let lowest = rows.filter { $0.contains("class=\"kq-lowest\"") }
        #expect(lowest.count == 1)
        #expect(lowest.first?.contains("keeping other people safe?") == true)
        #expect(lowest.first?.contains("<strong>33%</strong><span class=\"lowest-tag\">lowest</span>") == true)
        #expect(rows.filter { $0.contains("58%") || $0.contains("75%") }.allSatisfy { !$0.contains("lowest") })
        // Essex South is the only report of its programme with key-question figures: a "median" of
        // its own figure would be no median, so none is shown, as text or as a tick on the bar.
        let safety = try #require(lowest.first)
        let dash = "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">too few inspections for a median (1)</span>"
        #expect(safety.contains("<td data-label=\"National median\" class=\"pct\">\(dash)</td><td data-label=\"Regional median\" class=\"pct\">\(dash)</td>"))
        // The dash is explained once, under the table, not in every row.
        #expect(html.components(separatedBy: "A median is shown when at least three published inspections").count - 1 == html.components(separatedBy: "<table class=\"kq-table").count - 1)
        #expect(!safety.contains("data-median="))
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

    @Test func unpublishedValuesSayNotPublished() async throws {
        let html = Self.folded(try await Self.page("inspections/wakefield-2024/index.html"))
        #expect(html.contains("6/21"))
        // A rating no source gives is a dash, with its words for screen readers, and a legend line.
        #expect(html.contains("<span class=\"rating rating-none\"><span class=\"dash\" aria-hidden=\"true\">–</span><span class=\"visually-hidden\">not published</span></span>"))
        #expect(html.contains("<p class=\"dash-legend\"><span aria-hidden=\"true\">–</span> not published: no public source gives this rating.</p>"))
        #expect(html.contains("<dt>Fieldwork started</dt><dd>not published</dd>"))
    }

    @Test func pagesAreCrossLinked() async throws {
        let inspection = try await Self.page("inspections/essex-south-2024/index.html")
        #expect(inspection.contains("href=\"../../pdus/essex-south/index.html\""))
        #expect(inspection.contains("href=\"../../regions/east-of-england/index.html\""))
        #expect(inspection.contains("href=\"../../index.html\""))
        let pdu = try await Self.page("pdus/essex-north/index.html")
        #expect(pdu.contains("href=\"../../inspections/essex-north-2022/index.html\""))
        #expect(pdu.contains("href=\"../../inspections/essex-north-2024/index.html\""))
        let region = try await Self.page("regions/east-of-england/index.html")
        #expect(region.contains("href=\"../../pdus/essex-south/index.html\""))
        #expect(region.contains("href=\"../../inspections/east-of-england-region-2022/index.html\""))
        let home = try await Self.page("index.html")
        #expect(home.contains("href=\"inspections/essex-south-2024/index.html\""))
    }

    @Test func theFirstUseOfEachGlossaryTermLinksToTheGlossary() async throws {
        let glossary = try await Self.page("glossary/index.html")
        for id in ["pdu", "pqip", "pso", "spo", "crs", "mappa", "roif", "epop"] {
            #expect(glossary.contains("<div id=\"\(id)\">"), "no glossary entry \(id)")
        }
        let html = try await Self.page("inspections/essex-south-2024/index.html")
        let body = try #require(html.components(separatedBy: "<section id=\"report\"").last)
        let pso = "<a class=\"term\" href=\"../../glossary/index.html#pso\"><abbr title=\"Probation Services Officer\">PSO</abbr></a>"
        #expect(body.components(separatedBy: pso).count == 2, "PSO is linked exactly once")
        #expect(body.components(separatedBy: "glossary/index.html#pdu").count == 2, "PDU is linked exactly once")
        // The first use is the link: no bare "PSO" comes before it.
        let beforeLink = try #require(body.components(separatedBy: pso).first)
        #expect(beforeLink.range(of: #"\bPSOs?\b"#, options: .regularExpression) == nil)
        // Headings are left alone.
        #expect(!body.contains("<h2 id=\"foreword\">\n<a class=\"term\""))
    }

    @Test func aPDUShowsItsRatingsOverTimeSideBySide() async throws {
        let html = Self.folded(try await Self.page("pdus/essex-north/index.html"))
        #expect(html.contains("<th scope=\"col\"><a href=\"../../inspections/essex-north-2022/index.html\">17 May 2022</a></th><th scope=\"col\"><a href=\"../../inspections/essex-north-2024/index.html\">1 August 2024</a></th>"))
        #expect(html.contains("<tr><th scope=\"row\">Leadership</th><td data-label=\"17 May 2022\"><span class=\"rating rating-inadequate\">Inadequate</span></td><td data-label=\"1 August 2024\"><span class=\"rating rating-good\">Good</span></td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Score</th><td data-label=\"17 May 2022\" class=\"score\">1/27</td><td data-label=\"1 August 2024\" class=\"score\">4/21</td></tr>"))
        let later = try await Self.page("inspections/essex-north-2024/index.html")
        #expect(later.contains("<a rel=\"prev\" href=\"../../inspections/essex-north-2022/index.html\">"))
        let earlier = try await Self.page("inspections/essex-north-2022/index.html")
        #expect(earlier.contains("<a rel=\"next\" href=\"../../inspections/essex-north-2024/index.html\">"))
    }

    @Test func everyInternalLinkResolves() async throws {
        let (output, _) = try await Self.site.value
        let result = try LinkChecker.check(site: output)
        #expect(result.checked > 1000)
        #expect(result.broken.isEmpty, "\(result.broken.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    @Test func the404PageLinksFromTheSitesBasePath() async throws {
        let html = try await Self.page("404.html")
        #expect(html.contains("<base href=\"/\">"))
        #expect(html.contains("href=\"index.html\""))
        #expect(ViewBuilder.path(of: "https://example.org") == "/")
        #expect(ViewBuilder.path(of: "https://example.org/a/b") == "/a/b/")
    }

    @Test func runningHeadersAreEscapedForCSS() {
        #expect(ViewBuilder.cssString("Essex South PDU: x") == "Essex South PDU\\3a  x")
        let hostile = ViewBuilder.cssString("\"; } body { display: none } </style><script>")
        #expect(!hostile.contains("\""))
        #expect(!hostile.contains("<"))
        #expect(!hostile.contains("}"))
        #expect(ViewBuilder.cssString("Ynys Môn") == "Ynys Môn")
    }

    @Test func theLinkCheckerCatchesBrokenLinks() throws {
        let folder = try TestPaths.scratch()
        try TestPaths.write("<a href=\"b.html#nowhere\">x</a><a href=\"missing/\">y</a><p id=\"here\"><a href=\"#here\">z</a></p>",
                            to: folder.appendingPathComponent("a.html"))
        try TestPaths.write("<h1 id=\"top\">B</h1>", to: folder.appendingPathComponent("b.html"))
        let result = try LinkChecker.check(site: folder)
        #expect(result.checked == 3)
        #expect(result.broken.map(\.link).sorted() == ["b.html#nowhere", "missing/"])
    }

    @Test func fieldsAreEscapedInThePage() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(
            of: "title: \"An inspection of Alpha PDU\"", with: "title: \"<script>alert('x')</script> & co\""), to: file)
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let html = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    }
}
