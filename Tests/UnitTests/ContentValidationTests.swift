import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Cross-file checks: references that must resolve, and numbers that must agree with the framework.
@Suite("Content validation")
struct ContentValidationTests {
    /// Builds the graph of the small test content with `front` as the inspection's front matter.
    static func diagnostics(front: String) throws -> [Diagnostic] {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        try TestPaths.write("---\n\(front)\n---\nText.\n", to: content.appendingPathComponent("inspections/alpha-2024.md"))
        do {
            let (loaded, warnings) = try ContentLoader(root: content.path).load()
            return warnings + (try SiteGraph.build(loaded).warnings)
        } catch {
            return error.diagnostics
        }
    }

    static let base = """
        title: "An inspection of Alpha PDU"
        type: pdu
        pdu: "Alpha"
        region: test-region
        framework: pdu-2023
        """

    @Test func unknownReferencesAreErrorsWithSuggestions() throws {
        let found = try Self.diagnostics(front: """
            title: "x"
            type: pdu
            pdu: "Alpah"
            region: test-regoin
            framework: pdu-2032
            """).map(\.description)
        #expect(found.contains { $0.contains("region: no region 'test-regoin'") && $0.contains("did you mean 'test-region'?") })
        #expect(found.contains { $0.contains("framework: no framework 'pdu-2032'") && $0.contains("did you mean 'pdu-2023'?") })
    }

    @Test func ratingsMustBeTheFrameworksAndStandardsMustExist() throws {
        let found = try Self.diagnostics(front: Self.base + "\nratings:\n  leadership: \"Goood\"\n  leedership: \"Good\"\noverall: \"Fine\"")
            .map(\.description)
        #expect(found.contains { $0.contains("ratings.leadership: 'Goood' is not a rating") && $0.contains("did you mean 'Good'?") })
        #expect(found.contains { $0.contains("ratings.leedership: framework 'pdu-2023' has no standard 'leedership'") })
        #expect(found.contains { $0.contains("overall: 'Fine' is not a rating") })
    }

    @Test func aRatingThatContradictsItsKeyQuestionsIsAnError() throws {
        let found = try Self.diagnostics(front: Self.base + """

            ratings:
              assessment: "Good"
            key_questions:
              assessment: { engagement: 58, desistance: 75, safety: 33 }
            """)
        let error = try #require(found.first { $0.field == "ratings.assessment" })
        #expect(error.severity == .error)
        #expect(error.message.contains("'Good' contradicts the lowest key-question percentage (33%), which gives 'Inadequate'"))
        #expect(error.location.line == 8)
    }

    @Test func aScoreThatIsNotTheSumOfThePointsIsAnError() throws {
        let ratings = "\nscore: 6\n" + TestContent.essexSouthRatings
        let found = try Self.diagnostics(front: Self.base + ratings)
        let error = try #require(found.first { $0.field == "score" })
        #expect(error.description.contains("alpha-2024.md:7:8: error: score: score 6 does not match the ratings (5)"))
        #expect(try Self.diagnostics(front: Self.base + ratings.replacingOccurrences(of: "score: 6", with: "score: 5")).isEmpty)
    }

    @Test func anOverallRatingOutsideItsBandIsAWarning() throws {
        let found = try Self.diagnostics(front: Self.base + "\nscore: 2\noverall: \"Good\"")
        let warning = try #require(found.first { $0.field == "overall" })
        #expect(warning.severity == .warning)
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func publicationBeforeFieldworkIsAnError() throws {
        let found = try Self.diagnostics(front: Self.base + "\npublished: 2024-03-01\nfieldwork_start: 2024-04-29")
        #expect(found.contains { $0.field == "published" && $0.severity == .error })
        #expect(try Self.diagnostics(front: Self.base + "\npublished: 2024-04\nfieldwork_start: 2024-04-29").isEmpty)
    }
}
