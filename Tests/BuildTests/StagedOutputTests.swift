import Foundation
import Testing
@testable import ReportSite

@Suite("Atomic output")
struct StagedOutputTests {
    /// A tiny valid content folder: one region, one PDU, one inspection.
    static func makeContent(in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("Content")
        try TestPaths.write("""
            title: "Test site"
            base_url: "https://example.org/"
            licence: "Open Government Licence"
            """, to: content.appendingPathComponent("site.yml"))
        try TestPaths.write(try TestPaths.read(URL(fileURLWithPath: TestPaths.content).appendingPathComponent("frameworks/pdu-2023.yml")),
                            to: content.appendingPathComponent("frameworks/pdu-2023.yml"))
        try TestPaths.write("""
            ---
            name: "Test Region"
            pdus:
              - name: "Alpha"
            ---
            """, to: content.appendingPathComponent("regions/test-region.md"))
        try TestPaths.write(TestContent.alphaInspection, to: content.appendingPathComponent("inspections/alpha-2024.md"))
        return content
    }

    /// Every file under `folder` with its bytes; the ownership marker by its form alone, as each
    /// build gives the site a new id.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in LinkChecker.allFiles(folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            files[path] = path == StagedOutput.markerName ? Data(markerForm(data).utf8) : data
        }
        return files
    }

    /// The marker's text with its id replaced, so that two markers of the right form compare equal.
    static func markerForm(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"^reportsite [0-9a-f-]{36}\n$"#, with: "reportsite <id>", options: .regularExpression)
    }

    /// Checks that `folder` holds the site's own files (`files`, as the build listed them) and the
    /// ownership marker with the site's id, and nothing else: no bookkeeping, nothing left over.
    static func expectPublicOnly(_ folder: URL, files: [String], _ comment: String = "") throws {
        let found = LinkChecker.allFiles(folder)
        #expect(found == Set(files + [StagedOutput.markerName]), "\(comment): not the site's own files: \(found.symmetricDifference(files + [StagedOutput.markerName]).sorted().prefix(5))")
        #expect(markerForm(try Data(contentsOf: folder.appendingPathComponent(StagedOutput.markerName))) == "reportsite <id>",
                "the ownership marker holds something else than the site's id")
    }

    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".staging-") || $0.contains(".old-") }
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
        let content = try StagedOutputTests.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        let good = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        let first = try await good.build()
        #expect(first.pages.contains("inspections/alpha-2024/index.html"))
        let before = try StagedOutputTests.snapshot(output)

        // Templates whose assets hold a file named like the pages' folder: every page is written to
        // staging, then copying that asset fails, halfway through the write stage. (A preview's
        // build, which keeps the assets' names as they are.)
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: templates.path)
        try TestPaths.write("not a folder", to: templates.appendingPathComponent("assets/inspections"))
        let failing = SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path, liveReload: true))
        await #expect(throws: DiagnosticsError.self) { try await failing.build() }

        #expect(try StagedOutputTests.snapshot(output) == before)
        #expect(try StagedOutputTests.leftovers(in: folder).isEmpty)
    }

    @Test func badContentFailsTheBuildAndKeepsTheLastGoodSite() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        _ = try await builder.build()
        let before = try StagedOutputTests.snapshot(output)

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
        #expect(try StagedOutputTests.snapshot(output) == before)
        #expect(try StagedOutputTests.leftovers(in: folder).isEmpty)
    }

    @Test func neverReplacesAFolderItDidNotMake() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
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
        let (content, templates) = try IncrementalBuildTests.copyOfTheSite(in: folder)
        try TestPaths.write(DraftTraceTests.report("published: 2025-12-01\ndraft: true"),
                            to: content.appendingPathComponent("inspections/essex-south-2026.md"))
        let output = folder.appendingPathComponent("Output")
        func options(_ output: URL, drafts: Bool) -> SiteBuilder.Options {
            .init(content: content.path, templates: templates.path, output: output.path, includeDrafts: drafts)
        }
        _ = try await SiteBuilder(options: options(output, drafts: false)).build()
        // An edit, so that the build without drafts is an incremental one.
        try IncrementalBuildTests.edit(content.appendingPathComponent("inspections/essex-south-2024.md"), replacing: "safety: 33 }", with: "safety: 36 }")
        async let plain = SiteBuilder(options: options(output, drafts: false)).build()
        async let withDrafts = SiteBuilder(options: options(output, drafts: true)).build()
        _ = try await (plain, withDrafts)

        let referencePlain = folder.appendingPathComponent("References/Plain"), referenceDrafts = folder.appendingPathComponent("References/Drafts")
        _ = try await SiteBuilder(options: options(referencePlain, drafts: false)).build()
        _ = try await SiteBuilder(options: options(referenceDrafts, drafts: true)).build()
        let site = try StagedOutputTests.snapshot(output)
        #expect(try site == StagedOutputTests.snapshot(referencePlain) || site == StagedOutputTests.snapshot(referenceDrafts), "a mix of two sites")
        // Whichever went last, the next plain build makes the plain site: no draft stays published.
        _ = try await SiteBuilder(options: options(output, drafts: false)).build()
        #expect(try StagedOutputTests.snapshot(output) == StagedOutputTests.snapshot(referencePlain))
    }

    /// Staging and old folders a killed build left are removed by the next build.
    @Test func leftoversOfAKilledBuildAreRemoved() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output")
        for name in [".Output.staging-1234", ".Output.old-5678", ".Output.staging-9/inspections/x"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try TestPaths.write("keep", to: folder.appendingPathComponent(".Other.staging-1/keep.txt"))
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        #expect(try StagedOutputTests.leftovers(in: folder) == [".Other.staging-1"])
    }

    /// An output that is a symbolic link is built through the link: the link stays, its target holds the site.
    @Test func aSymbolicallyLinkedOutputIsUpdatedThroughTheLink() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
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

@Suite("Writing files")
struct FileWriterTests {
    @Test func writesMakesFoldersAndReplacesLongerFiles() throws {
        let folder = try TestPaths.scratch()
        let path = folder.appendingPathComponent("a/b/c/page.html").path
        try FileWriter.write(Data("a longer first version".utf8), to: path)
        try FileWriter.write(Data("short".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("short".utf8))
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try FileWriter.write(big, to: folder.appendingPathComponent("big.bin").path)
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("big.bin").path) == big)
        #expect(throws: (any Error).self) { try FileWriter.write(Data(), to: path + "/under-a-file") }
    }
}

@Suite("Walking the content folder")
struct DirectoryWalkTests {
    @Test func findsFilesInNestedFoldersLeavesHiddenOnesOutAndFollowsLinksOnlyToFiles() throws {
        let folder = try TestPaths.scratch()
        for file in ["a.md", "nested/b.md", "nested/deeper/c.md", ".hidden.md", ".git/d.md", "nested/.swap/e.md"] {
            try TestPaths.write("x", to: folder.appendingPathComponent(file))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("a.md").path)
        // A link back to the folder itself: following it would never end.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("nested/loop").path,
                                                   withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("gone.md").path)
        let found = DirectoryWalk.files(under: folder.path).sorted()
        #expect(found == ["a.md", "link.md", "nested/b.md", "nested/deeper/c.md"])
        #expect(DirectoryWalk.files(under: folder.appendingPathComponent("missing").path).isEmpty)
    }

}
