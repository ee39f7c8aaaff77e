import Testing
@testable import ReportSite
import ReportSiteViews
import ReportSiteTestSupport

@Suite("Rating rules")
struct RatingRulesTests {
    /// The 2023 programme's rules, as the real framework file states them.
    static func realFramework() throws -> Framework {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        return try #require(content.frameworks.first { $0.id == "pdu-2023" })
    }

    @Test(arguments: [
        (0.0, "Inadequate"), (49.0, "Inadequate"), (49.9, "Inadequate"),
        (50.0, "Requires improvement"), (64.0, "Requires improvement"),
        (65.0, "Good"), (79.0, "Good"),
        (80.0, "Outstanding"), (100.0, "Outstanding"),
    ])
    func keyQuestionBands(percentage: Double, expected: String) throws {
        let framework = try Self.realFramework()
        #expect(RatingRules.ratingForPercentage(percentage, in: framework) == expected)
    }

    @Test func theLowestKeyQuestionSetsTheStandard() throws {
        let framework = try Self.realFramework()
        // Essex South, assessment: 58, 75, 33 -> Inadequate; planning: 52, 85, 52 -> Requires improvement.
        #expect(RatingRules.ratingForKeyQuestions([58, 75, 33], in: framework) == "Inadequate")
        #expect(RatingRules.ratingForKeyQuestions([52, 85, 52], in: framework) == "Requires improvement")
        #expect(RatingRules.ratingForKeyQuestions([], in: framework) == nil)
    }

    @Test func pointsAddUpToTheCompositeScore() throws {
        let framework = try Self.realFramework()
        #expect(framework.maxScore == 21)
        let essexSouth = ["Good", "Requires improvement", "Requires improvement", "Inadequate",
                          "Requires improvement", "Inadequate", "Inadequate"]
        #expect(RatingRules.score(of: essexSouth, in: framework) == 5)
        #expect(RatingRules.score(of: Array(repeating: "Outstanding", count: 7), in: framework) == 21)
        #expect(RatingRules.score(of: ["Good", "Splendid"], in: framework) == nil)
    }

    @Test func scoreBandsComeFromTheFrameworkAndLeaveGapsUnknown() throws {
        let framework = try Self.realFramework()
        #expect(RatingRules.overallRating(forScore: 3, in: framework) == "Inadequate")
        #expect(RatingRules.overallRating(forScore: 5, in: framework) == "Requires improvement")
        // No published band covers 7 or more in this programme: the rules must not guess one.
        #expect(RatingRules.overallRating(forScore: 7, in: framework) == nil)
    }

    @Test func otherProgrammesHaveTheirOwnMaximum() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let previous = try #require(content.frameworks.first { $0.id == "pdu-2021" })
        #expect(previous.maxScore == 27)
        #expect(previous.otherMaxScores == [24])
        #expect(previous.standards.count == 9)
    }
}

@Suite("Key-question medians")
struct MedianTests {
    static func graph(_ values: [(region: String, value: Double)]) throws -> SiteGraph {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        var base = try SiteGraph.build(content)
        base.inspections = values.enumerated().map { index, entry in
            var inspection = base.inspections.first { $0.slug == "essex-south-2024" }!
            inspection.slug = "x-\(index)"
            inspection.regionSlug = entry.region
            inspection.keyQuestions = ["assessment": ["safety": entry.value]]
            return inspection
        }
        return base
    }

    @Test func mediansAreNationalOrRegionalAndAverageTheMiddlePair() throws {
        let views = ViewBuilder(graph: try Self.graph([("a", 10), ("a", 30), ("b", 20), ("b", 60)]))
        #expect(views.median("pdu-2023", "assessment", "safety", region: nil) == .init(value: 25, count: 4))
        #expect(views.median("pdu-2023", "assessment", "safety", region: "a") == .init(value: 20, count: 2))
        #expect(views.median("pdu-2023", "assessment", "safety", region: "b") == .init(value: 40, count: 2))
        #expect(views.median("pdu-2023", "assessment", "engagement", region: nil) == nil)
        #expect(views.median("pdu-2021", "assessment", "safety", region: nil) == nil)
    }

    /// Every median says how many inspections it is taken from; under three it is not shown as one.
    @Test func aMedianSaysItsCountAndTooFewAreNoMedian() throws {
        #expect(ViewBuilder.medianText(.init(value: 58, count: 12), .english).text == "58% (of 12)")
        #expect(ViewBuilder.medianText(.init(value: 33.5, count: 3), .english).text == "33.5% (of 3)")
        let tooFew = ViewBuilder.medianText(.init(value: 33, count: 2), .english)
        #expect(tooFew.text == "–" && tooFew.tooFew && tooFew.count == 2)
        #expect(ViewBuilder.medianText(nil, .english).text == "not published" && !ViewBuilder.medianText(nil, .english).tooFew)
        #expect(ViewBuilder.shown(.init(value: 33, count: 1)) == nil)
        #expect(ViewBuilder.shown(.init(value: 33, count: 3)) == 33)
    }

    /// Drafts never count, in the preview either.
    @Test func draftsNeverCountInAMedian() throws {
        var graph = try Self.graph([("a", 10), ("a", 30), ("a", 50), ("a", 90)])
        graph.inspections[3].draft = true
        let medians = KeyQuestionMedians(of: graph)
        #expect(medians.median("pdu-2023", "assessment", "safety", region: nil) == .init(value: 30, count: 3))
    }
}
