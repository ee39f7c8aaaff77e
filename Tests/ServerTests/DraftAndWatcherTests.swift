import Foundation
import Testing
@testable import ReportSite
@testable import ReportSiteServer
import ReportSiteViews
import Templates
import ReportSiteTestSupport

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
        let content = try SiteFolder.makeContent(in: folder)
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
        let first = try watcher.snapshot().get()
        #expect(SourceWatcher.changes(from: first, to: (try watcher.snapshot().get())).isEmpty)

        try TestPaths.write("two!", to: a)
        try TestPaths.write("new", to: b)
        try TestPaths.write("ignored", to: folder.appendingPathComponent(".hidden.swp"))
        // Hidden folders too, as the loader leaves them out (a .git folder changes on every commit).
        try TestPaths.write("ignored", to: folder.appendingPathComponent(".git/objects/ab"))
        let second = try watcher.snapshot().get()
        #expect(SourceWatcher.changes(from: first, to: second) == [a.path, b.path])

        try FileManager.default.removeItem(at: a)
        #expect(SourceWatcher.changes(from: second, to: (try watcher.snapshot().get())) == [a.path])
    }

    #if canImport(Glibc)
    @Test func inotifyWakesTheWatcherAsSoonAsAFileChangesAndSaysWhich() async throws {
        let folder = try TestPaths.scratch()
        let a = folder.appendingPathComponent("a.md")
        try TestPaths.write("one", to: a)
        let files = SourceWatcher(folders: [folder.path])
        var last = try files.snapshot().get()
        let watcher = try #require(InotifyWatcher.make(folders: [folder.path]))
        let clock = ContinuousClock()
        /// Waits for events after `change` runs; the stamps they give must be a fresh snapshot's.
        func expectEvents(after change: @escaping @Sendable () throws -> Void, _ what: String) async throws -> InotifyWatcher.Events {
            // The change is made on a thread of its own, not a task: with the suites running in
            // parallel on a loaded machine, a task could wait for the pool longer than the timeout.
            let written = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) {
                try? change()
                written.signal()
            }
            var events: InotifyWatcher.Events = .none
            let waited = await clock.measure { events = await watcher.wait(timeout: .seconds(10)) }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async { written.wait(); done.resume() }
            }
            try? await Task.sleep(for: .milliseconds(50))
            let more = await watcher.wait(timeout: .zero)
            if case .files(let first) = events, case .files(let later) = more { events = .files(first.union(later)) }
            // Woken by the change, not by the timeout (which gives `.none`). How soon is not timed
            // here: on a loaded machine the task resumes when the pool has a thread for it.
            #expect(events != .none, "\(what): woke after \(waited), not on the change")
            if case .files(let paths) = events {
                let now = last.updating(paths)
                #expect(now == (try files.snapshot().get()), "\(what): the events missed a change")
                last = now
            } else {
                last = try files.snapshot().get()
            }
            return events
        }

        #expect(try await expectEvents(after: { try TestPaths.write("two", to: a) }, "a file written") == .files([a.path]))
        let hidden = folder.appendingPathComponent(".a.md.swp")
        #expect(try await expectEvents(after: { try TestPaths.write("x", to: hidden) }, "a hidden file") == .files([hidden.path]))
        #expect(try await expectEvents(after: { try FileManager.default.removeItem(at: a) }, "a file removed") == .files([a.path]))

        // A folder made is more than its events tell: every file must be looked at, and it is
        // watched once `watch` is called again, as the preview does then.
        let sub = folder.appendingPathComponent("new")
        #expect(try await expectEvents(after: { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) },
                                       "a folder made") == .unknown)
        watcher.watch([folder.path])
        let b = sub.appendingPathComponent("b.md")
        #expect(try await expectEvents(after: { try TestPaths.write("x", to: b) }, "a file in the new folder") == .files([b.path]))
    }
    #endif

    @Test func theErrorPageEscapesWhatItShows() {
        let error = DiagnosticsError([Diagnostic(at: SourceLocation(file: "<x>.md", line: 3, column: 1), field: "title",
                                                 "bad <script>", note: "fix & save")])
        let html = SiteTemplates().buildFailed(BuildFailedView(error)).text
        #expect(html.contains("&lt;x&gt;.md:3:1"))
        #expect(html.contains("bad &lt;script&gt;"))
        #expect(html.contains("fix &amp; save"))
        #expect(!html.contains("<script>"))
    }
}
