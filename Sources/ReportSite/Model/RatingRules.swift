/// The arithmetic of ratings: bands and points, applied as a framework defines them.
enum RatingRules {
    /// The rating the lowest key-question percentage falls in, or nil when the framework has no
    /// key-question bands or there are no percentages.
    static func ratingForKeyQuestions(_ percentages: [Double], in framework: Framework) -> String? {
        guard let lowest = percentages.min() else { return nil }
        return ratingForPercentage(lowest, in: framework)
    }

    /// The band `percentage` falls in: the last band whose `from` it reaches.
    static func ratingForPercentage(_ percentage: Double, in framework: Framework) -> String? {
        framework.keyQuestionBands
            .sorted { $0.from < $1.from }
            .last { percentage >= $0.from }?
            .rating
    }

    /// Sum of points of `ratings` (rating names), or nil if one is not a rating of the framework.
    static func score(of ratings: [String], in framework: Framework) -> Int? {
        var total = 0
        for name in ratings {
            guard let rating = framework.rating(named: name) else { return nil }
            total += rating.points
        }
        return total
    }

    /// The overall rating the framework's bands give `score`; nil when no published band covers it.
    static func overallRating(forScore score: Int, in framework: Framework) -> String? {
        framework.scoreBands.first { (score >= $0.from) && (score <= $0.to) }?.rating
    }
}
