import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Builds that keep their bookkeeping in memory (as the preview server does) must make exactly the
/// site a build into an empty folder makes, whichever way they go: the rebuild of changed reports
/// alone, or the full incremental build. The comparison after each kind of edit is
/// `EditAndCompareTests` (with `BuildStoreKind.memory`); here, failures, takeovers and scale.
@Suite("Remembered builds", .serialized)
struct RememberedBuildTests {
    /// The stage only the rebuild of changed reports has.
    static let reportStage = "read the changed reports"

    static func site(_ folder: URL) throws -> [String: Data] {
        try SiteFolder.snapshot(folder)
    }

    /// Whether the build cache of `builder`'s output holds any file.
    static func cacheHoldsAnything(_ builder: SiteBuilder) -> Bool {
        BuildCache.fileNames.contains { FileManager.default.fileExists(atPath: builder.options.cache.path($0)) }
    }

    static func options(_ content: URL, _ templates: URL, _ output: URL) -> SiteBuilder.Options {
        .init(content: content.path, templates: templates.path, output: output.path, includeDrafts: true, liveReload: true)
    }

    /// A scratch copy of the real site and a preview-like builder for it.
    static func scratchSite() throws -> (folder: URL, content: URL, templates: URL, output: URL, builder: SiteBuilder) {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        return (folder, content, templates, output, SiteBuilder(options: options(content, templates, output)))
    }

    /// A text edit of Essex South's report writes its two pages and its text for snippets, and
    /// the shards of the words it added or took away.
    /// The report's pages and text for snippets, in English and in Welsh (the real site has both).
    static let essexPagesAndText = ["inspections/essex-south-2024/index.html", "inspections/essex-south-2024/print.html",
                                    Routes.searchText("essex-south-2024")].flatMap { [$0, "cy/" + $0] }.sorted()

    static func pagesAndText(_ written: [String]) -> [String] {
        written.filter { !$0.hasPrefix(Routes.searchShards) }
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
        let before = try SiteFolder.snapshot(output)
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
        #expect(try SiteFolder.snapshot(output) == before)
        #expect(try SiteFolder.leftovers(in: folder).isEmpty)
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
            try SiteFolder.edit(report, replacing: edit.old, with: edit.new)
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
            try SiteFolder.append("\nRound \(round).\n", to: essex)
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
        try SiteFolder.edit(essex, replacing: "score: 5\n", with: "score: 9\n")
        do {
            _ = try await builder.build(remembering: &memory)
            Issue.record("a score that contradicts the ratings was not reported")
        } catch {
            #expect(error.diagnostics.contains { $0.field == "score" && $0.location.file == essex.path })
        }
    }
}
