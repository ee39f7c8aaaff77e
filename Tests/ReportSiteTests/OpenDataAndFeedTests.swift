import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportSite

/// The feed, sitemap, robots.txt, canonical URLs and open data of the real site.
@Suite("Feeds and open data", .serialized)
struct OpenDataAndFeedTests {
    static func file(_ path: String) async throws -> String {
        let (output, _) = try await RealContentBuildTests.site.value
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
        let (output, _) = try await RealContentBuildTests.site.value
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
        let (_, report) = try await RealContentBuildTests.site.value
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
        let (_, report) = try await RealContentBuildTests.site.value
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
