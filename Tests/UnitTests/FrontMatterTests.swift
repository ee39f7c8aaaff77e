import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("Front matter and YAML reading")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let text = "---\ntitle: A\nscore: 5\n---\n## Heading\n\nText\n"
        let document = try FrontMatter.split(text, file: "x.md").get()
        #expect(document.yaml == "title: A\nscore: 5")
        #expect(document.yamlFirstLine == 2)
        #expect(document.body == "## Heading\n\nText\n")
        #expect(document.bodyFirstLine == 5)
    }

    @Test func acceptsWindowsLineEndingsAndABOM() throws {
        let text = "\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n"
        let document = try FrontMatter.split(text, file: "x.md").get()
        #expect(document.yaml.contains("title: A"))
        #expect(document.body.hasPrefix("Body"))
    }

    @Test func missingFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.split("# Just text\n", file: "a.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message == "missing front matter")
        #expect(diagnostic.location == SourceLocation(file: "a.md", line: 1, column: 1))
    }

    @Test func unterminatedFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.split("---\ntitle: x\nno end\n", file: "a.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message.contains("not terminated"))
    }

    @Test func yamlSyntaxErrorPointsAtTheFileLine() {
        // Front matter starts on line 2 of the file, so the bad third YAML line is line 4.
        let yaml = "title: ok\nscore: 5\nratings: [unclosed"
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, file: "b.md", firstLine: 2) else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.location.file == "b.md")
        #expect((diagnostic.location.line ?? 0) >= 4)
        #expect(diagnostic.message.hasPrefix("YAML does not parse"))
    }

    @Test func readsAnInspectionAndLocatesFields() throws {
        let yaml = """
        title: "An inspection"
        type: pdu
        pdu: Essex South
        region: east-of-england
        framework: pdu-2023
        published: 2024-07-18
        score: 5
        ratings:
          leadership: Good
        key_questions:
          assessment: { engagement: 58, desistance: 75, safety: 33 }
        """
        let root = try YAMLReader.parse(yaml, file: "i.md", firstLine: 2).get()
        var log = DiagnosticLog()
        let inspection = try #require(InspectionDecoder.decode(root, slug: "i", body: "", bodyFirstLine: 14, &log))
        #expect(log.diagnostics.isEmpty)
        #expect(inspection.published == PartialDate("2024-07-18"))
        #expect(inspection.score == 5)
        #expect(inspection.ratings["leadership"] == "Good")
        #expect(inspection.keyQuestions["assessment"]?["safety"] == 33)
        #expect(inspection.placeOfField( "score").line == 8)
        #expect(inspection.placeOfField( "ratings.leadership").line == 10)
    }

    @Test func reportsUnknownKeysWithASuggestionWrongTypesAndMissingFields() throws {
        let yaml = """
        title: "An inspection"
        type: pdu
        pdu: Essex South
        framwork: pdu-2023
        score: five
        published: 2024-02-30
        key_questions:
          assessment: { engagement: 120 }
        """
        let root = try YAMLReader.parse(yaml, file: "bad.md", firstLine: 2).get()
        var log = DiagnosticLog()
        _ = InspectionDecoder.decode(root, slug: "bad", body: "", bodyFirstLine: 12, &log)
        let messages = log.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("unknown field 'framwork'") && $0.contains("did you mean 'framework'?") })
        #expect(messages.contains { $0.hasPrefix("bad.md:6:") && $0.contains("score: expected a whole number, found 'five'") })
        #expect(messages.contains { $0.contains("published: '2024-02-30' is not a real date") })
        #expect(messages.contains { $0.contains("key_questions.assessment.engagement") && $0.contains("between 0 and 100") })
        #expect(messages.contains { $0.contains("missing required field 'region'") })
        // 'framwork' is reported once, as unknown, and read as the framework: not missing as well.
        #expect(!messages.contains { $0.contains("missing required field 'framework'") })
    }
}
