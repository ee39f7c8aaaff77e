import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// One bad file per mistake an author can make, and the exact diagnostic `reportsite check` gives.
/// The README's list of diagnostics follows these cases.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Path under the content folder -> new text (replacing the small valid site's file).
        var files: [String: String]
        /// The start of the expected diagnostic, with the path relative to the content folder.
        var expected: String
        var strict = false
        var testDescription: String { name }
    }

    static let inspection = "inspections/alpha-2024.md"

    /// The valid test inspection with `find` replaced by `replace`.
    /// The small site's inspection with dates and a link added, so that every check has something to bite on.
    static let valid = TestContent.alphaInspection
        .replacingOccurrences(of: "framework: pdu-2023", with: "framework: pdu-2023\npublished: 2024-07-18\nfieldwork_start: 2024-04-29")
        .replacingOccurrences(of: "Text.", with: "Text with a [link](#foreword).")

    static func edited(_ find: String, _ replace: String) -> [String: String] {
        precondition(valid.contains(find), "test case edits text that is not there: \(find)")
        return [inspection: valid.replacingOccurrences(of: find, with: replace)]
    }

    static let allRatings = TestContent.essexSouthRatings

    /// The small site's framework (the real pdu-2023) with `find` replaced by `replace`.
    static func framework(_ find: String, _ replace: String) -> [String: String] {
        let path = URL(fileURLWithPath: TestPaths.content).appendingPathComponent("frameworks/pdu-2023.yml")
        let text = (try? TestPaths.read(path)) ?? ""
        precondition(text.contains(find), "test case edits text that is not there: \(find)")
        return ["frameworks/pdu-2023.yml": text.replacingOccurrences(of: find, with: replace)]
    }

    static let cases: [Case] = [
        Case(name: "YAML that does not parse", files: edited("score: 5", "score: [5"),
             expected: "inspections/alpha-2024.md:10:8: error: YAML does not parse"),
        Case(name: "missing front matter", files: [inspection: "## Foreword\n"],
             expected: "inspections/alpha-2024.md:1:1: error: missing front matter"),
        Case(name: "unterminated front matter", files: [inspection: "---\ntitle: x\n## Foreword\n"],
             expected: "inspections/alpha-2024.md:1:1: error: front matter is not terminated"),
        Case(name: "unknown field", files: edited("overall:", "overal:"),
             expected: "inspections/alpha-2024.md:10:1: error: overal: unknown field 'overal'\n    note: did you mean 'overall'?"),
        Case(name: "wrong type", files: edited("score: 5", "score: five"),
             expected: "inspections/alpha-2024.md:9:8: error: score: expected a whole number, found 'five'"),
        Case(name: "missing required field", files: edited("region: test-region\n", ""),
             expected: "inspections/alpha-2024.md:2:1: error: region: missing required field 'region'"),
        Case(name: "rating not in the framework", files: edited("overall: \"Requires improvement\"", "overall: \"Requires improvment\""),
             expected: "inspections/alpha-2024.md:10:10: error: overall: 'Requires improvment' is not a rating of framework 'pdu-2023'\n    note: did you mean 'Requires improvement'?"),
        Case(name: "standard the framework does not have", files: edited("score: 5", "score: 5\nratings:\n  leadershp: \"Good\""),
             expected: "inspections/alpha-2024.md:11:14: error: ratings.leadershp: framework 'pdu-2023' has no standard 'leadershp'\n    note: did you mean 'leadership'?"),
        Case(name: "percentage outside 0-100", files: edited("score: 5", "score: 5\nkey_questions:\n  assessment: { engagement: 120 }"),
             expected: "inspections/alpha-2024.md:11:29: error: key_questions.assessment.engagement: a percentage must be between 0 and 100, not 120"),
        Case(name: "percentage not a number", files: edited("score: 5", "score: 5\nkey_questions:\n  assessment: { engagement: most }"),
             expected: "inspections/alpha-2024.md:11:29: error: key_questions.assessment.engagement: expected a number, found 'most'"),
        Case(name: "rating contradicts the lowest key question", files: edited("score: 5", "score: 5\n" + allRatings.replacingOccurrences(of: "assessment: \"Inadequate\"", with: "assessment: \"Good\"") + "\nkey_questions:\n  assessment: { engagement: 58, desistance: 75, safety: 33 }"),
             expected: "inspections/alpha-2024.md:14:15: error: ratings.assessment: 'Good' contradicts the lowest key-question percentage (33%), which gives 'Inadequate'"),
        Case(name: "score differs from the sum of the points", files: edited("score: 5", "score: 6\n" + allRatings),
             expected: "inspections/alpha-2024.md:9:8: error: score: score 6 does not match the ratings (5)"),
        Case(name: "overall rating outside its band (warning)", files: edited("score: 5", "score: 2"),
             expected: "inspections/alpha-2024.md:10:10: warning: overall: overall rating 'Requires improvement' is outside the framework's band for score 2 ('Inadequate')"),
        Case(name: "overall rating outside its band (--strict)", files: edited("score: 5", "score: 2"),
             expected: "inspections/alpha-2024.md:10:10: error: overall: overall rating 'Requires improvement'", strict: true),
        Case(name: "date that is not a real date", files: edited("2024-07-18", "2024-06-31"),
             expected: "inspections/alpha-2024.md:7:12: error: published: '2024-06-31' is not a real date"),
        Case(name: "publication before fieldwork", files: edited("2024-07-18", "2024-03-01"),
             expected: "inspections/alpha-2024.md:7:12: error: published: published (2024-03-01) before fieldwork started (2024-04-29)"),
        Case(name: "unknown region", files: edited("region: test-region", "region: test-regoin"),
             expected: "inspections/alpha-2024.md:5:9: error: region: no region 'test-regoin' in regions/\n    note: did you mean 'test-region'?"),
        Case(name: "unknown PDU", files: edited("pdu: \"Alpha\"", "pdu: \"Alfa\""),
             expected: "inspections/alpha-2024.md:4:6: error: pdu: region 'test-region' has no PDU called 'Alfa'\n    note: did you mean 'Alpha'?"),
        Case(name: "two inspections with the same slug", files: ["inspections/2024/alpha-2024.md": valid],
             expected: "inspections/alpha-2024.md:1: error: the page name 'alpha-2024' is already used by"),
        Case(name: "link to a page that does not exist", files: edited("(#foreword)", "(../alpha-2023/index.html)"),
             expected: "inspections/alpha-2024.md:14:13: error: link '../alpha-2023/index.html' leads to no page"),
        Case(name: "link to an anchor that does not exist", files: edited("(#foreword)", "(#forword)"),
             expected: "inspections/alpha-2024.md:14:13: error: link '#forword' names an anchor '#forword' that this page does not have"),
        Case(name: "file name that is not a slug", files: ["inspections/Alpha 2025.md": valid],
             expected: "inspections/Alpha 2025.md: error: file name 'Alpha 2025' is not a valid page name"),
        Case(name: "anchors and aliases", files: edited("score: 5", "score: &s 5"),
             expected: "inspections/alpha-2024.md:9:8: error: YAML anchors and aliases (&name, *name) are not supported in content"),
        Case(name: "file that is not UTF-8", files: [inspection: "---\ntitle: caf\u{FFFD}\n---\n"],
             expected: "inspections/alpha-2024.md:4:1: error: the file is not valid UTF-8 text: byte 0xE9"),
        Case(name: "anchor hidden behind a quote", files: edited("score: 5", "score: 5\nx: [b ', &a [l,l], {*a : 1}]"),
             expected: "inspections/alpha-2024.md:10:10: error: YAML anchors and aliases (&name, *name) are not supported in content"),
        Case(name: "merge key", files: edited("score: 5", "score: 5\n<<: {x: 1}"),
             expected: "inspections/alpha-2024.md:10:1: error: YAML merge keys (<<) are not supported in content"),
        Case(name: "field name that is not text", files: edited("score: 5", "score: 5\n[a, b]: 1"),
             expected: "inspections/alpha-2024.md:10:1: error: a field name must be text, not a list or a mapping"),
        Case(name: "control character in the YAML", files: edited("score: 5", "score: 5\nsummary: \"a\u{1B}]0;title\u{07}\""),
             expected: "inspections/alpha-2024.md:10:12: error: control character \\u{1B} in the YAML"),
        Case(name: "hexadecimal percentage", files: edited("score: 5", "score: 5\nkey_questions:\n  assessment: { engagement: 0x3A }"),
             expected: "inspections/alpha-2024.md:11:29: error: key_questions.assessment.engagement: expected a number, found '0x3A'\n    note: write it in decimal digits"),
        Case(name: "percentage with an exponent", files: edited("score: 5", "score: 5\nkey_questions:\n  assessment: { engagement: 1e2 }"),
             expected: "inspections/alpha-2024.md:11:29: error: key_questions.assessment.engagement: expected a number, found '1e2'"),
        Case(name: "octal score", files: edited("score: 5", "score: 0o5"),
             expected: "inspections/alpha-2024.md:9:8: error: score: expected a whole number, found '0o5'"),
        Case(name: "score with a plus sign", files: edited("score: 5", "score: +5"),
             expected: "inspections/alpha-2024.md:9:8: error: score: expected a whole number, found '+5'"),
        Case(name: "folder named like a report", files: ["inspections/beta-2024.md/notes.txt": "x"],
             expected: "inspections/beta-2024.md: error: not a readable file: it is a folder"),
        Case(name: "block quotes nested too deep", files: edited("Text with", String(repeating: "> ", count: 40) + "Text with"),
             expected: "inspections/alpha-2024.md:14:81: error: block quotes and lists are nested more than 32 deep"),
        Case(name: "lists nested too deep", files: edited("Text with", String(repeating: "- ", count: 40) + "Text with"),
             expected: "inspections/alpha-2024.md:14:81: error: block quotes and lists are nested more than 32 deep"),
        Case(name: "line indented too deep", files: edited("Text with", String(repeating: " ", count: 200) + "- Text with"),
             expected: "inspections/alpha-2024.md:14:203: error: the line is indented by more than 128 spaces"),
        Case(name: "table too wide", files: edited("Text with", "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n\nText with"),
             expected: "inspections/alpha-2024.md:15:1: error: a table row has more than 128 cells"),
        Case(name: "table row too wide", files: edited("Text with", "|a|b|\n|-|-|\n|" + String(repeating: "c|", count: 20_000) + "\n\nText with"),
             expected: "inspections/alpha-2024.md:16:1: error: a table row has more than 128 cells"),
        Case(name: "tables with too many cells", files: edited("Text with", "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n" + String(repeating: "x\n", count: 30_000) + "\nText with"),
             expected: "inspections/alpha-2024.md:25014:1: error: the tables of this text have more than 200000 cells"),
        Case(name: "overlapping score bands", files: framework("{ from: 4, to: 6,", "{ from: 2, to: 5,"),
             expected: "frameworks/pdu-2023.yml:21:5: error: score_bands[1]: score band 2–5 overlaps or comes before the band above it in the file (0–3)"),
        Case(name: "score bands running downward", files: framework("{ from: 4, to: 6, rating: \"Requires improvement\" }", "{ from: 4, to: 6, rating: \"Requires improvement\" }\n  - { from: 7, to: 8, rating: \"Inadequate\" }"),
             expected: "frameworks/pdu-2023.yml:22:5: error: score_bands[2]: score bands must rise in rating: 'Inadequate' (7–8) is below 'Requires improvement' (4–6)"),
        Case(name: "key-question bands out of order", files: framework("{ from: 50,", "{ from: 70,"),
             expected: "frameworks/pdu-2023.yml:14:13: error: key_question_bands[2].from: key-question bands must ascend: this one starts at 65%, the one before at 70%"),
        Case(name: "key-question bands falling in rating", files: framework("{ from: 80, rating: \"Outstanding\" }", "{ from: 80, rating: \"Requires improvement\" }"),
             expected: "frameworks/pdu-2023.yml:15:5: error: key_question_bands[3]: key-question bands must rise in rating: 'Requires improvement' is not above 'Good'"),
        Case(name: "negative points", files: framework("{ name: \"Inadequate\", name_cy: \"Annigonol\", points: 0 }", "{ name: \"Inadequate\", name_cy: \"Annigonol\", points: -1 }"),
             expected: "frameworks/pdu-2023.yml:7:57: error: ratings[0].points: points cannot be negative (-1)"),
        Case(name: "points out of order with the ratings", files: framework("{ name: \"Good\", name_cy: \"Da\", points: 2 }", "{ name: \"Good\", name_cy: \"Da\", points: 1 }"),
             expected: "frameworks/pdu-2023.yml:9:44: error: ratings[2].points: 'Good' gives 1 points, no more than 'Requires improvement' below it (1)"),
    ]

    @Test(arguments: cases)
    func diagnostic(_ testCase: Case) async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        for (path, text) in testCase.files {
            var data = Data(text.utf8)
            if testCase.name == "file that is not UTF-8" { data = Data(text.replacingOccurrences(of: "\u{FFFD}", with: "").utf8) + Data([0xE9]) }
            try FileManager.default.createDirectory(at: content.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: content.appendingPathComponent(path))
        }
        let diagnostics = await SiteChecker(content: content.path, templates: TestPaths.templates, strict: testCase.strict).check()
        let printed = diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
        #expect(printed.contains { $0.hasPrefix(testCase.expected) }, "got:\n\(printed.joined(separator: "\n"))")
    }

    /// The templates are compiled in; the folder still brings the assets every page links to.
    @Test func aTemplatesFolderWithoutItsAssets() async throws {
        let folder = try TestPaths.scratch()
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let diagnostics = await SiteChecker(content: TestPaths.content, templates: templates.path).check()
        #expect(diagnostics.map(\.description).contains {
            $0.hasPrefix(templates.appendingPathComponent("assets").path + ":") && $0.contains("error: assets folder not found")
        }, "got: \(diagnostics)")
    }

    @Test func theRealContentIsClean() async {
        let diagnostics = await SiteChecker(content: TestPaths.content, templates: TestPaths.templates, strict: true).check()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }
}
