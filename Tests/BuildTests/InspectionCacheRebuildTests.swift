import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The inspection cache in a build: a rebuild decodes only the reports whose files changed.
@Suite("Inspection cache in a rebuild")
struct InspectionCacheRebuildTests {
    /// A rebuild after a report changed takes the other reports from the cache, and the changed one
    /// from its file; the incremental tests check the pages, this checks the cache is used at all.
    @Test func aRebuildReadsOnlyTheChangedReport() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path))
        _ = try await builder.build()
        let manifest = try #require(BuildManifest.read(from: builder.options.cache))
        let cache = InspectionCache.read(from: builder.options.cache, settledBefore: manifest.stampedAt - 2_000_000_000)
        #expect(cache.records.count > 50)

        let essex = content.appendingPathComponent("inspections/essex-south-2024.md")
        try SiteFolder.edit(essex, replacing: "safety: 33 }", with: "safety: 36 }")
        let loader = ContentLoader(root: content.path, cache: cache, makesCache: true)
        let (loaded, diagnostics, next) = loader.readCaching()
        #expect(!diagnostics.contains { $0.severity == .error })
        let edited = try #require(loaded.inspections.first { $0.slug == "essex-south-2024" })
        #expect(edited.keyQuestions.values.contains { $0.values.contains(36) })
        let fresh = ContentLoader(root: content.path).read().content.inspections
        #expect(loaded.inspections == fresh)
        // The new cache holds the edited report's new entry.
        let nextCache = try #require(next)
        let stamp = try #require(InputStamps.stamp(essex.path))
        #expect(nextCache.records[essex.path]?.modified == stamp.modified)
    }
}
