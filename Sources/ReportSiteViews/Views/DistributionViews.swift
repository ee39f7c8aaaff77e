/// How many inspections got each rating, per standard: a chart and the table with the same numbers,
/// both drawn by the templates from these counts.
public struct RatingDistributionView: Sendable {
    public struct CountCell: Sendable {
        public var rating: RatingView
        public var count: Int

        public init(rating: RatingView, count: Int) {
            self.rating = rating
            self.count = count
        }
    }

    public struct CountRow: Sendable {
        public var number: String
        public var name: String
        public var counts: [CountCell]
        public var notPublished: Int

        public init(number: String, name: String, counts: [CountCell], notPublished: Int) {
            self.number = number
            self.name = name
            self.counts = counts
            self.notPublished = notPublished
        }
    }

    public var id: String
    public var caption: String
    public var ratings: [RatingView]
    public var counts: [CountRow]

    public init(id: String, caption: String, ratings: [RatingView], counts: [CountRow]) {
        self.id = id
        self.caption = caption
        self.ratings = ratings
        self.counts = counts
    }
}

/// How many inspections got each composite score.
public struct ScoreDistributionView: Sendable {
    public struct Column: Sendable {
        public var score: Int
        public var count: Int

        public init(score: Int, count: Int) {
            self.score = score
            self.count = count
        }
    }

    public var id: String
    public var caption: String
    public var columns: [Column]

    public init(id: String, caption: String, columns: [Column]) {
        self.id = id
        self.caption = caption
        self.columns = columns
    }
}

