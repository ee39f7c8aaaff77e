/// Checks that an inspection's numbers agree with its framework's rules: publishing a wrong rating is
/// the worst mistake this tool could make, so contradictions are errors.
enum RatingConsistency {
    static func check(_ inspection: Inspection, against framework: Framework, _ log: inout DiagnosticLog) {
        func report(_ field: String, _ message: String, note: String? = nil, severity: Diagnostic.Severity = .error) {
            log.append(Diagnostic(severity, at: inspection.placeOfField( field), field: field, message, note: note))
        }

        // Values reported unreadable or unknown are left out: one mistake, one diagnostic.
        let unreadable = inspection.unreadable
        // The lowest key-question percentage sets the standard's rating. A misspelt rating (reported
        // already) is read as the rating it is closest to, and the message says so.
        let names = framework.ratings.map(\.name)
        for standard in framework.standards {
            guard let values = inspection.keyQuestions[standard.id], !values.isEmpty,
                  let written = inspection.ratings[standard.id],
                  let stated = framework.rating(named: written) != nil ? written : Spelling.closest(to: written, in: names),
                  !unreadable.contains(where: { $0.hasPrefix("key_questions.\(standard.id).") }),
                  let banded = RatingRules.ratingForKeyQuestions(Array(values.values), in: framework),
                  stated != banded
            else { continue }
            let lowest = Format.percentage(values.values.min() ?? 0)
            let reading = stated == written ? "" : " (reading '\(written)' as '\(stated)')"
            report("ratings.\(standard.id)", "'\(written)' contradicts the lowest key-question percentage (\(lowest)), which gives '\(banded)'\(reading)",
                   note: "check the rating and the percentages against the report")
        }

        let maxScore = inspection.maxScore ?? framework.maxScore
        if let given = inspection.maxScore, given != framework.maxScore, !framework.otherMaxScores.contains(given) {
            let allowed = ([framework.maxScore].compactMap { $0 } + framework.otherMaxScores).map(String.init)
            report("max_score", "framework '\(framework.id)' scores out of \(allowed.joined(separator: " or ")), not \(given)")
        }
        if let score = inspection.score {
            if score < 0 || (maxScore.map { score > $0 } ?? false) {
                report("score", "score \(score) is outside 0–\(maxScore ?? 0)")
            }
            // Only a full set of ratings determines the score. A misspelt rating (reported already)
            // is read as the rating it is closest to, and the message says so, so that a wrong score
            // is not held back until the spelling is fixed; a rating that is no likely misspelling
            // leaves the score unchecked, and the editor is told so.
            let rated = framework.standards.compactMap { inspection.ratings[$0.id] }
            var contradicted = false
            if !framework.standards.isEmpty, rated.count == framework.standards.count {
                let meant = rated.map { framework.rating(named: $0) != nil ? $0 : Spelling.closest(to: $0, in: names) }
                let readAs = zip(rated, meant).compactMap { written, meant in meant.flatMap { $0 == written ? nil : "'\(written)' as '\($0)'" } }
                if meant.contains(where: { $0 == nil }) {
                    let unknown = zip(rated, meant).filter { $0.1 == nil }.map { "'\($0.0)'" }
                    report("score", "score \(score) is not checked against the ratings until \(unknown.joined(separator: " and ")) is a rating of framework '\(framework.id)'",
                           severity: .info)
                } else if let sum = RatingRules.score(of: meant.compactMap { $0 }, in: framework), sum != score {
                    let reading = Set(readAs).sorted()
                    contradicted = true
                    report("score", "score \(score) does not match the ratings (\(sum)\(reading.isEmpty ? "" : ", reading " + reading.joined(separator: " and ")))",
                           note: "the score is the sum of the points of the standards' ratings")
                }
            }
            // Published overall ratings are a judgement, so a band mismatch is only a warning; not
            // given for a score already reported wrong, which is one mistake, not two.
            if !contradicted, let overall = inspection.overall, framework.rating(named: overall) != nil,
               let banded = RatingRules.overallRating(forScore: score, in: framework),
               banded != overall {
                report("overall", "overall rating '\(overall)' is outside the framework's band for score \(score) ('\(banded)')",
                       severity: .warning)
            }
        }

        if let published = inspection.published, let fieldwork = inspection.fieldworkStart, published.isDefinitelyBefore(fieldwork) {
            report("published", "published (\(published)) before fieldwork started (\(fieldwork))")
        }
    }
}
