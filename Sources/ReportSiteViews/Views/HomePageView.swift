/// The national overview: every inspection's ratings, one table per programme.
public struct HomePageView: Sendable {
    public struct RegionSummary: Sendable {
        public var name: String
        public var href: String
        public var pduCount: Int
        /// Published inspections only, as the public site counts them.
        public var inspectionCount: Int
        /// Drafts of the region the preview shows besides (none in a published build).
        public var draftCount: Int = 0

        public init(name: String, href: String, pduCount: Int, inspectionCount: Int, draftCount: Int = 0) {
            self.name = name
            self.href = href
            self.pduCount = pduCount
            self.inspectionCount = inspectionCount
            self.draftCount = draftCount
        }
    }

    /// Ratings and scores of one programme across the country.
    public struct ProgrammeCharts: Sendable {
        public var name: String
        public var distribution: RatingDistributionView
        public var scores: ScoreDistributionView?

        public init(name: String, distribution: RatingDistributionView, scores: ScoreDistributionView? = nil) {
            self.name = name
            self.distribution = distribution
            self.scores = scores
        }
    }

    /// How many inspections got an overall rating; `rating` is a dash's "not published" for those
    /// without one.
    public struct OverallCount: Sendable {
        public var rating: RatingView
        public var count: Int

        public init(rating: RatingView, count: Int) {
            self.rating = rating
            self.count = count
        }
    }

    public var chrome: ChromeView
    /// Published inspections: the preview shows drafts, but counts, charts and medians are the
    /// published site's, so that what an editor checks there is what the public will see.
    public var inspectionCount: Int
    /// The drafts the preview shows besides, said beside the count (none in a published build).
    public var draftCount: Int = 0
    /// Every overall rating the programmes name, best first, each with its number of inspections
    /// (none left out, so a zero shows); then those whose overall rating is not published, if any.
    public var overallCounts: [OverallCount]
    public var charts: [ProgrammeCharts]
    public var pduProgrammes: [ProgrammeTableView]
    public var regionalProgrammes: [ProgrammeTableView]
    public var regions: [RegionSummary]

    public init(chrome: ChromeView, inspectionCount: Int, draftCount: Int = 0, overallCounts: [OverallCount], charts: [ProgrammeCharts], pduProgrammes: [ProgrammeTableView], regionalProgrammes: [ProgrammeTableView], regions: [RegionSummary]) {
        self.chrome = chrome
        self.inspectionCount = inspectionCount
        self.draftCount = draftCount
        self.overallCounts = overallCounts
        self.charts = charts
        self.pduProgrammes = pduProgrammes
        self.regionalProgrammes = regionalProgrammes
        self.regions = regions
    }
}

