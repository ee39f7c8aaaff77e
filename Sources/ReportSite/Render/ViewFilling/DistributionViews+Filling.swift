import ReportSiteViews

extension ViewBuilder {
    func ratingDistribution(_ framework: Framework, inspections: [Inspection], id: String, caption: String) -> RatingDistributionView {
        let ratings = framework.ratings.reversed().map { rating($0.name) }
        // By the names the reports give, which are the default language's.
        let column = Dictionary(framework.ratings.reversed().enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // One pass reading only each inspection's ratings: counting per standard and rating with
        // `count(where:)` would copy every inspection once per standard and rating.
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
        return RatingDistributionView(id: id, caption: caption, ratings: ratings, counts: rows)
    }

    func scoreDistribution(_ framework: Framework, inspections: [Inspection], id: String, caption: String) -> ScoreDistributionView? {
        let scores = inspections.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        let top = max(framework.maxScore ?? 0, scores.max() ?? 0)
        let columns = (0...top).map { score in ScoreDistributionView.Column(score: score, count: scores.count { $0 == score }) }
        return ScoreDistributionView(id: id, caption: caption, columns: columns)
    }
}
