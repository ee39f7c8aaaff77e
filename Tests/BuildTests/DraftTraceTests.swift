import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// A draft leaves no trace in the published site: not a page, a count, a median, a search entry, a
/// feed item, a sitemap line, an open-data row nor a cache file. The output with the draft is byte
/// for byte the output without its file, and no file under it, hidden or binary, holds the draft's text.
@Suite("Drafts leave no trace", .serialized)
struct DraftTraceTests {
    static let marker = "ZQXDRAFTMARKER"

    /// A re-inspection of Essex South with the marker in every field that takes text, and figures
    /// that would move its programme's medians and counts.
    static func report(_ state: String) -> String {
        """
        ---
        title: "\(marker) title"
        type: pdu
        pdu: "Essex South"
        region: east-of-england
        framework: pdu-2023
        \(state)
        fieldwork_start: 2025-11-03
        score: 21
        max_score: 21
        overall: "Outstanding"
        ratings:
          leadership: "Outstanding"
          staffing: "Outstanding"
          services: "Outstanding"
          assessment: "Outstanding"
          planning: "Outstanding"
          implementation: "Outstanding"
          reviewing: "Outstanding"
        key_questions:
          assessment: { engagement: 99, desistance: 98, safety: 97 }
          planning: { engagement: 96, desistance: 95, safety: 94 }
          implementation: { engagement: 93, desistance: 92, safety: 91 }
          reviewing: { engagement: 90, desistance: 89, safety: 88 }
        recommendations:
          - to: "\(marker) recipient"
            items:
              - "\(marker) recommendation"
        lead_inspector: "\(marker) inspector"
        summary: "\(marker) summary"
        sources:
          - "\(marker) source"
        notes: "\(marker) working note"
        ---
        ## \(marker) heading

        \(marker) body text.
        """
    }

    /// The files under `folder` whose bytes hold `text`.
    static func holdsTheMarker(_ folder: URL, _ text: String = marker) throws -> [String] {
        let needle = Data(text.utf8)
        return try LinkChecker.allFiles(folder).sorted().filter { path in
            try Data(contentsOf: folder.appendingPathComponent(path)).range(of: needle) != nil
        }
    }

    @Test(arguments: ["published: 2025-12-01\ndraft: true", "published: 2099-01-01"])
    func aDraftLeavesNoTraceInAFullOrIncrementalBuild(draftState: String) async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let today = try #require(PartialDate("2026-06-01"))
        func builder(_ output: URL) -> SiteBuilder {
            SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path, today: today))
        }
        // The site as if the file did not exist.
        let without = folder.appendingPathComponent("Without")
        _ = try await builder(without).build()

        let file = content.appendingPathComponent("inspections/essex-south-2026.md")
        let output = folder.appendingPathComponent("Output")
        // Published first, so that the incremental build must take away what it made.
        try TestPaths.write(Self.report("published: 2025-12-01"), to: file)
        _ = try await builder(output).build()
        #expect(try !Self.holdsTheMarker(output).isEmpty, "the published report should show the marker")

        try TestPaths.write(Self.report(draftState), to: file)
        let incremental = try await builder(output).build()
        #expect(!incremental.wasUpToDate)
        #expect(try Self.holdsTheMarker(output) == [], "an incremental build kept the draft")
        #expect(try SiteFolder.snapshot(output) == SiteFolder.snapshot(without),
                "an incremental build's site differs from the site without the draft")

        let fresh = folder.appendingPathComponent("Fresh")
        let full = try await builder(fresh).build()
        #expect(try Self.holdsTheMarker(fresh) == [], "a full build published the draft")
        #expect(try SiteFolder.snapshot(fresh) == SiteFolder.snapshot(without),
                "a full build's site differs from the site without the draft")
        try StagedOutputTests.expectPublicOnly(fresh, files: full.files)
    }

    /// In the preview, a draft is marked wherever it is listed, not only on its own page.
    @Test func thePreviewMarksADraftInEveryListing() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        try TestPaths.write(Self.report("published: 2025-12-01\ndraft: true"), to: content.appendingPathComponent("inspections/essex-south-2026.md"))
        let preview = folder.appendingPathComponent("Preview")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: preview.path,
                                                 includeDrafts: true, liveReload: true)).build()
        let tag = #"<strong class="draft-tag">(draft)</strong>"#
        for page in [Routes.home, Routes.region("east-of-england"), Routes.pdu("essex-south"), Routes.pdus,
                     Routes.inspection("essex-south-2024")] {
            let html = try TestPaths.read(preview.appendingPathComponent(page))
            #expect(html.contains(tag), "\(page) lists the draft without marking it")
        }
        let published = try TestPaths.read(preview.appendingPathComponent(Routes.inspection("essex-south-2026")))
        #expect(published.contains("Draft – not published"))
    }

    /// The figures of a page as the public reads them: counts, the charts' numbers, the tables of
    /// numbers under them and the key-question medians, with any "+ 1 draft" note taken out.
    static func figures(_ html: String) -> [String] {
        let patterns = [
            #"Ratings from (\d+) published inspections"#, #"(\d+) published inspections(?: <span class="draft-tag">[^<]*</span>)?\."#,
            #"<span class="count">(\d+)</span>"#, #"(\d+ PDUs, \d+ inspections)"#,
            #"data-count="(\d+)""#, #"<td data-label="Inspections">(\d+)"#,
            #"<td data-label="(?!Inspections)[^"]*">(\d+)</td>"#, #"class="pct">([^<]*)</td>"#,
            #"visually-hidden">(too few inspections for a median \(\d+\))<"#,
        ]
        return patterns.flatMap { LinkChecker.matches($0, in: html, groups: 1).map { $0[0] } }
    }

    /// The preview shows drafts, marked, but every figure on the home, region and report pages
    /// is the published site's: a draft that would move every count, chart and median moves none.
    @Test func thePreviewsFiguresAreThePublishedSites() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let today = try #require(PartialDate("2026-06-01"))
        try TestPaths.write(Self.report("published: 2025-12-01\ndraft: true"), to: content.appendingPathComponent("inspections/essex-south-2026.md"))
        let published = folder.appendingPathComponent("Published"), preview = folder.appendingPathComponent("Preview")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: published.path, today: today)).build()
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: preview.path,
                                                 includeDrafts: true, liveReload: true, today: today)).build()
        for page in [Routes.home, Routes.regions, Routes.region("east-of-england"), Routes.inspection("essex-south-2024")] {
            let publicFigures = Self.figures(try TestPaths.read(published.appendingPathComponent(page)))
            let previewed = Self.figures(try TestPaths.read(preview.appendingPathComponent(page)))
            #expect(!publicFigures.isEmpty, "\(page) has no figures to compare")
            #expect(previewed == publicFigures, "\(page): the preview's figures differ from the published site's")
        }
        // The draft is still there to see, and said beside the counts.
        let home = try TestPaths.read(preview.appendingPathComponent(Routes.home))
        #expect(home.contains(#"published inspections <span class="draft-tag">+ 1 draft (not counted)</span>"#))
        let region = try TestPaths.read(preview.appendingPathComponent(Routes.region("east-of-england")))
        #expect(region.contains("+ 1 draft (not counted)"))
    }
}
