/// How many inspections got each rating, per standard: a chart and the table with the same numbers.
public struct RatingDistributionView: Sendable {
    public struct CountCell: Sendable {
        public var rating: RatingView
        public var count: Int
    }

    public struct CountRow: Sendable {
        public var number: String
        public var name: String
        public var counts: [CountCell]
        public var notPublished: Int
    }

    public var id: String
    public var caption: String
    public var ratings: [RatingView]
    public var counts: [CountRow]
    public var chartSVG: String
}

/// How many inspections got each composite score.
public struct ScoreDistributionView: Sendable {
    public struct Column: Sendable {
        public var score: Int
        public var count: Int
    }

    public var id: String
    public var caption: String
    public var columns: [Column]
    public var chartSVG: String
}

extension ViewBuilder {
    func ratingDistribution(_ framework: Framework, inspections: [Inspection], id: String, caption: String) -> RatingDistributionView {
        let ratings = framework.ratings.reversed().map { RatingView(name: $0.name, slug: $0.slug, known: true) }
        let column = Dictionary(ratings.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // One pass reading only each inspection's ratings: counting per standard and rating with
        // `count(where:)` copied every inspection 35 times (most of the home page at 10,000 reports).
        // The last column counts "not published"; a rating the framework does not name counts nowhere.
        var tally = [[Int]](repeating: [Int](repeating: 0, count: ratings.count + 1), count: framework.standards.count)
        for index in inspections.indices {
            let given = inspections[index].ratings
            for (row, standard) in framework.standards.enumerated() {
                if let rating = given[standard.id] {
                    if let place = column[rating] { tally[row][place] += 1 }
                } else {
                    tally[row][ratings.count] += 1
                }
            }
        }
        let rows = framework.standards.enumerated().map { row, standard in
            RatingDistributionView.CountRow(
                number: standard.number, name: standard.name,
                counts: ratings.enumerated().map { place, rating in .init(rating: rating, count: tally[row][place]) },
                notPublished: tally[row][ratings.count])
        }
        let chart = StackedBarChart(
            id: "\(id)-chart", title: caption,
            categories: ratings.map { .init(name: $0.name, slug: $0.slug) } + [.init(name: "Not published", slug: "none")],
            rows: rows.map { .init(label: "\($0.number) \($0.name)", counts: $0.counts.map(\.count) + [$0.notPublished]) })
        return RatingDistributionView(id: id, caption: caption, ratings: ratings, counts: rows, chartSVG: chart.svg())
    }

    func scoreDistribution(_ framework: Framework, inspections: [Inspection], id: String, caption: String) -> ScoreDistributionView? {
        let scores = inspections.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        let top = max(framework.maxScore ?? 0, scores.max() ?? 0)
        let columns = (0...top).map { score in ScoreDistributionView.Column(score: score, count: scores.count { $0 == score }) }
        let chart = ColumnChart(id: "\(id)-chart", title: caption, xLabel: "Score",
                                columns: columns.map { (String($0.score), $0.count) })
        return ScoreDistributionView(id: id, caption: caption, columns: columns, chartSVG: chart.svg())
    }
}
