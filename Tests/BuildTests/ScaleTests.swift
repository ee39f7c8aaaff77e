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

    @Test func aWordInMoreReportsThanTheLimitHasItsBestPostingsInItsShardAndTheRestApart() {
        // Best score first, the lower report first on a tie: reports 1 and 2, then report 0 is the first left out.
        let shard = SearchIndex.shard(7, words: [("rare", [2, 1]), ("w", [0, 5, 1, 9, 2, 9, 3, 1])], reports: 4, splitLimit: 2)
        #expect(String(decoding: shard.data, as: UTF8.self)
                == "window.__reportsiteShard(7,{\"rare\":[2,1],\"w\":{\"n\":4,\"t\":[5,0],\"p\":[1,9,1,9],\"m\":[0,3],\"k\":0}});\n")
        #expect(shard.rests.map(\.path) == [Routes.searchRest(shard: 7, word: 0, list: 0)])
        #expect(shard.rests.map { String(decoding: $0.data, as: UTF8.self) } == ["window.__reportsiteRest(7,0,0,[0,5,3,1]);\n"])
        // Ties at the cut: of the three reports scoring 5, the lower ones go first; report 2 is the first left out.
        let tied = SearchIndex.shard(7, words: [("w", [0, 9, 1, 5, 2, 5, 3, 5, 4, 1])], reports: 5, splitLimit: 2)
        #expect(String(decoding: tied.data, as: UTF8.self)
                == "window.__reportsiteShard(7,{\"w\":{\"n\":5,\"t\":[5,2],\"p\":[0,9,1,5],\"m\":\"Hw==\",\"k\":0}});\n")
        #expect(tied.rests.map { String(decoding: $0.data, as: UTF8.self) } == ["window.__reportsiteRest(7,0,0,[2,5,1,5,1,1]);\n"])
        // Within the limit, the list as it always was.
        let whole = SearchIndex.shard(7, words: [("w", [0, 5, 1, 9, 2, 9, 3, 1])], reports: 4, splitLimit: 4)
        #expect(String(decoding: whole.data, as: UTF8.self) == "window.__reportsiteShard(7,{\"w\":[0,5,1,9,1,9,1,1]});\n")
        #expect(whole.rests.isEmpty)
    }

    @Test(arguments: BuildStoreKind.allCases)
    func wordsCrossingTheSplitLimitLeaveTheSiteAsACleanBuildMakesIt(_ store: BuildStoreKind) async throws {
        let folder = try TestPaths.scratch()
        let content = try Self.content(in: folder, reports: 3)
        var builds = SiteBuilds(store: store, content: content, templates: URL(fileURLWithPath: TestPaths.templates),
                                output: folder.appendingPathComponent("Output"), searchSplitLimit: 3)
        func rests(_ report: SiteBuilder.Report) -> [String] { report.files.filter { $0.hasPrefix(Routes.searchRests) } }
        func expectClean(_ report: SiteBuilder.Report, _ step: String) async throws {
            let clean = folder.appendingPathComponent("Clean-\(UUID().uuidString)")
            let reference = try await builds.clean(into: clean)
            #expect(report.files == reference.files, "\(step)")
            let difference = try SiteFolder.compare(folder.appendingPathComponent("Output"), clean)
            #expect(difference.isEmpty, "\(step): \(difference)")
        }
        // The words of the four Alpha reports are split.
        let first = try await builds.build()
        #expect(!rests(first).isEmpty)
        // Two reports fewer: no word is in more than three, and the rests leave the site.
        let moved = folder.appendingPathComponent("aside")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        for year in [2000, 2001] {
            try FileManager.default.moveItem(at: content.appendingPathComponent("inspections/alpha-\(year).md"),
                                             to: moved.appendingPathComponent("alpha-\(year).md"))
        }
        let fewer = try await builds.build()
        #expect(rests(fewer).isEmpty)
        try await expectClean(fewer, "two reports removed")
        // Back again, split again.
        for year in [2000, 2001] {
            try FileManager.default.moveItem(at: moved.appendingPathComponent("alpha-\(year).md"),
                                             to: content.appendingPathComponent("inspections/alpha-\(year).md"))
        }
        let again = try await builds.build()
        #expect(rests(again) == rests(first))
        try await expectClean(again, "the reports put back")
        // A text edit that moves a split word's scores remakes its shard and rests as a clean build would.
        try SiteFolder.append("\nAlpha alpha alpha alpha alpha alpha alpha alpha alpha alpha.\n",
                              to: content.appendingPathComponent("inspections/alpha-2002.md"))
        try await expectClean(try await builds.build(), "a text edit")
    }
}
