import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The feed, sitemap, robots.txt, canonical URLs and open data of the real site.
@Suite("Feeds and open data", .serialized)
struct OpenDataAndFeedTests {
    static func file(_ path: String) async throws -> String {
        let (output, _) = try await RealContentBuild.site.value
        return try TestPaths.read(output.appendingPathComponent(path))
    }

    /// Parses XML, returning the text of every element named `name`; throws if it is not well-formed.
    final class Collector: NSObject, XMLParserDelegate {
        let name: String
        var values: [String] = []
        private var current: String?

        init(_ name: String) { self.name = name }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if element == name { current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == name, let value = current { values.append(value); current = nil }
        }
    }

    static func elements(_ name: String, in xml: String) throws -> [String] {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector(name)
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.values
    }

    static func publishedPages() async throws -> Set<String> {
        let (output, _) = try await RealContentBuild.site.value
        return Set(LinkChecker.allFiles(output).filter { $0.hasSuffix("index.html") }.map {
            Routes.canonical($0, base: "https://example.org/")
        })
    }

    @Test func theSitemapIsXMLListingExactlyThePublishedPages() async throws {
        let locations = try Self.elements("loc", in: try await Self.file("sitemap.xml"))
        #expect(locations.count == Set(locations).count)
        #expect(Set(locations) == (try await Self.publishedPages()))
        #expect(!locations.contains { $0.hasSuffix("404.html") || $0.hasSuffix("print.html") })
        #expect(try await Self.file("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
    }

    @Test func theFeedIsAtomListingDatedInspectionsNewestFirst() async throws {
        let xml = try await Self.file("feed.xml")
        let ids = try Self.elements("id", in: xml).dropFirst()  // the first id is the feed's own
        let updated = Array(try Self.elements("updated", in: xml).dropFirst())
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let dated = content.inspections.filter { $0.published != nil && !$0.isDraft(today: PartialDate(day: Date())) }
        #expect(Set(ids) == Set(dated.map { "https://example.org/inspections/\($0.slug)/" }))
        #expect(ids.count == dated.count)
        #expect(updated == updated.sorted(by: >))
        #expect(ids.contains("https://example.org/inspections/essex-south-2024/"))
    }

    /// A large site's feed holds its newest reports, not all of them.
    @Test func theFeedHoldsTheNewestHundred() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        for index in 0..<(ViewBuilder.feedLength + 5) {
            let date = String(format: "2020-%02d-%02d", 1 + index / 28, 1 + index % 28)
            let text = TestContent.alphaInspection.replacingOccurrences(
                of: "framework: pdu-2023\n", with: "framework: pdu-2023\npublished: \(date)\n")
            try TestPaths.write(text, to: content.appendingPathComponent("inspections/alpha-\(date).md"))
        }
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let xml = try TestPaths.read(output.appendingPathComponent("feed.xml"))
        let ids = try Self.elements("id", in: xml).dropFirst()
        #expect(ids.count == ViewBuilder.feedLength)
        // The five oldest (2020-01-01 to 2020-01-05) are the ones left out.
        #expect(ids.contains("https://example.org/inspections/alpha-2020-01-06/"))
        #expect(!ids.contains("https://example.org/inspections/alpha-2020-01-05/"))
        #expect(!ids.contains("https://example.org/inspections/alpha-2020-01-01/"))
    }

    /// Splits RFC 4180 CSV into rows of fields.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { row.append(field); field = ""
            } else if character == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(character) }
        }
        return rows
    }

    @Test func theCSVHasOneRowPerPublishedInspectionAndTheSameColumnsForAll() async throws {
        let rows = Self.parseCSV(try await Self.file("data/inspections.csv"))
        let header = try #require(rows.first)
        let (_, report) = try await RealContentBuild.site.value
        #expect(rows.count - 1 == report.inspectionPages)
        #expect(rows.allSatisfy { $0.count == header.count })
        let column = { (name: String) in header.firstIndex(of: name)! }
        let essex = try #require(rows.first { $0[column("slug")] == "essex-south-2024" })
        #expect(essex[column("score")] == "5")
        #expect(essex[column("max_score")] == "21")
        #expect(essex[column("overall")] == "Requires improvement")
        #expect(essex[column("rating_leadership")] == "Good")
        #expect(essex[column("published")] == "2024-07-18")
        let wakefield = try #require(rows.first { $0[column("slug")] == "wakefield-2024" })
        #expect(wakefield[column("rating_leadership")] == "")
        #expect(wakefield[column("fieldwork_start")] == "")
    }

    @Test func theJSONHasTheSameRecords() async throws {
        let json = try await Self.file("data/inspections.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let inspections = try #require(document["inspections"] as? [[String: Any]])
        let (_, report) = try await RealContentBuild.site.value
        #expect(inspections.count == report.inspectionPages)
        let essex = try #require(inspections.first { $0["slug"] as? String == "essex-south-2024" })
        #expect(essex["score"] as? Int == 5)
        let wakefield = try #require(inspections.first { $0["slug"] as? String == "wakefield-2024" })
        #expect(wakefield["rating_leadership"] is NSNull)
        #expect((document["licence"] as? String)?.contains("Open Government Licence") == true)
    }

    @Test func pagesNameTheirCanonicalURLAndOpenGraph() async throws {
        let page = try await Self.file("inspections/essex-south-2024/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/inspections/essex-south-2024/\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"An inspection of probation services in Essex South PDU\">"))
        let print = try await Self.file("inspections/essex-south-2024/print.html")
        #expect(print.contains("<link rel=\"canonical\" href=\"https://example.org/inspections/essex-south-2024/\">"))
        let home = try await Self.file("index.html")
        #expect(home.contains("href=\"data/inspections.csv\"") && home.contains("href=\"feed.xml\""))
    }
}

/// The charts' numbers are the tables' numbers.
@Suite("Charts", .serialized)
struct ChartTests {
    /// `(row, category) -> count` from a stacked chart's segments.
    static func segments(_ html: String, chart: String) throws -> [String: Int] {
        let svg = try #require(html.components(separatedBy: "<svg class=\"chart stacked-chart\" id=\"\(chart)\"").dropFirst().first?
            .components(separatedBy: "</svg>").first)
        var counts: [String: Int] = [:]
        for match in LinkChecker.matches(#"data-row="([^"]*)" data-category="([^"]*)" data-count="(\d+)""#, in: svg, groups: 3) {
            counts["\(match[0])|\(match[1])"] = Int(match[2])
        }
        return counts
    }

    /// `(row, category) -> count` from the table under the chart, zeros left out as the chart leaves them out.
    static func tableCounts(_ html: String, table: String) throws -> [String: Int] {
        let body = try #require(html.components(separatedBy: "<table class=\"counts-table cards\" id=\"\(table)\"").dropFirst().first?
            .components(separatedBy: "</table>").first)
        let header = LinkChecker.matches(#"<th scope="col">(?:<span class="rating rating-[a-z-]+">)?([^<]+)"#, in: body).dropFirst()
        var counts: [String: Int] = [:]
        for row in body.components(separatedBy: "<tr>").dropFirst(2) {
            let label = LinkChecker.matches(#"<th scope="row"><span class="std-number">([^<]+)</span> ([^<]+)</th>"#, in: row, groups: 2)
                .first.map { "\($0[0]) \($0[1])" } ?? ""
            let cells = LinkChecker.matches(#"<td data-label="[^"]+">(\d+)</td>"#, in: row).compactMap { Int($0) }
            for (category, count) in zip(header, cells) where count > 0 { counts["\(label)|\(category)"] = count }
        }
        return counts
    }

    @Test(arguments: [
        ("index.html", "national-pdu-2023-ratings"),
        ("index.html", "national-pdu-2021-ratings"),
        ("regions/east-of-england/index.html", "programme-pdu-2023-ratings"),
    ])
    func stackedChartsShowTheTablesNumbers(page: String, id: String) async throws {
        let html = try await OpenDataAndFeedTests.file(page).replacingOccurrences(of: "&amp;", with: "&")
        let chart = try Self.segments(html, chart: "\(id)-chart")
        let table = try Self.tableCounts(html, table: "\(id)-table")
        #expect(!chart.isEmpty)
        #expect(chart == table)
    }

    @Test func theScoreChartShowsTheTablesNumbers() async throws {
        let html = try await OpenDataAndFeedTests.file("index.html")
        let svg = try #require(html.components(separatedBy: "id=\"national-pdu-2023-scores-chart\"").dropFirst().first?
            .components(separatedBy: "</svg>").first)
        let chart = LinkChecker.matches(#"data-label="(\d+)" data-count="(\d+)""#, in: svg, groups: 2)
            .reduce(into: [Int: Int]()) { $0[Int($1[0])!] = Int($1[1])! }
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let scores = content.inspections.filter { $0.frameworkID == "pdu-2023" && !$0.draft }.compactMap(\.score)
        #expect(chart == scores.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 })
        #expect(chart[5] == 1)  // Essex South's 5/21
    }
}
