import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Content may not carry markup or links that run code: raw HTML in a text and any link target but
/// a web address, `mailto:` or a relative link are errors at their place; open data never hands a
/// spreadsheet a formula; sources are documents a reader can follow.
@Suite("Unsafe content", .serialized)
struct UnsafeContentTests {
    static func check(_ content: URL) async -> [Diagnostic] {
        await SiteChecker(content: content.path, templates: TestPaths.templates).check()
    }

    @Test func rawHTMLAndCodeLinksInATextAreErrorsAtTheirPlace() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        // The body starts on line 10 of the file.
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "Text.", with: """
            Text with <img src=x onerror=alert(1)> inline.

            <details open ontoggle=alert(1)>

            See [this](JavaScript:alert(1)) and <javascript:alert(2)> and [that](https://example.org).
            """), to: file)
        let errors = await Self.check(content).filter { $0.severity == .error }
        let places = errors.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" }
        #expect(errors.allSatisfy { $0.location.file == file.path })
        #expect(places.sorted() == ["12:11", "14:1", "16:37", "16:5"], "\(errors)")
        #expect(errors.filter { $0.message.hasPrefix("raw HTML is not allowed in report text") }.count == 2)
        #expect(errors.filter { $0.message.contains("uses 'javascript:'") }.count == 2)

        let output = folder.appendingPathComponent("Output")
        await #expect(throws: DiagnosticsError.self) {
            try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func urlFieldsTakeOnlyWebAndMailAddresses() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        try TestPaths.write("""
            title: "Test site"
            base_url: "https://example.org/"
            licence: "Open Government Licence"
            licence_url: " JAVASCRIPT:alert(1)"
            """, to: content.appendingPathComponent("site.yml"))
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "overall: \"Requires improvement\"\n", with: """
            overall: "Requires improvement"
            sources:
              - title: "A document"
                url: "data:text/html,<script>alert(1)</script>"
              - title: "The report"
                url: "https://example.org/report"

            """), to: file)
        let errors = await Self.check(content).filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.location.file.hasSuffix("site.yml") && $0.location.line == 4 && $0.message.contains("'javascript:'") })
        #expect(errors.contains { $0.location.file == file.path && $0.location.line == 11 && $0.message.contains("'data:'") })
    }

    /// Addresses that leave the site while looking like a path or a full address: protocol-relative
    /// (`//host`, `\\host`), a scheme without `//`, a scheme with no host. Each is an error at its
    /// line and column, in a text and in every URL field of site.yml and a report.
    @Test func onlyFullAddressesOrRelativePathsAreLinks() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        try TestPaths.write("""
            title: "Test site"
            base_url: "http://"
            licence: "Open Government Licence"
            licence_url: "https:evil.example"
            footer:
              - {title: "Elsewhere", url: "//evil.example/x"}
              - {title: "Nowhere", url: "https://@/x"}
              - {title: "Fine", url: "https://www.example.org/a"}
            """, to: content.appendingPathComponent("site.yml"))
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        // The text starts on line 17 of the file once the sources are in.
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "overall: \"Requires improvement\"\n", with: """
            overall: "Requires improvement"
            sources:
              - title: "A document"
                url: "http:/evil.example/doc"
              - title: "Fine"
                url: "https://example.org/report"

            """).replacingOccurrences(of: "Text.", with: """
            See [p](//evil.example/x), [q](/\\evil.example), [r](https:evil.example) and
            [s](http://) or [t](mailto:) but [fine](https://example.org/) [fine too](mailto:a@example.org).
            """), to: file)
        let errors = await Self.check(content).filter { $0.severity == .error }
        let site = errors.filter { $0.location.file.hasSuffix("site.yml") }.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" }
        #expect(site.sorted() == ["2:11", "4:14", "6:31", "7:29"], "\(errors)")
        let report = errors.filter { $0.location.file == file.path }.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" }
        #expect(report.sorted() == ["11:10", "17:28", "17:49", "17:5", "18:1", "18:17"], "\(errors)")
        #expect(errors.count == 10, "\(errors)")
        #expect(errors.contains { $0.message.contains("starts with '//'") })
        #expect(errors.contains { $0.message.contains("must be followed by '//'") })
        #expect(errors.contains { $0.message.contains("names no host") })
    }

    @Test func aSourceThatNamesALocalFileIsWarnedAbout() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "overall: \"Requires improvement\"\n", with: """
            overall: "Requires improvement"
            sources:
              - "seed:004_13b8b8547cc394d0.txt (Appendix 2)"
              - "published_ratings.csv row 12"
              - title: "HM Inspectorate of Probation, 2024 Annual Report"
            notes: "Worked out from published_ratings.csv row 12."

            """), to: file)
        let warnings = await Self.check(content).filter { $0.severity == .warning }
        #expect(warnings.map(\.location.line) == [10, 11], "\(warnings)")
        #expect(warnings.allSatisfy { $0.message.hasPrefix("source names a local file") })
    }

    /// Notes are shown in the preview in a box marked as internal, and never in a published build.
    @Test func notesAppearOnlyInThePreview() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let file = content.appendingPathComponent("inspections/alpha-2024.md")
        try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "overall: \"Requires improvement\"\n", with: """
            overall: "Requires improvement"
            notes: "Score <checked> against the annual report."

            """), to: file)
        let published = folder.appendingPathComponent("Output"), preview = folder.appendingPathComponent("Preview")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: published.path)).build()
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: preview.path,
                                                 includeDrafts: true, liveReload: true)).build()
        #expect(try DraftTraceTests.holdsTheMarker(published, "against the annual report") == [])
        let page = try TestPaths.read(preview.appendingPathComponent("inspections/alpha-2024/index.html"))
        #expect(page.contains("class=\"internal-notes\""))
        #expect(page.contains("Score &lt;checked&gt; against the annual report."))
    }

    /// A title a spreadsheet would run as a formula reaches the CSV as text.
    @Test func openDataCellsNeverRunAsFormulas() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let formulas = ["=HYPERLINK(\"https://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1)"]
        for (index, formula) in formulas.enumerated() {
            try TestPaths.write(TestContent.alphaInspection.replacingOccurrences(of: "An inspection of Alpha PDU", with: formula.replacingOccurrences(of: "\"", with: "\\\""))
                .replacingOccurrences(of: "score: 5", with: "published: 2024-0\(index + 1)\nscore: 5"),
                to: content.appendingPathComponent("inspections/alpha-202\(index).md"))
        }
        try FileManager.default.removeItem(at: content.appendingPathComponent("inspections/alpha-2024.md"))
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let csv = try TestPaths.read(output.appendingPathComponent(Routes.dataCSV))
        let cells = csv.split(separator: "\r\n").dropFirst().map { line in
            // The title is the third column; the HYPERLINK title is quoted, as it holds commas and quotes.
            line.hasPrefix("alpha-2020,") ? String(line.split(separator: ",\"", maxSplits: 1)[1].prefix(3)) : String(line.split(separator: ",")[2])
        }
        #expect(cells.sorted() == ["'+1+1", "'-2+3", "'=H", "'@SUM(A1)"], "\(csv)")
        // Figures keep their plain form.
        #expect(csv.contains(",5,21,Requires improvement"))
    }

    /// A `'` goes wherever a spreadsheet could start a cell it would run as a formula: at the field's
    /// start and after each separator, past blanks; nothing else changes.
    @Test func aFormulaAfterBlanksOrASeparatorIsNeutralised() {
        let cases: [(String, String)] = [
            ("Essex South", "Essex South"),
            ("5", "5"),
            ("=1+1", "'=1+1"),
            (" =1+1", "' =1+1"),
            ("\u{A0}=1+1", "'\u{A0}=1+1"),
            ("\u{3000}+1", "'\u{3000}+1"),
            ("\u{200B}@SUM(1)", "'\u{200B}@SUM(1)"),
            ("\t=1+1", "'\t'=1+1"),
            ("\nplain", "'\nplain"),
            ("\"=1+1", "'\"=1+1"),
            ("Essex;=1+1", "Essex;'=1+1"),
            ("Essex, -2+3", "Essex,' -2+3"),
            ("a;\u{A0}@x;b", "a;'\u{A0}@x;b"),
            ("line\n+1", "line\n'+1"),
            ("Essex - South; a-b", "Essex - South; a-b"),
        ]
        for (value, expected) in cases {
            #expect(OpenData.neutralised(value) == expected, "\(value.debugDescription)")
        }
    }
}
