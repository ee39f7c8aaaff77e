import Foundation
import Testing
@testable import ReportSite

/// Every independent mistake in one pass, and only real ones: a value that failed to read is not used
/// by the rules after it, a misspelt field still stands for the field, and suggestions name what was meant.
@Suite("Every mistake in one pass", .serialized)
struct OnePassDiagnosticsTests {
    /// A report of the test site's PDU Alpha with `front` as its front matter and `body` as its text.
    static func check(front: String, body: String = "## Foreword\n\nText.\n", name: String = "alpha-2024.md") async throws -> [Diagnostic] {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        try FileManager.default.removeItem(at: content.appendingPathComponent("inspections/alpha-2024.md"))
        try TestPaths.write("---\n\(front)\n---\n\(body)", to: content.appendingPathComponent("inspections/\(name)"))
        return await SiteChecker(content: content.path, templates: TestPaths.templates).check()
    }

    static let valid = """
        title: "An inspection of Alpha PDU"
        type: pdu
        pdu: "Alpha"
        region: test-region
        framework: pdu-2023
        published: 2024-03-01
        score: 5
        overall: "Requires improvement"
        """

    /// "line:column: severity: field: message" of each diagnostic, without the folder.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.location.line ?? 0):\(d.location.column ?? 0): \(d.severity.rawValue): \(d.field.map { "\($0): " } ?? "")\(d.message)"
                + (d.note.map { " [\($0)]" } ?? "")
        }
    }

    @Test func eightIndependentMistakesGiveEightErrorsAndNothingElse() async throws {
        let diagnostics = try await Self.check(front: """
            title: "An inspection of Alpha PDU"
            type: pdu
            pdu: "Alpah"
            region: test-region
            framwork: pdu-2023
            published: 2024-02-30
            score: five
            overall: "requires improvement"
            ratings:
              assessment: "Good"
            key_questions:
              assessment: { engagement: '39%', desistance: 75, safety: 60 }
            """, body: "# Foreword\n\nCaseload 2,499[^2].\n")
        // In reading order: the file's own mistakes, then those found against the rest of the site.
        #expect(Self.lines(diagnostics) == [
            "4:6: error: pdu: region 'test-region' has no PDU called 'Alpah' [did you mean 'Alpha'?]",
            "6:1: error: framwork: unknown field 'framwork' [did you mean 'framework'?]",
            "7:12: error: published: '2024-02-30' is not a real date [write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives only that]",
            "8:8: error: score: expected a whole number, found 'five'",
            "9:10: error: overall: 'requires improvement' is not a rating of framework 'pdu-2023' [did you mean 'Requires improvement'?]",
            "13:29: error: key_questions.assessment.engagement: expected a number, found '39%'",
            "15:1: error: a heading at '#' in the text: '#' is the page's title [start the text's headings at '##' (and their subheadings at '###')]",
            "17:15: error: footnote '[^2]' has no definition, so it would print as it is written [add '[^2]: …' on a line of its own, at the end of the text]",
        ], "\(Self.lines(diagnostics).joined(separator: "\n"))")
    }

    @Test(arguments: [
        // A value that failed to read is not used again: no contradiction from the other percentages.
        ("ratings:\n  assessment: \"Good\"\nkey_questions:\n  assessment: { engagement: '39%', desistance: 75, safety: 60 }",
         ["13:29: error: key_questions.assessment.engagement: expected a number, found '39%'"]),
        ("ratings:\n  assessment: \"Good\"\nkey_questions:\n  assessment: { engagement: 139, desistance: 75, safety: 60 }",
         ["13:29: error: key_questions.assessment.engagement: a percentage must be between 0 and 100, not 139"]),
        // An unknown rating is reported once, not also as outside the score's band.
        ("overall: \"requires improvement\"",
         ["10:10: error: overall: 'requires improvement' is not a rating of framework 'pdu-2023' [did you mean 'Requires improvement'?]"]),
        // A standard's name written for its id.
        ("ratings:\n  Implementation and delivery: \"Good\"",
         ["11:32: error: ratings.Implementation and delivery: framework 'pdu-2023' has no standard 'Implementation and delivery' [the id of 'Implementation and delivery' is 'implementation']"]),
    ])
    func aReadFailureIsReportedOnceAndNamesWhatWasMeant(extra: String, expected: [String]) async throws {
        let front = Self.valid.replacingOccurrences(of: "overall: \"Requires improvement\"", with: extra.hasPrefix("overall") ? "" : "overall: \"Requires improvement\"")
        let diagnostics = try await Self.check(front: front + "\n" + extra)
        #expect(Self.lines(diagnostics) == expected, "\(Self.lines(diagnostics).joined(separator: "\n"))")
    }

    @Test func suggestionsFoldCaseAndSwappedDigits() async throws {
        let typed = try await Self.check(front: Self.valid.replacingOccurrences(of: "type: pdu", with: "type: PDU"))
        #expect(Self.lines(typed) == ["3:7: error: type: type must be 'pdu' or 'region', not 'PDU' [did you mean 'pdu'?]"])
        let programme = try await Self.check(front: Self.valid.replacingOccurrences(of: "framework: pdu-2023", with: "framework: pdu-2032"))
        #expect(Self.lines(programme).first?.hasSuffix("no framework 'pdu-2032' in frameworks/ [did you mean 'pdu-2023'?]") == true,
                "\(Self.lines(programme))")
        #expect(Spelling.closest(to: "pdu-2032", in: ["pdu-2021", "pdu-2023"]) == "pdu-2023")
    }

    @Test func aTabInYAMLSaysSo() async throws {
        let diagnostics = try await Self.check(front: Self.valid.replacingOccurrences(of: "type: pdu", with: "\ttype: pdu"))
        #expect(Self.lines(diagnostics) == ["3:1: error: tab characters cannot indent YAML: use spaces [indent with two spaces per level]"])
    }

    @Test func aFootnoteDefinedButNeverUsedIsAWarning() async throws {
        let diagnostics = try await Self.check(front: Self.valid, body: "## Foreword\n\nText.\n\n```\n# not a heading [^9]\n```\n\n[^1]: A note.\n")
        #expect(Self.lines(diagnostics) == ["19:1: warning: footnote '[^1]' is defined but never used, so it is not shown [refer to it in the text as '[^1]', or remove the definition]"])
    }

    @Test(arguments: ["alpha-2024.markdown", "alpha-2024.MD", "alpha-2024.md.txt"])
    func aReportWithAnotherMarkdownExtensionIsNamed(name: String) async throws {
        let diagnostics = try await Self.check(front: Self.valid, name: name)
        let stem = name.split(separator: ".").first!
        #expect(diagnostics.map(\.message) == ["'\(name)' is not read: only .md files are"], "\(diagnostics)")
        #expect(diagnostics.first?.note == "rename it to \(stem).md")
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func aPublicationDateToComeWithoutDraftSaysWhenTheReportWillAppear() async throws {
        let diagnostics = try await Self.check(front: Self.valid.replacingOccurrences(of: "published: 2024-03-01", with: "published: 2099-01-01"))
        #expect(Self.lines(diagnostics) == [
            "7:12: info: published: published 2099-01-01 is still to come: the report is left out of the site until then [a build on or after that day publishes it; mark it 'draft: true' while it is being prepared]",
        ])
        let strict = DiagnosticReport(diagnostics)
        #expect(strict.errorCount == 0 && strict.warningCount == 0)
    }
}
