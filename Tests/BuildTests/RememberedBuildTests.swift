import Foundation
import Testing
@testable import ReportSite

/// Builds that keep their bookkeeping in memory (as the preview server does) must make exactly the
/// site a build into an empty folder makes, whichever way they go: the rebuild of changed reports
/// alone, or the full incremental build.
@Suite("Remembered builds", .serialized)
struct RememberedBuildTests {
    /// The stage only the rebuild of changed reports has.
    static let reportStage = "read the changed reports"

    static func site(_ folder: URL) throws -> [String: Data] {
        try StagedOutputTests.snapshot(folder)
    }

    /// Whether the build cache of `builder`'s output holds any file.
    static func cacheHoldsAnything(_ builder: SiteBuilder) -> Bool {
        BuildCache.fileNames.contains { FileManager.default.fileExists(atPath: builder.options.cache.path($0)) }
    }

    static func options(_ content: URL, _ templates: URL, _ output: URL) -> SiteBuilder.Options {
        .init(content: content.path, templates: templates.path, output: output.path, includeDrafts: true, liveReload: true)
    }

    static func append(_ text: String, to file: URL) throws {
        try TestPaths.write(try TestPaths.read(file) + text, to: file)
    }

    /// A scratch copy of the real site and a preview-like builder for it.
    static func scratchSite() throws -> (folder: URL, content: URL, templates: URL, output: URL, builder: SiteBuilder) {
        let folder = try TestPaths.scratch()
        let (content, templates) = try IncrementalBuildTests.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        return (folder, content, templates, output, SiteBuilder(options: options(content, templates, output)))
    }

    /// A text edit of Essex South's report writes its two pages and its text for snippets, and
    /// the shards of the words it added or took away.
    static let essexPagesAndText = ["inspections/essex-south-2024/index.html", "inspections/essex-south-2024/print.html",
                                    Routes.searchText("essex-south-2024")]

    static func pagesAndText(_ written: [String]) -> [String] {
        written.filter { !$0.hasPrefix(Routes.searchShards) }
    }

    @Test func afterEachEditTheOutputIsByteForByteACleanBuild() async throws {
        let (folder, content, templates, output, builder) = try Self.scratchSite()
        var memory: BuildMemory?
        let first = try await builder.build(remembering: &memory)
        #expect(memory != nil)
        #expect(first.written.count == first.files.count)
        try StagedOutputTests.expectPublicOnly(output, files: first.files, "a preview's first build")
        #expect(!Self.cacheHoldsAnything(builder))

        let inspections = content.appendingPathComponent("inspections")
        let essex = inspections.appendingPathComponent("essex-south-2024.md")
        let barking = inspections.appendingPathComponent("barking-dagenham-and-havering-2022.md")
        let westKent = inspections.appendingPathComponent("west-kent-2024.md")
        // Which way each edit must go: the rebuild of changed reports (.text: and only their own
        // pages change), or the full incremental build.
        enum Way { case text, frontMatter, full }
        let edits: [(name: String, way: Way, apply: () throws -> Void)] = [
            ("a report's text", .text, { try Self.append("\nA new closing paragraph.\n", to: essex) }),
            ("a heading, which the search index lists", .text, { try Self.append("\n## A closing note\n\nMore.\n", to: essex) }),
            ("a link to that heading from another report", .text, {
                try Self.append("\nSee [the note](../essex-south-2024/index.html#a-closing-note).\n", to: barking) }),
            ("two reports' texts at once", .text, {
                try Self.append("\nOne more line.\n", to: essex)
                try Self.append("\nAnd another.\n", to: westKent) }),
            ("a key-question figure, which moves the medians", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "safety: 33 }", with: "safety: 36 }") }),
            ("the text again, after a full build", .text, { try Self.append("\nAfter the figure.\n", to: essex) }),
            ("a report's title", .frontMatter, {
                try IncrementalBuildTests.edit(barking, replacing: "Barking, Dagenham and Havering PDU\"", with: "Barking, Dagenham & Havering PDU\"") }),
            ("an overall rating outside its score's band, a warning", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "overall: \"Requires improvement\"", with: "overall: \"Good\"") }),
            ("the overall rating put back, the warning gone", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "overall: \"Good\"", with: "overall: \"Requires improvement\"") }),
            ("two standards' ratings swapped, which the home page counts", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "leadership: \"Good\"\n  staffing: \"Requires improvement\"",
                                               with: "leadership: \"Requires improvement\"\n  staffing: \"Good\"") }),
            ("a report's date, which reorders the lists", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "published: 2024-07-18", with: "published: 2024-12-18") }),
            ("a report moved to another PDU", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "pdu: \"Essex South\"", with: "pdu: \"Essex North\"") }),
            ("a report marked draft (shown with a banner in a preview)", .frontMatter, {
                try IncrementalBuildTests.edit(essex, replacing: "type: pdu\n", with: "type: pdu\ndraft: true\n") }),
            // Later reports set these earlier ones' ratings beside their own.
            ("two ratings swapped in an earlier inspection of a PDU", .frontMatter, {
                try IncrementalBuildTests.edit(inspections.appendingPathComponent("northamptonshire-2022.md"),
                                               replacing: "  staff: \"Requires improvement\"\n  services: \"Inadequate\"\n",
                                               with: "  staff: \"Inadequate\"\n  services: \"Requires improvement\"\n") }),
            ("the date of a region's earlier inspection", .frontMatter, {
                try IncrementalBuildTests.edit(inspections.appendingPathComponent("east-of-england-region-2022.md"),
                                               replacing: "published: 2022-06-07", with: "published: 2022-06-08") }),
            ("a report's text and the glossary together", .full, {
                try Self.append("\nWith the glossary.\n", to: essex)
                try IncrementalBuildTests.edit(content.appendingPathComponent("glossary.yml"),
                                               replacing: "Engaging People on Probation", with: "Engaging people on probation") }),
            ("a new report", .full, {
                let text = try TestPaths.read(barking).replacingOccurrences(of: "published: \"2022-11\"", with: "published: \"2019-05\"")
                try TestPaths.write(text, to: inspections.appendingPathComponent("barking-dagenham-and-havering-2019.md")) }),
            ("the new report's text", .text, {
                try Self.append("\nIts own line.\n", to: inspections.appendingPathComponent("barking-dagenham-and-havering-2019.md")) }),
            // The preview keeps the stylesheet's name, so a CSS edit remakes that one file (checked below).
            ("the stylesheet", .full, {
                try Self.append("\n/* edited */\n", to: templates.appendingPathComponent("assets/css/site.css")) }),
            ("a report removed", .full, {
                try FileManager.default.removeItem(at: inspections.appendingPathComponent("barking-dagenham-and-havering-2019.md")) }),
        ]
        for (index, edit) in edits.enumerated() {
            try edit.apply()
            let report = try await builder.build(remembering: &memory)
            #expect(report.clock.stages.contains { $0.name == Self.reportStage } == (edit.way != .full), "after editing \(edit.name)")
            let clean = folder.appendingPathComponent("Clean-\(index)")
            let reference = try await SiteBuilder(options: Self.options(content, templates, clean)).build()
            #expect(report.files == reference.files, "after editing \(edit.name)")
            #expect(report.warnings == reference.warnings, "after editing \(edit.name)")
            #expect(edit.name.hasSuffix("a warning") == !report.warnings.isEmpty, "after editing \(edit.name): \(report.warnings)")
            let built = try Self.site(output), fresh = try Self.site(clean)
            #expect(built.keys.sorted() == fresh.keys.sorted(), "after editing \(edit.name): different files")
            let differing = fresh.keys.filter { built[$0] != fresh[$0] }.sorted()
            #expect(differing.isEmpty, "after editing \(edit.name), these differ from a clean build: \(differing.prefix(5))")
            try StagedOutputTests.expectPublicOnly(output, files: report.files, "after editing \(edit.name)")
            #expect(!Self.cacheHoldsAnything(builder))
            try Self.expectPatchedModelIsWorkedOutAfresh(memory, content: content, after: edit.name)
            if edit.name == "the stylesheet" { #expect(report.written == ["css/site.css"], "\(report.written)") }
            if edit.way == .text {
                #expect(report.written.allSatisfy { $0.hasPrefix("inspections/") || $0.hasPrefix("search/") }, "\(report.written)")
                // A text's words are in the index: its text for snippets is written again, and the
                // names (which hold no text) are not.
                #expect(report.written.contains { $0.hasPrefix("search/t/") }, "\(report.written)")
                #expect(!report.written.contains(Routes.searchIndex), "\(report.written)")
            }
        }

        // A build without the memory finds no manifest in the folder, so makes the whole site again.
        let plain = try await builder.build()
        #expect(plain.written.count == plain.files.count)
        let clean = folder.appendingPathComponent("Clean-plain")
        _ = try await SiteBuilder(options: Self.options(content, templates, clean)).build()
        #expect(try StagedOutputTests.snapshot(output) == StagedOutputTests.snapshot(clean))
        try StagedOutputTests.expectPublicOnly(output, files: plain.files, "a plain build after remembered ones")
    }

    /// The model a rebuild of changed reports patched must be the one worked out afresh: the
    /// inspections and each PDU's in the order resolving the content puts them, and every page's
    /// digest what `PageFingerprints` makes of that graph (a digest patched wrong would make the
    /// next builds remake, or skip, the wrong pages).
    static func expectPatchedModelIsWorkedOutAfresh(_ memory: BuildMemory?, content: URL, after edit: String) throws {
        let model = try #require(memory?.model)
        let (loaded, _) = try ContentLoader(root: content.path).load()
        let resolved = try SiteGraph.build(loaded, includeDrafts: true, today: model.today)
        #expect(model.graph.inspections.map(\.slug) == resolved.inspections.map(\.slug), "after editing \(edit)")
        for (slug, entry) in resolved.pdus {
            #expect(model.graph.pdus[slug]?.inspections.map(\.slug) == entry.inspections.map(\.slug), "after editing \(edit): PDU \(slug)")
        }
        let patched = model.fingerprints
        let fresh = PageFingerprints(graph: model.graph, siteWide: patched.siteWide, medians: KeyQuestionMedians(of: model.graph))
        #expect(patched.listings == fresh.listings && patched.tables == fresh.tables, "after editing \(edit)")
        let reports = model.graph.inspections.filter { patched.inspection($0) != fresh.inspection($0) }.map(\.slug)
        #expect(reports.isEmpty, "after editing \(edit): digests differ for \(reports)")
        #expect(model.graph.pdus.keys.allSatisfy { patched.pdu($0) == fresh.pdu($0) }, "after editing \(edit)")
        #expect(model.graph.regions.allSatisfy { patched.region($0.slug) == fresh.region($0.slug) }, "after editing \(edit)")
    }

    @Test func aFailedRebuildOfATextChangesNothingAndIsRemadeOnceFixed() async throws {
        let (folder, content, templates, output, builder) = try Self.scratchSite()
        var memory: BuildMemory?
        _ = try await builder.build(remembering: &memory)
        let before = try StagedOutputTests.snapshot(output)
        let remembered = try #require(memory)

        // Links are checked on every rebuild of a text: one to a missing page, or to an anchor that
        // another edit took away, fails it.
        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        let original = try TestPaths.read(essex)
        try TestPaths.write(original + "\nSee [nowhere](../no-such-report/index.html).\n", to: essex)
        do {
            _ = try await builder.build(remembering: &memory)
            Issue.record("a broken link was not reported")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("leads to no page") && $0.location.file == essex.path })
        }
        #expect(try StagedOutputTests.snapshot(output) == before)
        #expect(try StagedOutputTests.leftovers(in: folder).isEmpty)
        #expect(memory?.manifest == remembered.manifest, "a failed build replaced the memory")

        try TestPaths.write(original + "\nSee [the foreword](#foreword).\n", to: essex)
        let fixed = try await builder.build(remembering: &memory)
        #expect(fixed.clock.stages.contains { $0.name == Self.reportStage })
        #expect(Self.pagesAndText(fixed.written) == Self.essexPagesAndText, "\(fixed.written)")
        let clean = folder.appendingPathComponent("Clean")
        _ = try await SiteBuilder(options: Self.options(content, templates, clean)).build()
        #expect(try Self.site(output) == Self.site(clean))
    }

    /// A PDU inspected a dozen times: an edit to one report remakes the other reports' pages only
    /// where they show what changed (the nearest few list its date, score and rating, no page its
    /// title but its own), and the output is still a clean build's.
    @Test func anEditRemakesOnlyTheReportsThatShowIt() async throws {
        let folder = try TestPaths.scratch()
        let content = try PagesAtScaleTests.alphaInspectedYearly(12, in: folder)
        let options = { (output: URL) in
            SiteBuilder.Options(content: content.path, templates: TestPaths.templates, output: output.path, includeDrafts: true, liveReload: true)
        }
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: options(output))
        var memory: BuildMemory?
        _ = try await builder.build(remembering: &memory)
        let report = content.appendingPathComponent("inspections/alpha-2003.md")
        // Which reports' pages are made again, and whether the pages that tabulate every inspection
        // (home, the lists of regions and PDUs, the sitemap) are.
        let edits: [(name: String, old: String, new: String, remade: ClosedRange<Int>, tables: Bool)] = [
            ("its title, which no other report and no table shows", "title: \"An inspection of Alpha PDU\"", "title: \"Alpha PDU, inspected\"",
             2003...2003, false),
            // 2003 is third of twelve: the first six list it among their seven.
            ("its score, which the six nearest list", "score: 5", "score: 6", 2001...2006, true),
        ]
        for (index, edit) in edits.enumerated() {
            try IncrementalBuildTests.edit(report, replacing: edit.old, with: edit.new)
            let rebuilt = try await builder.build(remembering: &memory)
            #expect(rebuilt.clock.stages.contains { $0.name == Self.reportStage }, "after editing \(edit.name)")
            let remade = Set(rebuilt.written.compactMap { path -> Int? in
                guard path.hasPrefix("inspections/alpha-"), path.hasSuffix("/index.html") else { return nil }
                return Int(path.dropFirst("inspections/alpha-".count).prefix(4))
            })
            #expect(remade == Set(edit.remade), "after editing \(edit.name)")
            try Self.expectPatchedModelIsWorkedOutAfresh(memory, content: content, after: edit.name)
            #expect(rebuilt.written.contains("pdus/alpha/index.html") && rebuilt.written.contains(Routes.dataCSV), "after editing \(edit.name)")
            for table in [Routes.home, Routes.regions, Routes.pdus, Routes.sitemap] {
                #expect(rebuilt.written.contains(table) == edit.tables, "after editing \(edit.name): \(table)")
            }
            let clean = folder.appendingPathComponent("Clean-\(index)")
            _ = try await SiteBuilder(options: options(clean)).build()
            #expect(try Self.site(output) == Self.site(clean), "after editing \(edit.name)")
        }
    }

    /// `serve --preview-output` of a folder a plain build made: the first remembered build reads its
    /// manifest and caches, then takes them out of the folder.
    @Test func aFolderAPlainBuildMadeIsTakenOver() async throws {
        let (folder, content, templates, output, builder) = try Self.scratchSite()
        _ = try await builder.build()
        #expect(BuildManifest.read(from: builder.options.cache) != nil)
        var memory: BuildMemory?
        let unchanged = try await builder.build(remembering: &memory)
        #expect(unchanged.wasUpToDate && memory == nil)

        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        for (round, textsOnly) in [false, true].enumerated() {
            try Self.append("\nRound \(round).\n", to: essex)
            let report = try await builder.build(remembering: &memory)
            #expect(report.clock.stages.contains { $0.name == Self.reportStage } == textsOnly)
            #expect(Self.pagesAndText(report.written) == Self.essexPagesAndText, "\(report.written)")
            try StagedOutputTests.expectPublicOnly(output, files: report.files, "round \(round)")
            #expect(!Self.cacheHoldsAnything(builder), "the plain build's bookkeeping outlives the takeover")
            let clean = folder.appendingPathComponent("Clean-\(round)")
            _ = try await SiteBuilder(options: Self.options(content, templates, clean)).build()
            #expect(try Self.site(output) == Self.site(clean))
        }
    }

    /// A report whose front matter changed, even by a space, goes through the full build: only there
    /// are its fields read and checked.
    @Test func aChangedFrontMatterIsReadAndCheckedAgain() async throws {
        let (_, content, _, _, builder) = try Self.scratchSite()
        var memory: BuildMemory?
        _ = try await builder.build(remembering: &memory)
        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        try IncrementalBuildTests.edit(essex, replacing: "score: 5\n", with: "score: 9\n")
        do {
            _ = try await builder.build(remembering: &memory)
            Issue.record("a score that contradicts the ratings was not reported")
        } catch {
            #expect(error.diagnostics.contains { $0.field == "score" && $0.location.file == essex.path })
        }
    }
}
