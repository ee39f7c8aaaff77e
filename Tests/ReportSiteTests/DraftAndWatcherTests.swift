import Foundation
import Testing
@testable import ReportSite
@testable import ReportSiteServer

@Suite("Drafts and the preview's watcher")
struct DraftAndWatcherTests {
    static func inspection(draft: Bool = false, published: String? = nil) -> Inspection {
        Inspection(slug: "x", title: "x", kind: .pdu, pduName: "Alpha", regionSlug: "test-region", frameworkID: "pdu-2023",
                   published: published.flatMap(PartialDate.init), fieldworkStart: nil, score: nil, maxScore: nil, overall: nil,
                   ratings: [:], keyQuestions: [:], recommendations: [], leadInspector: nil, summary: nil, sources: [],
                   draft: draft, body: "", bodyFirstLine: 1, fieldLocations: [:], location: SourceLocation(file: "x.md"))
    }

    @Test func draftsAreMarkedOrPublishedLater() throws {
        let today = try #require(PartialDate("2026-11-22"))
        #expect(Self.inspection(draft: true).isDraft(today: today))
        #expect(Self.inspection(published: "2026-11-23").isDraft(today: today))
        #expect(Self.inspection(published: "2026-12").isDraft(today: today))
        #expect(Self.inspection(published: "2027").isDraft(today: today))
        #expect(!Self.inspection(published: "2026-11-22").isDraft(today: today))
        #expect(!Self.inspection(published: "2026-11").isDraft(today: today))
        #expect(!Self.inspection(published: "2024-07-18").isDraft(today: today))
        #expect(!Self.inspection().isDraft(today: today))
    }

    @Test func buildsLeaveDraftsOutUnlessAskedAndBannerThem() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "score: 5", with: "score: 5\npublished: 2999-01"), to: file)
        let output = folder.appendingPathComponent("Output")
        let published = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        #expect(published.inspectionPages == 0)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("inspections/alpha-2024").path))
        #expect(try !TestPaths.read(output.appendingPathComponent("pdus/alpha/index.html")).contains("alpha-2024"))

        let preview = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates,
                                                           output: output.path, includeDrafts: true)).build()
        #expect(preview.inspectionPages == 1)
        #expect(try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html")).contains("Draft – not published"))
    }

    @Test func theWatcherSeesAddedChangedAndRemovedFiles() throws {
        let folder = try TestPaths.scratch()
        let watcher = SourceWatcher(folders: [folder.path])
        let a = folder.appendingPathComponent("a.md"), b = folder.appendingPathComponent("sub/b.md")
        try TestPaths.write("one", to: a)
        let first = watcher.snapshot()
        #expect(SourceWatcher.changes(from: first, to: watcher.snapshot()).isEmpty)

        try TestPaths.write("two!", to: a)
        try TestPaths.write("new", to: b)
        try TestPaths.write("ignored", to: folder.appendingPathComponent(".hidden.swp"))
        // Hidden folders too, as the loader leaves them out (a .git folder changes on every commit).
        try TestPaths.write("ignored", to: folder.appendingPathComponent(".git/objects/ab"))
        let second = watcher.snapshot()
        #expect(SourceWatcher.changes(from: first, to: second) == [a.path, b.path])

        try FileManager.default.removeItem(at: a)
        #expect(SourceWatcher.changes(from: second, to: watcher.snapshot()) == [a.path])
    }

    #if canImport(Glibc)
    @Test func inotifyWakesTheWatcherAsSoonAsAFileChanges() async throws {
        let folder = try TestPaths.scratch()
        try TestPaths.write("one", to: folder.appendingPathComponent("a.md"))
        let watcher = try #require(InotifyWatcher.make(folders: [folder.path]))
        let clock = ContinuousClock()
        async let writer: Void = {
            try? await Task.sleep(for: .milliseconds(200))
            try? TestPaths.write("two", to: folder.appendingPathComponent("a.md"))
        }()
        let waited = await clock.measure { await watcher.wait(timeout: .seconds(10)) }
        await writer
        #expect(waited < .seconds(5), "woke after \(waited), not on the write")

        // A folder made later is watched once `watch` is called again, as the preview does after a change.
        let sub = folder.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        await watcher.wait(timeout: .seconds(1))
        watcher.watch([folder.path])
        async let second: Void = {
            try? await Task.sleep(for: .milliseconds(200))
            try? TestPaths.write("x", to: sub.appendingPathComponent("b.md"))
        }()
        let waitedAgain = await clock.measure { await watcher.wait(timeout: .seconds(10)) }
        await second
        #expect(waitedAgain < .seconds(5))
    }
    #endif

    @Test func theErrorPageEscapesWhatItShows() {
        let error = DiagnosticsError([Diagnostic(at: SourceLocation(file: "<x>.md", line: 3, column: 1), field: "title",
                                                 "bad <script>", note: "fix & save")])
        let html = ErrorPage.html(for: error)
        #expect(html.contains("&lt;x&gt;.md:3:1"))
        #expect(html.contains("bad &lt;script&gt;"))
        #expect(html.contains("fix &amp; save"))
        #expect(!html.contains("<script>"))
    }
}
