import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Files under `Content/files/` go into the site; texts link to them and to the site's own files,
/// show images with alt text, and every such link is checked.
@Suite("Files and images in reports", .serialized)
struct AttachmentTests {
    static func site(body: String, files: [String: Data] = ["annex.pdf": Data(repeating: 0x25, count: 1_234), "charts/caseload.png": Data([0x89, 0x50, 0x4E, 0x47])])
        throws -> (folder: URL, content: URL) {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        for (name, data) in files {
            let url = content.appendingPathComponent("files").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "Text.", with: body),
                            to: content.appendingPathComponent("inspections/alpha-2024.md"))
        return (folder, content)
    }

    @Test func aReportLinksToAFileAndShowsAnImageWhichTheSiteHolds() async throws {
        let (folder, content) = try Self.site(body: """
            The [annex](../../files/annex.pdf) and the [open data](../../data/inspections.csv).

            ![Caseload by team, 2024](../../files/charts/caseload.png)
            """)
        #expect(await SiteChecker(content: content.path, templates: TestPaths.templates).check().isEmpty)
        let output = folder.appendingPathComponent("Output")
        let report = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        #expect(report.files.contains("files/annex.pdf") && report.files.contains("files/charts/caseload.png"))
        #expect(try Data(contentsOf: output.appendingPathComponent("files/annex.pdf")).count == 1_234)
        let page = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html"))
        #expect(page.contains(#"<a href="../../files/annex.pdf">annex</a> (PDF, 1 KB)"#), "\(page)")
        #expect(page.contains(#"<img src="../../files/charts/caseload.png" alt="Caseload by team, 2024" />"#))
        try StagedOutputTests.expectPublicOnly(output, files: report.files)

        // A file replaced by one of another size is copied again, and the size beside its link follows.
        try Data(repeating: 0x25, count: 2_600_000).write(to: content.appendingPathComponent("files/annex.pdf"))
        let again = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        #expect(again.written.contains("files/annex.pdf"))
        #expect(try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html")).contains("annex</a> (PDF, 2.6 MB)"))
    }

    @Test func aMissingFileAnImageWithoutAltAndAnUnsafeNameAreErrors() async throws {
        let (_, content) = try Self.site(body: """
            The [annex](../../files/annexe.pdf).

            ![](../../files/charts/caseload.png)
            """, files: ["annex.pdf": Data([1]), "charts/caseload.png": Data([2]), "my report.pdf": Data([3])])
        let errors = await SiteChecker(content: content.path, templates: TestPaths.templates).check().filter { $0.severity == .error }
        #expect(errors.map(\.message).sorted() == [
            "'my report.pdf' cannot be part of a web address",
            "image '../../files/charts/caseload.png' has no alt text",
            "link '../../files/annexe.pdf' leads to no page or file (files/annexe.pdf)",
        ], "\(errors)")
        #expect(errors.first { $0.message.hasPrefix("image") }?.location.line == 14)
    }
}
