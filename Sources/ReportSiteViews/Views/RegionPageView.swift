/// A region: its PDUs, their latest ratings side by side, and how the ratings are distributed.
public struct RegionPageView: Sendable {
    public struct PDUItem: Sendable {
        public var name: String
        public var href: String
        public var former: Bool
        public var note: String
        public var latest: String
        public var overall: RatingView
        /// Published inspections only; drafts the preview shows are `draftCount`.
        public var inspectionCount: Int
        public var draftCount: Int = 0
        /// The latest inspection is a draft (in the preview).
        public var draft: Bool

        public init(name: String, href: String, former: Bool, note: String, latest: String, overall: RatingView, inspectionCount: Int, draftCount: Int = 0, draft: Bool) {
            self.name = name
            self.href = href
            self.former = former
            self.note = note
            self.latest = latest
            self.overall = overall
            self.inspectionCount = inspectionCount
            self.draftCount = draftCount
            self.draft = draft
        }
    }

    public struct ProgrammeSection: Sendable {
        public var table: ProgrammeTableView
        public var distribution: RatingDistributionView
        public var scores: ScoreDistributionView?

        public init(table: ProgrammeTableView, distribution: RatingDistributionView, scores: ScoreDistributionView? = nil) {
            self.table = table
            self.distribution = distribution
            self.scores = scores
        }
    }

    public var chrome: ChromeView
    public var name: String
    /// The region's text, rendered from Markdown.
    public var bodyHTML: HTML
    /// The `lang` of the page's own words (its text) when they
    /// are shown in the default language on a page of another, which has no translation of them.
    public var textLanguage: String? = nil
    /// The `lang` of the sources' titles, written in the default language, on a page of another.
    public var sourcesLanguage: String? = nil
    public var pdus: [PDUItem]
    public var programmes: [ProgrammeSection]
    public var regionalInspections: [RatingsRowView]
    public var sources: [SourceView]
    /// Editors' working notes, in the preview only; nil in a published build.
    public var notes: String?

    /// Ids of sections the template itself makes; heading ids in the body must not reuse them.
    public static let reservedIDs: Set<String> = ["main", "top", "pdus", "ratings", "regional-inspections"]

    public init(chrome: ChromeView, name: String, bodyHTML: HTML, pdus: [PDUItem], programmes: [ProgrammeSection], regionalInspections: [RatingsRowView], sources: [SourceView], notes: String? = nil) {
        self.chrome = chrome
        self.name = name
        self.bodyHTML = bodyHTML
        self.pdus = pdus
        self.programmes = programmes
        self.regionalInspections = regionalInspections
        self.sources = sources
        self.notes = notes
    }
}

