import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// A report of a PDU inspected before shows, beside each standard, the rating it had then, the
/// previous score and overall rating, and says when a programme change makes them not comparable.
@Suite("Change since the last inspection")
struct ChangeSinceLastTimeTests {
    /// The ratings box of a built report, white space folded.
    static func ratingsBox(_ output: URL, _ slug: String) throws -> String {
        let page = RealContentBuild.folded(try TestPaths.read(output.appendingPathComponent("inspections/\(slug)/index.html")))
        let start = try #require(page.range(of: "<section id=\"ratings\""))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The row of `standard` in a ratings box.
    static func row(_ box: String, _ standard: String) throws -> String {
        let name = try #require(box.range(of: "</span> \(standard)</th>"))
        let start = try #require(box.range(of: "<tr>", options: .backwards, range: box.startIndex..<name.lowerBound))
        let end = try #require(box.range(of: "</tr>", range: name.upperBound..<box.endIndex))
        return String(box[start.lowerBound..<end.upperBound])
    }

    @Test func aReportUnderANewProgrammeShowsTheLastRatingsAndSaysTheyDoNotCompare() async throws {
        let (output, _) = try await RealContentBuild.site.value
        // Northamptonshire: 2022 under the 2021–23 programme (9/27), 2024 under the 2023 programme.
        let box = try Self.ratingsBox(output, "northamptonshire-2024")
        #expect(box.contains("Last inspected: <a href=\"../../inspections/northamptonshire-2022/index.html\">17 May 2022</a>, score 9/27, overall rating <span class=\"rating rating-requires-improvement\">Requires improvement</span>"))
        #expect(box.contains("another programme (PDU inspections, 2021 to 2023, scored out of 27)"))
        #expect(box.contains("not directly comparable"))
        #expect(box.contains("<th scope=\"col\">Last inspection (17 May 2022)</th>"))
        // Three columns are cards on a phone, each cell labelled with its column.
        #expect(box.contains("<table class=\"standards-table with-last-time cards\" role=\"table\">"))
        // Services was rated by both programmes: Inadequate then, Requires improvement now, and no
        // word of change across programmes.
        let services = try Self.row(box, "Services")
        #expect(services.contains("Requires improvement</span></td><td data-label=\"Last inspection (17 May 2022)\"><span class=\"rating rating-inadequate\">Inadequate</span></td>"))
        #expect(!services.contains("improved"))
        // Staffing is a standard of the new programme only.
        #expect(try Self.row(box, "Staffing").contains("not rated then"))
        // The first inspection of a PDU has nothing before it.
        let first = try Self.ratingsBox(output, "northamptonshire-2022")
        #expect(!first.contains("Last inspected"))
        #expect(!first.contains("Last inspection"))
    }

    @Test func aRegionalReportShowsTheRegionsInspectionBefore() async throws {
        let (output, _) = try await RealContentBuild.site.value
        let box = try Self.ratingsBox(output, "east-of-england-region-2024")
        #expect(box.contains("Last inspected: <a href=\"../../inspections/east-of-england-region-2022/index.html\">7 June 2022</a>"))
        #expect(box.contains("not directly comparable"))
    }

    @Test func aReportUnderTheSameProgrammeSaysHowEachRatingMoved() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let inspections = content.appendingPathComponent("inspections")
        // A re-inspection of Essex South under the same programme, with some ratings moved.
        let text = """
        ---
        title: "A second inspection of probation services in Essex South PDU"
        type: pdu
        pdu: "Essex South"
        region: east-of-england
        framework: pdu-2023
        published: 2026-03-01
        ratings:
          leadership: "Outstanding"
          staffing: "Inadequate"
          services: "Requires improvement"
        ---
        A re-inspection made up for this test.

        """
        try TestPaths.write(text, to: inspections.appendingPathComponent("essex-south-2026.md"))
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path)).build()

        let box = try Self.ratingsBox(output, "essex-south-2026")
        #expect(box.contains("Last inspected: <a href=\"../../inspections/essex-south-2024/index.html\">18 July 2024</a>, score 5/21"))
        #expect(!box.contains("not directly comparable"))
        #expect(try Self.row(box, "Leadership").contains("Outstanding</span><span class=\"change change-improved\">(improved)</span></td><td data-label=\"Last inspection (18 July 2024)\"><span class=\"rating rating-good\">Good</span>"))
        #expect(try Self.row(box, "Staffing").contains("(declined)"))
        #expect(try Self.row(box, "Services").contains("(unchanged)"))
        // A rating not published now, or then, says nothing of change.
        let assessment = try Self.row(box, "Assessment")
        #expect(!assessment.contains("change-"))
        #expect(assessment.contains("rating-inadequate"))
        // The earlier report is not changed by a later one beyond its history.
        #expect(!(try Self.ratingsBox(output, "essex-south-2024")).contains("Last inspected"))
    }
}
