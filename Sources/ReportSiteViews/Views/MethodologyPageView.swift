/// How scores and ratings work, made from the framework files: each programme's standards, the points
/// of each rating, the score bands that are published, and the key-question bands with the rule that
/// the lowest key question sets a standard's rating.
public struct MethodologyPageView: Sendable {
    /// A range of scores or percentages and the rating it gives.
    public struct Band: Sendable {
        public var range: String
        public var rating: RatingView

        public init(range: String, rating: RatingView) {
            self.range = range
            self.rating = rating
        }
    }

    public struct Points: Sendable {
        public var rating: RatingView
        public var points: Int

        public init(rating: RatingView, points: Int) {
            self.rating = rating
            self.points = points
        }
    }

    public struct Programme: Sendable {
        /// The section's id: `programme-<framework id>`, which scores and key-question tables link to.
        public var id: String
        public var name: String
        /// Its standards and what its score is out of, in a sentence or two.
        public var summary: String
        public var points: [Points]
        public var scoreBands: [Band]
        /// Scores the published results give no band for ("7–21"), empty when every score has one.
        public var unbandedScores: String
        public var keyQuestionBands: [Band]

        public init(id: String, name: String, summary: String, points: [Points], scoreBands: [Band], unbandedScores: String, keyQuestionBands: [Band]) {
            self.id = id
            self.name = name
            self.summary = summary
            self.points = points
            self.scoreBands = scoreBands
            self.unbandedScores = unbandedScores
            self.keyQuestionBands = keyQuestionBands
        }
    }

    public var chrome: ChromeView
    /// The page's heading: the title of the methodology text, when there is one.
    public var title: String
    /// The methodology text (`pages/methodology.md`) rendered, shown above the programmes; empty
    /// when there is none.
    public var introHTML: HTML
    /// When the text was last reviewed ("1 May 2026"); empty when not given.
    public var updated: String
    public var updatedISO: String
    /// A draft text, shown only in the preview and with drafts.
    public var draft: Bool
    public var programmes: [Programme]

    public init(chrome: ChromeView, title: String, introHTML: HTML, updated: String, updatedISO: String, draft: Bool, programmes: [Programme]) {
        self.chrome = chrome
        self.title = title
        self.introHTML = introHTML
        self.updated = updated
        self.updatedISO = updatedISO
        self.draft = draft
        self.programmes = programmes
    }
}

