import Foundation
import Testing
@testable import ReportSite
import ReportSiteViews
import Templates
import ReportSiteTestSupport

/// What a large site needs that a small one does not show: the sitemap split into files of at most
/// the protocol's limit, with an index, and the search's report names in lists loaded on demand. The
/// limits are lowered here, so that a few reports stand for the tens of thousands.
@Suite("Sites at scale")
struct ScaleTests {
    /// The `<loc>` addresses of a sitemap file or a sitemap index.
    static func addresses(_ xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// The small test site with `reports` more reports of Alpha PDU, each in its own month.
    static func content(in folder: URL, reports: Int) throws -> URL {
        let content = try SiteFolder.makeContent(in: folder)
        for number in 0..<reports {
            let text = TestContent.alphaInspection.replacingOccurrences(
                of: "framework: pdu-2023", with: "framework: pdu-2023\npublished: \(2000 + number)-03-01")
            try TestPaths.write(text, to: content.appendingPathComponent("inspections/alpha-\(2000 + number).md"))
        }
        return content
    }

    @Test func aSitemapWithinTheLimitIsOneFile() async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.content(in: folder, reports: 3)
        let output = folder.appendingPathComponent("Output")
        var options = SiteBuilder.Options(content: content.path, templates: TestPaths.templates, output: output.path)
        // 6 pages of the whole site, 4 reports, a region and a PDU: exactly the limit.
        options.sitemapLimit = 12
        let report = try await SiteBuilder(options: options).build()
        let sitemap = try TestPaths.read(output.appendingPathComponent(Routes.sitemap))
        #expect(sitemap.contains("<urlset "))
        #expect(Self.addresses(sitemap).count == 12)
        #expect(!report.files.contains(Routes.sitemapPart(1)))
    }

    @Test func aSitemapOverTheLimitBecomesAnIndexOfSitemaps() async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.content(in: folder, reports: 3)
        let whole = folder.appendingPathComponent("Whole"), split = folder.appendingPathComponent("Split")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: whole.path)).build()
        var options = SiteBuilder.Options(content: content.path, templates: TestPaths.templates, output: split.path)
        options.sitemapLimit = 5
        let report = try await SiteBuilder(options: options).build()

        let index = try TestPaths.read(split.appendingPathComponent(Routes.sitemap))
        #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"))
        #expect(index.hasSuffix("</sitemapindex>\n"))
        #expect(Self.addresses(index) == ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"])
        var listed: [String] = []
        for number in 1...3 {
            let part = try TestPaths.read(split.appendingPathComponent(Routes.sitemapPart(number)))
            #expect(part.contains("<urlset "))
            #expect(Self.addresses(part).count <= 5)
            listed += Self.addresses(part)
        }
        // The same addresses, in the same order, as the one file of a build within the limit.
        #expect(listed == Self.addresses(try TestPaths.read(whole.appendingPathComponent(Routes.sitemap))))
        #expect(report.files.filter { $0.hasPrefix("sitemap") } == [Routes.sitemapPart(1), Routes.sitemapPart(2), Routes.sitemapPart(3), Routes.sitemap])
        // Crawlers find the index where they found the one file.
        #expect(try TestPaths.read(split.appendingPathComponent(Routes.robots)).contains("Sitemap: https://example.org/sitemap.xml\n"))

        // Back within the limit, the next build into the same folder drops the sitemap files.
        options.sitemapLimit = ViewBuilder.sitemapLimit
        let again = try await SiteBuilder(options: options).build()
        #expect(again.files.filter { $0.hasPrefix("sitemap") } == [Routes.sitemap])
        #expect(!FileManager.default.fileExists(atPath: split.appendingPathComponent(Routes.sitemapPart(1)).path))
        #expect(try Data(contentsOf: split.appendingPathComponent(Routes.sitemap)) == Data(contentsOf: whole.appendingPathComponent(Routes.sitemap)))
    }

    @Test func theSearchNamesNoReportsAndItsListsNameThemAll() async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.content(in: folder, reports: 3)
        let output = folder.appendingPathComponent("Output")
        let report = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let names = try TestPaths.read(output.appendingPathComponent(Routes.searchIndex))
        #expect(names.hasPrefix("window.REPORTSITE_SEARCH = {\"shards\":1,\"lists\":1,\"perList\":\(SearchIndex.reportsPerList),\"names\":["))
        #expect(!names.contains("alpha-2001"))
        #expect(report.files.filter { $0.hasPrefix(Routes.searchReportLists) } == [Routes.searchReports(0)])
        let list = try TestPaths.read(output.appendingPathComponent(Routes.searchReports(0)))
        #expect(list == "window.__reportsiteReports(0,[0,\"alpha-2000\",9,\"1\",9,\"2\",8,\"24\"]);\n")
    }
}
