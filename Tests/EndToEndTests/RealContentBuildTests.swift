import Foundation
import Testing
import ReportSite
import ReportSiteTestSupport

/// Builds the real `Content/` once and checks the site from its HTML, as a reader would see it.
@Suite("Building the real content", .serialized)
struct RealContentBuildTests {
    /// One build shared by the tests of this suite (and the build tests that read the real site).
    static var site: Task<(URL, SiteBuilder.Report), any Error> { RealContentBuild.site }

    static func page(_ path: String) async throws -> String {
        try await RealContentBuild.page(path)
    }

    static func folded(_ html: String) -> String {
        RealContentBuild.folded(html)
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

    @Test func essexSouthShowsItsPublishedRatings() async throws {
        let html = Self.folded(try await Self.page("inspections/essex-south-2024/index.html"))
        #expect(html.contains("<dt>Score</dt><dd class=\"score\">5/21</dd>"))
        #expect(html.contains("<dt>Overall rating</dt><dd><span class=\"rating rating-requires-improvement\">Requires improvement</span></dd>"))
        #expect(html.contains("<th scope=\"row\"><span class=\"std-number\">1.1</span> Leadership</th><td><span class=\"rating rating-good\">Good</span></td>"))
        #expect(html.contains("<dd>18 July 2024</dd>"))
    }

    /// The Welsh page says the same in Welsh: labels, the date's month and the headings from cy.yml,
    /// and none of the English interface text.
    @Test func essexSouthInWelshHasWelshLabels() async throws {
        let html = Self.folded(try await Self.page("cy/inspections/essex-south-2024/index.html"))
        #expect(html.contains("<dt>Sgôr</dt><dd class=\"score\">5/21</dd>"))
        #expect(html.contains("<dd>18 Gorffennaf 2024</dd>"))
        #expect(html.contains(">Cwestiynau allweddol</h2>") && html.contains("Neidio i’r prif gynnwys"))
        for english in ["Key questions", "Printable version", "Skip to main content", "Overall rating", "not published", ">Contents<", ">Sources<"] {
            #expect(!html.contains(english), "\(english)")
        }
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
    }

    @Test func fieldsAreEscapedInThePage() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
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
