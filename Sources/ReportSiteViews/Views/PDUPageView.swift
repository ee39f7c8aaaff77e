/// A PDU and all its inspections over time.
public struct PDUPageView: Sendable {
    public struct InspectionItem: Sendable {
        public var title: String
        public var href: String
        public var programme: String
        public var published: String
        public var score: String
        public var overall: RatingView
        public var draft: Bool

        public init(title: String, href: String, programme: String, published: String, score: String, overall: RatingView, draft: Bool) {
            self.title = title
            self.href = href
            self.programme = programme
            self.published = published
            self.score = score
            self.overall = overall
            self.draft = draft
        }
    }

    public var chrome: ChromeView
    public var name: String
    public var region: LinkView
    public var former: Bool
    public var note: String
    public var aliases: String
    /// The places it serves, one group per kind and source, in the region file's order.
    public var places: [PlacesServed]
    public var inspections: [InspectionItem]
    /// Every standard any of its inspections was rated on, one row each, one column per inspection.
    public var comparison: [ComparisonRow]

    public struct ComparisonCell: Sendable {
        public var rating: RatingView
        /// The standard was not part of that inspection's programme.
        public var notAssessed: Bool

        public init(rating: RatingView, notAssessed: Bool) {
            self.rating = rating
            self.notAssessed = notAssessed
        }
    }

    /// Places of one kind that one source says the PDU serves.
    public struct PlacesServed: Sendable {
        /// "Councils", "Local delivery units".
        public var heading: String
        /// Each place as written, with its coverage when not whole ("Ribble Valley (parts of)").
        public var names: [String]
        public var source: SourceView

        public init(heading: String, names: [String], source: SourceView) {
            self.heading = heading
            self.names = names
            self.source = source
        }
    }

    public struct ComparisonRow: Sendable {
        public var name: String
        public var cells: [ComparisonCell]

        public init(name: String, cells: [ComparisonCell]) {
            self.name = name
            self.cells = cells
        }
    }

    public init(chrome: ChromeView, name: String, region: LinkView, former: Bool, note: String, aliases: String, places: [PlacesServed], inspections: [InspectionItem], comparison: [ComparisonRow]) {
        self.chrome = chrome
        self.name = name
        self.region = region
        self.former = former
        self.note = note
        self.aliases = aliases
        self.places = places
        self.inspections = inspections
        self.comparison = comparison
    }
}

