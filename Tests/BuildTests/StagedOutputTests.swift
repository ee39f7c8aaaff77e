import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("Atomic output")
struct StagedOutputTests {
    /// Checks that `folder` holds the site's own files (`files`, as the build listed them) and the
    /// ownership marker with the site's id, and nothing else: no bookkeeping, nothing left over.
    static func expectPublicOnly(_ folder: URL, files: [String], _ comment: String = "") throws {
        let found = LinkChecker.allFiles(folder)
        #expect(found == Set(files + [StagedOutput.markerName]), "\(comment): not the site's own files: \(found.symmetricDifference(files + [StagedOutput.markerName]).sorted().prefix(5))")
        #expect(SiteFolder.markerForm(try Data(contentsOf: folder.appendingPathComponent(StagedOutput.markerName))) == "reportsite <id>",
                "the ownership marker holds something else than the site's id")
    }

    @Test func refusesPathsOutsideTheOutput() throws {
        let folder = try TestPaths.scratch()
        let staged = try StagedOutput(output: folder.appendingPathComponent("Output").path, protecting: [])
        defer { staged.discard() }
        for bad in ["../escape.html", "/etc/passwd", "a/../../b", "", "a//b", "./x"] {
            #expect(throws: DiagnosticsError.self) { try staged.write(Data("x".utf8), to: bad) }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
        try staged.write(Data("ok".utf8), to: "inspections/x/index.html")
    }

    @Test func aBuildThatFailsHalfwayLeavesThePreviousOutputUntouched() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        let good = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        let first = try await good.build()
        #expect(first.pages.contains("inspections/alpha-2024/index.html"))
        let before = try SiteFolder.snapshot(output)

        // Templates whose assets hold a file named like the pages' folder: every page is written to
        // staging, then copying that asset fails, halfway through the write stage. (A preview's
        // build, which keeps the assets' names as they are.)
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: templates.path)
        try TestPaths.write("not a folder", to: templates.appendingPathComponent("assets/inspections"))
        let failing = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path, liveReload: true))
        await #expect(throws: DiagnosticsError.self) { try await failing.build() }

        #expect(try SiteFolder.snapshot(output) == before)
        #expect(try SiteFolder.leftovers(in: folder).isEmpty)
    }

    @Test func badContentFailsTheBuildAndKeepsTheLastGoodSite() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        _ = try await builder.build()
        let before = try SiteFolder.snapshot(output)

        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "score: 5", with: "score: five"), to: file)
        do {
            _ = try await builder.build()
            Issue.record("the build should fail")
        } catch {
            let text = error.description
            #expect(text.contains("alpha-2024.md:7:8: error: score: expected a whole number"))
            #expect(text.contains("score: expected a whole number"))
        }
        #expect(try SiteFolder.snapshot(output) == before)
        #expect(try SiteFolder.leftovers(in: folder).isEmpty)
    }

    @Test func neverReplacesAFolderItDidNotMake() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let precious = folder.appendingPathComponent("Documents")
        try TestPaths.write("keep me", to: precious.appendingPathComponent("notes.txt"))
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: precious.path))
        await #expect(throws: DiagnosticsError.self) { try await builder.build() }
        #expect(try TestPaths.read(precious.appendingPathComponent("notes.txt")) == "keep me")

        let overContent = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: folder.path))
        await #expect(throws: DiagnosticsError.self) { try await overContent.build() }
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path))
    }
    /// Two builds into one folder at once, one with drafts and one without: the lock makes them take
    /// turns, so the folder ends as exactly one of the two sites, and the next build is right.
    @Test func concurrentBuildsTakeTurns() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        try TestPaths.write(DraftTraceTests.report("published: 2025-12-01\ndraft: true"),
                            to: content.appendingPathComponent("inspections/essex-south-2026.md"))
        let output = folder.appendingPathComponent("Output")
        func options(_ output: URL, drafts: Bool) -> SiteBuilder.Options {
            .init(content: content.path, templates: templates.path, output: output.path, includeDrafts: drafts)
        }
        _ = try await SiteBuilder(options: options(output, drafts: false)).build()
        // An edit, so that the build without drafts is an incremental one.
        try SiteFolder.edit(content.appendingPathComponent("inspections/essex-south-2024.md"), replacing: "safety: 33 }", with: "safety: 36 }")
        async let plain = SiteBuilder(options: options(output, drafts: false)).build()
        async let withDrafts = SiteBuilder(options: options(output, drafts: true)).build()
        _ = try await (plain, withDrafts)

        let referencePlain = folder.appendingPathComponent("References/Plain"), referenceDrafts = folder.appendingPathComponent("References/Drafts")
        _ = try await SiteBuilder(options: options(referencePlain, drafts: false)).build()
        _ = try await SiteBuilder(options: options(referenceDrafts, drafts: true)).build()
        let site = try SiteFolder.snapshot(output)
        #expect(try site == SiteFolder.snapshot(referencePlain) || site == SiteFolder.snapshot(referenceDrafts), "a mix of two sites")
        // Whichever went last, the next plain build makes the plain site: no draft stays published.
        _ = try await SiteBuilder(options: options(output, drafts: false)).build()
        #expect(try SiteFolder.snapshot(output) == SiteFolder.snapshot(referencePlain))
    }

    /// Staging and old folders a killed build left are removed by the next build.
    @Test func leftoversOfAKilledBuildAreRemoved() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        for name in [".Output.staging-1234", ".Output.old-5678", ".Output.staging-9/inspections/x"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try TestPaths.write("keep", to: folder.appendingPathComponent(".Other.staging-1/keep.txt"))
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        #expect(try SiteFolder.leftovers(in: folder) == [".Other.staging-1"])
    }

    /// An output that is a symbolic link is built through the link: the link stays, its target holds the site.
    @Test func aSymbolicallyLinkedOutputIsUpdatedThroughTheLink() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let target = folder.appendingPathComponent("releases/site"), link = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: link.path))
        let first = try await builder.build()
        try TestPaths.write(try TestPaths.read(content.appendingPathComponent("inspections/alpha-2024.md")) + "\nMore.\n",
                            to: content.appendingPathComponent("inspections/alpha-2024.md"))
        let second = try await builder.build()
        #expect(!second.wasUpToDate && second.written.count < first.written.count)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        try StagedOutputTests.expectPublicOnly(target, files: second.files)
        #expect(try TestPaths.read(target.appendingPathComponent("inspections/alpha-2024/index.html")).contains("More."))
    }
}
