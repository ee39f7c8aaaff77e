/// One inspection report.
public struct InspectionPageView: Sendable {
    public struct MetaItem: Sendable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct StandardRatingView: Sendable {
        public var number: String
        public var name: String
        public var rating: RatingView
        /// The rating at the PDU's inspection before this one; nil when there was none.
        public var previous: PreviousRatingView?

        public init(number: String, name: String, rating: RatingView, previous: PreviousRatingView? = nil) {
            self.number = number
            self.name = name
            self.rating = rating
            self.previous = previous
        }
    }

    public struct DomainView: Sendable {
        public var number: String
        public var name: String
        public var standards: [StandardRatingView]

        public init(number: String, name: String, standards: [StandardRatingView]) {
            self.number = number
            self.name = name
            self.standards = standards
        }
    }

    public struct KeyQuestionRowView: Sendable {
        public var text: String
        public var percentage: String
        public var isLowest: Bool
        /// Medians of the same key question across the programme's inspections, nationally and in the region.
        public var nationalMedian: MedianView
        public var regionalMedian: MedianView
        /// The bar with both medians marked (the row's text says the same).
        public var bar: KeyQuestionBarView

        public init(text: String, percentage: String, isLowest: Bool, nationalMedian: MedianView, regionalMedian: MedianView, bar: KeyQuestionBarView) {
            self.text = text
            self.percentage = percentage
            self.isLowest = isLowest
            self.nationalMedian = nationalMedian
            self.regionalMedian = regionalMedian
            self.bar = bar
        }
    }

    /// A median in a key-question table: short, so that the question has the table's width.
    public struct MedianView: Sendable {
        /// "58% (of 12)", or "not published" when no published inspection gives the figure.
        public var text: String
        /// Too few inspections give the figure for a median worth showing: the cell shows a dash,
        /// explained once under the table, and says how many to a screen reader.
        public var tooFew: Bool
        public var count: Int

        public init(text: String, tooFew: Bool, count: Int) {
            self.text = text
            self.tooFew = tooFew
            self.count = count
        }
    }

    public struct KeyQuestionTableView: Sendable {
        public var id: String
        public var number: String
        public var name: String
        public var rating: RatingView
        /// The rating the lowest percentage's band gives, per the framework.
        public var bandRating: RatingView
        public var hasBand: Bool
        public var rows: [KeyQuestionRowView]
        /// Whether any median of the table is too few inspections to show, so the note under it is needed.
        public var hasTooFew: Bool { rows.contains { $0.nationalMedian.tooFew || $0.regionalMedian.tooFew } }

        public init(id: String, number: String, name: String, rating: RatingView, bandRating: RatingView, hasBand: Bool, rows: [KeyQuestionRowView]) {
            self.id = id
            self.number = number
            self.name = name
            self.rating = rating
            self.bandRating = bandRating
            self.hasBand = hasBand
            self.rows = rows
        }
    }

    public struct TOCEntry: Sendable {
        public var title: String
        public var id: String
        public var isSub: Bool

        public init(title: String, id: String, isSub: Bool) {
            self.title = title
            self.id = id
            self.isSub = isSub
        }
    }

    public var chrome: ChromeView
    public var title: String
    public var summary: String
    public var kindLabel: String
    public var meta: [MetaItem]
    public var isRated: Bool
    public var score: String
    public var overall: RatingView
    public var domains: [DomainView]
    public var keyQuestions: [KeyQuestionTableView]
    public var recommendations: [RecommendationGroupView]
    public var contents: [TOCEntry]
    /// The report's text, rendered from Markdown.
    public var bodyHTML: HTML
    /// The `lang` of the page's own words (title, summary, recommendations, text, sources) when they
    /// are shown in the default language on a page of another, which has no translation of them.
    public var textLanguage: String? = nil
    /// The `lang` of the sources' titles and of the recommendations when they are shown in the
    /// default language on a page of another (a translation may leave them out).
    public var sourcesLanguage: String? = nil
    public var recommendationsLanguage: String? = nil
    public var hasBody: Bool
    public var sources: [SourceView]
    /// Editors' working notes, in the preview only; nil in a published build.
    public var notes: String?
    public var pdu: LinkView?
    public var region: LinkView
    public var history: [HistoryEntry]
    /// Whether the PDU has other inspections to list beside this one.
    public var hasHistory: Bool
    /// How many of the PDU's inspections are not listed (the PDU's page has them all).
    public var historyMore: Int
    public var hasMoreHistory: Bool
    public var previous: LinkView?
    public var next: LinkView?
    public var draft: Bool
    /// The PDU's (or region's) inspection before this one, beside this one's ratings.
    public var lastTime: PreviousInspectionView? = nil
    /// The report as a PDF, in a site built with PDFs.
    public var pdf: PDFLinkView? = nil
    /// How its programme's scores and ratings work, on the methodology page.
    public var methodologyHref: String = ""

    public struct HistoryEntry: Sendable {
        public var title: String
        public var href: String
        public var score: String
        public var overall: RatingView
        public var isCurrent: Bool
        public var draft: Bool

        public init(title: String, href: String, score: String, overall: RatingView, isCurrent: Bool, draft: Bool) {
            self.title = title
            self.href = href
            self.score = score
            self.overall = overall
            self.isCurrent = isCurrent
            self.draft = draft
        }
    }

    /// Ids of sections the template itself makes; heading ids in the body must not reuse them.
    public static let reservedIDs: Set<String> = [
        "main", "top", "contents", "ratings", "key-questions", "recommendations", "report", "sources", "history",
    ]

    public init(chrome: ChromeView, title: String, summary: String, kindLabel: String, meta: [MetaItem], isRated: Bool, score: String, overall: RatingView, domains: [DomainView], keyQuestions: [KeyQuestionTableView], recommendations: [RecommendationGroupView], contents: [TOCEntry], bodyHTML: HTML, hasBody: Bool, sources: [SourceView], notes: String? = nil, pdu: LinkView? = nil, region: LinkView, history: [HistoryEntry], hasHistory: Bool, historyMore: Int, hasMoreHistory: Bool, previous: LinkView? = nil, next: LinkView? = nil, draft: Bool, lastTime: PreviousInspectionView? = nil, pdf: PDFLinkView? = nil, methodologyHref: String = "") {
        self.chrome = chrome
        self.title = title
        self.summary = summary
        self.kindLabel = kindLabel
        self.meta = meta
        self.isRated = isRated
        self.score = score
        self.overall = overall
        self.domains = domains
        self.keyQuestions = keyQuestions
        self.recommendations = recommendations
        self.contents = contents
        self.bodyHTML = bodyHTML
        self.hasBody = hasBody
        self.sources = sources
        self.notes = notes
        self.pdu = pdu
        self.region = region
        self.history = history
        self.hasHistory = hasHistory
        self.historyMore = historyMore
        self.hasMoreHistory = hasMoreHistory
        self.previous = previous
        self.next = next
        self.draft = draft
        self.lastTime = lastTime
        self.pdf = pdf
        self.methodologyHref = methodologyHref
    }
}

