import Foundation
import Testing
@testable import ReportSite
import Templates

/// An incremental build must make exactly the site a clean build makes: after each kind of edit, the
/// output patched in place is compared byte for byte with a build into an empty folder.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    /// A copy of the real content and templates, dated a minute ago so that a build right after
    /// trusts their stamps.
    static func copyOfTheSite(in folder: URL) throws -> (content: URL, templates: URL) {
        let content = folder.appendingPathComponent("Content"), templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: TestPaths.content, toPath: content.path)
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: templates.path)
        let past = Date(timeIntervalSinceNow: -60)
        for root in [content, templates] {
            for path in LinkChecker.allFiles(root) {
                try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: root.appendingPathComponent(path).path)
            }
        }
        return (content, templates)
    }

    /// Replaces `old` with `new` in a file, failing the test if `old` is not there.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try TestPaths.read(file)
        #expect(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        try TestPaths.write(text.replacingOccurrences(of: old, with: new), to: file)
    }

    @Test func afterEachEditTheIncrementalOutputIsByteForByteACleanBuild() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try Self.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        let first = try await builder.build()
        #expect(first.written.count == first.files.count)

        let unchanged = try await builder.build()
        #expect(unchanged.wasUpToDate, "a build with nothing changed wrote \(unchanged.written.count) files")

        let inspections = content.appendingPathComponent("inspections")
        let essex = inspections.appendingPathComponent("essex-south-2024.md")
        let barking = inspections.appendingPathComponent("barking-dagenham-and-havering-2022.md")
        let westKent = inspections.appendingPathComponent("west-kent-2024.md")
        let edits: [(name: String, apply: () throws -> Void, mostWritten: Int?)] = [
            ("a report's text", { try TestPaths.write(try TestPaths.read(essex) + "\nA new closing paragraph.\n", to: essex) }, 3),
            ("a key-question figure, which moves the medians", {
                try Self.edit(essex, replacing: "safety: 33 }", with: "safety: 36 }") }, nil),
            ("a report's title", {
                try Self.edit(barking, replacing: "Barking, Dagenham and Havering PDU\"", with: "Barking, Dagenham & Havering PDU\"") }, nil),
            // Sources are shown on the report alone: West Kent's 2021 report, which lists the 2024 one,
            // stays as it is (checked below), while its PDU, region and the national pages are remade.
            ("a report's sources", {
                try Self.edit(westKent, replacing: "sources:\n", with: "sources:\n  - \"An added source\"\n") }, 12),
            // West Kent's 2024 report lists its 2021 one (of another programme) among the PDU's inspections.
            ("the date of an earlier inspection of the same PDU", {
                try Self.edit(inspections.appendingPathComponent("west-kent-programme-2021.md"),
                              replacing: "framework: pdu-2021\n", with: "framework: pdu-2021\npublished: \"2021-09\"\n") }, nil),
            // Northamptonshire's 2024 report sets the 2022 one's ratings beside its own (two swapped,
            // so that the score still adds up).
            ("a standard's rating at an earlier inspection of the same PDU", {
                try Self.edit(inspections.appendingPathComponent("northamptonshire-2022.md"),
                              replacing: "  staff: \"Requires improvement\"\n  services: \"Inadequate\"\n",
                              with: "  staff: \"Inadequate\"\n  services: \"Requires improvement\"\n") }, nil),
            ("a new report", {
                let text = try TestPaths.read(barking).replacingOccurrences(of: "published: \"2022-11\"", with: "published: \"2019-05\"")
                try TestPaths.write(text, to: inspections.appendingPathComponent("barking-dagenham-and-havering-2019.md")) }, nil),
            ("a report removed", {
                try FileManager.default.removeItem(at: inspections.appendingPathComponent("barking-dagenham-and-havering-2019.md")) }, nil),
            ("a report made a draft", { try Self.edit(barking, replacing: "type: pdu\n", with: "type: pdu\ndraft: true\n") }, nil),
            // Words the search index takes from front matter alone.
            ("a report's summary", { try Self.edit(essex, replacing: "summary: \"", with: "summary: \"Wombats aside, ") }, nil),
            ("a place a PDU serves", {
                try Self.edit(content.appendingPathComponent("regions/east-of-england.md"),
                              replacing: "- name: \"Peterborough\"", with: "- name: \"Peterborough and Wombatton\"") }, nil),
            // The search index's kept state gone, or damaged: every report is rendered again for its words.
            ("the search index's kept state, removed", {
                try Self.edit(essex, replacing: "Wombats aside, ", with: "Quokkas aside, ")
                try FileManager.default.removeItem(atPath: builder.options.cache.path(BuildCache.searchName)) }, nil),
            ("the search index's kept state, damaged", {
                try Self.edit(essex, replacing: "Quokkas aside, ", with: "Numbats aside, ")
                let path = builder.options.cache.path(BuildCache.searchName)
                try Data(try Data(contentsOf: URL(fileURLWithPath: path)).dropLast(5)).write(to: URL(fileURLWithPath: path)) }, nil),
            ("a region's text", {
                let region = content.appendingPathComponent("regions/east-of-england.md")
                try TestPaths.write(try TestPaths.read(region) + "\nMore about the region.\n", to: region) }, nil),
            ("the glossary", {
                try Self.edit(content.appendingPathComponent("glossary.yml"), replacing: "Engaging People on Probation", with: "Engaging people on probation") }, nil),
            // The stylesheet gets a new name, so every page that links to it is made again and the
            // old file goes (the comparison with a clean build below sees both).
            ("a stylesheet", {
                let css = templates.appendingPathComponent("assets/css/site.css")
                try TestPaths.write(try TestPaths.read(css) + "\n/* edited */\n", to: css) }, nil),
        ]
        for (index, edit) in edits.enumerated() {
            try edit.apply()
            let incremental = try await builder.build()
            let clean = folder.appendingPathComponent("Clean-\(index)")
            let reference = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: clean.path)).build()
            #expect(incremental.files == reference.files, "after editing \(edit.name)")
            // The manifest says when its stamps were taken; everything else must match to the byte.
            #expect(BuildManifest.read(from: builder.options.cache)?.pages
                == BuildManifest.read(from: SiteBuilder.Options(content: content.path, output: clean.path).cache)?.pages)
            try StagedOutputTests.expectPublicOnly(output, files: incremental.files, "after editing \(edit.name)")
            let patched = try StagedOutputTests.snapshot(output), fresh = try StagedOutputTests.snapshot(clean)
            #expect(patched.keys.sorted() == fresh.keys.sorted(), "after editing \(edit.name): different files")
            let differing = fresh.keys.filter { patched[$0] != fresh[$0] }.sorted()
            #expect(differing.isEmpty, "after editing \(edit.name), these differ from a clean build: \(differing.prefix(5))")
            if edit.name == "a standard's rating at an earlier inspection of the same PDU" {
                #expect(incremental.written.contains("inspections/northamptonshire-2024/index.html"))
            }
            if edit.name == "a report's sources" {
                #expect(incremental.written.contains("inspections/west-kent-2024/index.html"))
                #expect(incremental.written.contains("pdus/west-kent/index.html"))
                #expect(!incremental.written.contains("inspections/west-kent-programme-2021/index.html"))
                #expect(!incremental.written.contains("glossary/index.html"))
            }
            if let most = edit.mostWritten {
                // Pages; the search index's files (the names, the shards of words that came or went,
                // a report's text for snippets) and the two manifest files are not counted.
                let pages = incremental.written.filter { $0 != Routes.searchIndex && !$0.hasPrefix("search/") }
                #expect(pages.count <= most, "editing \(edit.name) wrote \(incremental.written)")
            }
        }
    }

    @Test func aFileRemovedFromTheOutputIsMadeAgain() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try Self.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        _ = try await builder.build()
        let gone = ["inspections/essex-south-2024/index.html", Routes.searchText("essex-south-2024"), "regions/london/index.html"]
        for path in gone { try FileManager.default.removeItem(at: output.appendingPathComponent(path)) }
        let rebuilt = try await builder.build()
        #expect(Set(gone).isSubset(of: Set(rebuilt.written)), "\(rebuilt.written)")
        for path in gone { #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)") }
    }

    /// The site's templates with one wording changed, as a template edited and compiled again.
    struct EditedLook: PageTemplates {
        let site = SiteTemplates()
        let identity = "edited look 1"
        func home(_ page: HomePageView) -> HTML { site.home(page) }
        func inspection(_ page: InspectionPageView) -> HTML {
            HTML(trusted: site.inspection(page).text.replacingOccurrences(of: "Inspections of this PDU", with: "All inspections of this PDU"))
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
        func robots(_ robots: RobotsView) -> HTML { site.robots(robots) }
    }

    /// Compiled templates are part of the binary: other templates (a rebuilt binary, or here another
    /// look in the same one) remake every page, and the output is what a clean build with them makes.
    @Test func otherTemplatesRemakeEveryPage() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try Self.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path)).build()
        let edited = SiteBuilder.Options(look: EditedLook(), content: content.path, templates: templates.path, output: output.path)
        let rebuilt = try await SiteBuilder(options: edited).build()
        #expect(rebuilt.pages.allSatisfy(rebuilt.written.contains), "pages kept from the other look")
        var cleanOptions = edited
        cleanOptions.output = folder.appendingPathComponent("Clean").path
        _ = try await SiteBuilder(options: cleanOptions).build()
        #expect(try StagedOutputTests.snapshot(output) == StagedOutputTests.snapshot(URL(fileURLWithPath: cleanOptions.output)))
        let essexNorth = try TestPaths.read(output.appendingPathComponent("inspections/essex-north-2022/index.html"))
        #expect(essexNorth.contains("All inspections of this PDU"))
    }

    @Test func aFailedIncrementalBuildChangesNothing() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try Self.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        _ = try await builder.build()
        let before = try StagedOutputTests.snapshot(output)

        // A link to a page that does not exist is found only once the text is rendered, after the
        // other pages are made: the output must still be the last good site.
        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        try TestPaths.write(try TestPaths.read(essex) + "\nSee [nowhere](../no-such-report/index.html).\n", to: essex)
        await #expect(throws: DiagnosticsError.self) { try await builder.build() }
        #expect(try StagedOutputTests.snapshot(output) == before)
        #expect(try StagedOutputTests.leftovers(in: folder).isEmpty)
    }
}

/// Pages whose size would otherwise grow with the years a site covers.
@Suite("Pages at scale")
struct PagesAtScaleTests {
    /// Alpha PDU inspected `count` times, a year apart (2001, 2002, ...).
    static func alphaInspectedYearly(_ count: Int, in folder: URL) throws -> URL {
        let content = try StagedOutputTests.makeContent(in: folder)
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

@Suite("Report texts read when their pages are made")
struct MarkdownTextTests {
    @Test func everyTextReadsBackAsWrittenWhateverItsEncodingDetails() throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let plain = TestContent.alphaInspection + "\nÉtude – café.\n"
        let variants = [
            ("plain", plain),
            ("bom", "\u{FEFF}" + plain),
            ("crlf", plain.replacingOccurrences(of: "\n", with: "\r\n")),
        ]
        for (name, text) in variants {
            try Data(text.utf8).write(to: content.appendingPathComponent("inspections/alpha-\(name).md"))
        }
        let (loaded, _) = try ContentLoader(root: content.path).load()
        let expected = "## Foreword\n\nText.\nÉtude – café.\n"
        for (name, _) in variants {
            let inspection = try #require(loaded.inspections.first { $0.slug == "alpha-\(name)" })
            #expect(inspection.body.markdown == expected, "\(name): \(inspection.body.markdown.debugDescription)")
        }
    }
}

@Suite("The texts file beside the manifest")
struct BodyFactsFileTests {
    @Test func factsReadBackExactlyTabsLineEndsAndBackslashesIncluded() throws {
        let facts = [
            "inspections/a/index.html": BodyFacts(
                page: "inspections/a/index.html", file: "Content/inspections/a\tb.md", firstLine: 30,
                headings: [Heading(level: 2, text: "Tabs\there, a \\ back\\slash\\t and\nline", id: "tabs-here"),
                           Heading(level: 3, text: "Étude – ‘quoted’", id: "etude")],
                footnoteIDs: ["fn-1", "fnref-1"],
                links: [MarkdownLink(destination: "../b/index.html#x\\y", line: 4, column: 12)]),
            "regions/r/index.html": BodyFacts(page: "regions/r/index.html", file: "r.md", firstLine: 1),
        ]
        let decoded = try #require(BodyFactsFile.decode(BodyFactsFile.encode(facts)))
        #expect(decoded == facts)
        #expect(BodyFactsFile.decode(Data("something else\n".utf8)) == nil)
        #expect(BodyFactsFile.decode(Data("reportsite texts 1\nH\tx\ty\tz\n".utf8)) == nil)
    }

    /// The file is read in runs of records on several cores: every record must come back whole,
    /// wherever the runs are cut, including records whose text holds a "P" after a line end.
    @Test func manyRecordsReadBackWhateverTheRuns() throws {
        var facts: [String: BodyFacts] = [:]
        for index in 0..<2_000 {
            let page = "inspections/r\(index)/index.html"
            facts[page] = BodyFacts(
                page: page, file: "Content/inspections/r\(index).md", firstLine: index % 40 + 1,
                headings: (0..<(index % 7)).map { Heading(level: 2 + $0 % 3, text: "Part \($0)\nP\tnot a record", id: "part-\($0)") },
                footnoteIDs: index % 5 == 0 ? ["fn-\(index)"] : [],
                links: (0..<(index % 4)).map { MarkdownLink(destination: "../r\($0)/index.html", line: $0 + 1, column: 3) })
        }
        let decoded = try #require(BodyFactsFile.decode(BodyFactsFile.encode(facts)))
        #expect(decoded.count == facts.count)
        #expect(decoded == facts)
        var truncated = BodyFactsFile.encode(facts)
        truncated.append(contentsOf: Array("X\tbroken\n".utf8))
        #expect(BodyFactsFile.decode(truncated) == nil)
    }
}
