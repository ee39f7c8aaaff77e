/// How many inspections got each rating, per standard: a chart and the table with the same numbers.
struct RatingDistributionView: Encodable {
    struct CountCell: Encodable {
        var rating: RatingView
        var count: Int
    }

    struct CountRow: Encodable {
        var number: String
        var name: String
        var counts: [CountCell]
        var notPublished: Int
    }

    var id: String
    var caption: String
    var ratings: [RatingView]
    var counts: [CountRow]
    var chartSVG: String
}

/// How many inspections got each composite score.
struct ScoreDistributionView: Encodable {
    struct Column: Encodable {
        var score: Int
        var count: Int
    }

    var id: String
    var caption: String
    var columns: [Column]
    var chartSVG: String
}

extension ViewBuilder {
    func ratingDistribution(_ framework: Framework, inspections: [Inspection], id: String, caption: String) -> RatingDistributionView {
        let ratings = framework.ratings.reversed().map { RatingView(name: $0.name, slug: $0.slug, known: true) }
        let rows = framework.standards.map { standard in
            RatingDistributionView.CountRow(
                number: standard.number, name: standard.name,
                counts: ratings.map { rating in
                    .init(rating: rating, count: inspections.count { $0.ratings[standard.id] == rating.name })
                },
                notPublished: inspections.count { $0.ratings[standard.id] == nil })
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
