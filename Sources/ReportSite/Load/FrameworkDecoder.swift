/// Reads `frameworks/<id>.yml`.
enum FrameworkDecoder {
    static let fields = [
        "name", "name_cy", "level", "ratings", "key_question_bands", "max_score", "other_max_scores", "score_bands",
        "domains", "sources",
    ]

    static func decode(_ root: YAMLValue, id: String, _ log: inout DiagnosticLog) -> Framework? {
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let name = object.required("name", &log)?.string(&log)
        let level = object.required("level", &log).flatMap { value -> Framework.Level? in
            guard let text = value.string(&log) else { return nil }
            guard let level = Framework.Level(rawValue: text) else {
                log.append(value.diagnostic("level must be 'pdu' or 'region', not '\(text)'"))
                return nil
            }
            return level
        }
        let ratings = decodeRatings(object.required("ratings", &log), &log)
        let ratingNames = ratings.map(\.name)

        func checkRating(_ value: YAMLValue?) -> String? {
            guard let value, let text = value.string(&log) else { return nil }
            if !ratingNames.contains(text) {
                log.append(value.diagnostic("'\(text)' is not one of this framework's ratings",
                                            note: "ratings: \(ratingNames.joined(separator: ", "))"))
            }
            return text
        }

        func rank(_ rating: String) -> Int? { ratings.first { $0.name == rating }?.rank }

        var keyQuestionBands: [Framework.PercentageBand] = []
        for item in object.optional("key_question_bands")?.array(&log) ?? [] {
            guard let band = item.object(&log) else { continue }
            band.rejectUnknownKeys(["from", "rating"], &log)
            if let fromValue = band.required("from", &log), let from = fromValue.number(&log),
               let rating = checkRating(band.required("rating", &log)) {
                if !(0...100).contains(from) {
                    log.append(fromValue.diagnostic("a key-question band starts at a percentage, between 0 and 100, not \(shown(from))"))
                }
                // Bands are read lowest first: the rating for a percentage is the last band it reaches.
                if let previous = keyQuestionBands.last {
                    if from <= previous.from {
                        log.append(fromValue.diagnostic(
                            "key-question bands must ascend: this one starts at \(shown(from))%, the one before at \(shown(previous.from))%",
                            note: "list the bands from the lowest percentage up"))
                    } else if let this = rank(rating), let before = rank(previous.rating), this <= before {
                        log.append(item.diagnostic(
                            "key-question bands must rise in rating: '\(rating)' is not above '\(previous.rating)'",
                            note: "a higher percentage gives a better rating; ratings are listed worst first"))
                    }
                }
                keyQuestionBands.append(.init(from: from, rating: rating))
            }
        }

        let maxScore = object.optional("max_score")?.int(&log)
        let otherMaxScores = (object.optional("other_max_scores")?.array(&log) ?? []).compactMap { $0.int(&log) }

        var scoreBands: [Framework.ScoreBand] = []
        for item in object.optional("score_bands")?.array(&log) ?? [] {
            guard let band = item.object(&log) else { continue }
            band.rejectUnknownKeys(["from", "to", "rating"], &log)
            if let from = band.required("from", &log)?.int(&log), let to = band.required("to", &log)?.int(&log),
               let rating = checkRating(band.required("rating", &log)) {
                if to < from { log.append(item.diagnostic("band ends (\(to)) before it starts (\(from))")) }
                if from < 0 { log.append(item.diagnostic("a score band cannot start below 0 (\(from))")) }
                // Bands run upward and apart: each starts above where the one before ended, with a
                // rating no worse, so that a score falls in one band at most.
                if let previous = scoreBands.last {
                    if from <= previous.to {
                        log.append(item.diagnostic(
                            "score band \(from)–\(to) overlaps or comes before the band above it in the file (\(previous.from)–\(previous.to))",
                            note: "list the bands from the lowest score up, each starting after the last one ends"))
                    } else if let this = rank(rating), let before = rank(previous.rating), this < before {
                        log.append(item.diagnostic(
                            "score bands must rise in rating: '\(rating)' (\(from)–\(to)) is below '\(previous.rating)' (\(previous.from)–\(previous.to))",
                            note: "a higher score gives a rating at least as good; ratings are listed worst first"))
                    }
                }
                if let maxScore, to > maxScore {
                    log.append(item.diagnostic("score band \(from)–\(to) goes above the maximum score (\(maxScore))"))
                }
                scoreBands.append(.init(from: from, to: to, rating: rating))
            }
        }

        let translatedName = object.translations(of: "name", &log)
        let domains = decodeDomains(object.required("domains", &log), &log)
        let sources = object.optional("sources")?.strings(&log) ?? []

        guard let name, let level else { return nil }
        var framework = Framework(
            id: id, name: name, level: level, ratings: ratings, keyQuestionBands: keyQuestionBands,
            maxScore: maxScore, otherMaxScores: otherMaxScores, scoreBands: scoreBands, domains: domains,
            sources: sources, location: root.location)
        framework.translatedName = translatedName
        return framework
    }

    /// A percentage as written: 50, or 62.5.
    private static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func decodeRatings(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> [Framework.Rating] {
        var ratings: [Framework.Rating] = []
        for item in value?.array(&log) ?? [] {
            guard let object = item.object(&log) else { continue }
            object.rejectUnknownKeys(YAMLObject.translated(["name"]) + ["points"], &log)
            if let name = object.required("name", &log)?.string(&log), let pointsValue = object.required("points", &log),
               let points = pointsValue.int(&log) {
                if ratings.contains(where: { $0.name == name }) {
                    log.append(item.diagnostic("rating '\(name)' is listed twice"))
                }
                // Ratings are listed worst first, so points rise with them: a score sums points.
                if points < 0 {
                    log.append(pointsValue.diagnostic("points cannot be negative (\(points))"))
                } else if let previous = ratings.last, points <= previous.points {
                    log.append(pointsValue.diagnostic(
                        "'\(name)' gives \(points) points, no more than '\(previous.name)' below it (\(previous.points))",
                        note: "list the ratings worst first, each worth more points than the one before"))
                }
                ratings.append(.init(name: name, points: points, rank: ratings.count, translatedName: object.translations(of: "name", &log)))
            }
        }
        if let value, ratings.isEmpty { log.append(value.diagnostic("a framework needs at least one rating")) }
        return ratings
    }

    private static func decodeDomains(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> [Framework.Domain] {
        var domains: [Framework.Domain] = []
        var seenIDs: Set<String> = []
        for item in value?.array(&log) ?? [] {
            guard let object = item.object(&log) else { continue }
            object.rejectUnknownKeys(YAMLObject.translated(["name"]) + ["number", "standards"], &log)
            let number = object.required("number", &log)?.string(&log)
            let name = object.required("name", &log)?.string(&log)
            var standards: [Framework.Standard] = []
            for standardValue in object.required("standards", &log)?.array(&log) ?? [] {
                guard let standard = decodeStandard(standardValue, &log) else { continue }
                if !seenIDs.insert(standard.id).inserted {
                    log.append(standardValue.diagnostic("standard id '\(standard.id)' is used twice"))
                }
                standards.append(standard)
            }
            if let number, let name {
                domains.append(.init(number: number, name: name, standards: standards, translatedName: object.translations(of: "name", &log)))
            }
        }
        return domains
    }

    private static func decodeStandard(_ value: YAMLValue, _ log: inout DiagnosticLog) -> Framework.Standard? {
        guard let object = value.object(&log) else { return nil }
        object.rejectUnknownKeys(YAMLObject.translated(["name"]) + ["id", "number", "descriptor", "key_questions"], &log)
        let id = object.required("id", &log)?.string(&log)
        let number = object.required("number", &log)?.string(&log)
        let name = object.required("name", &log)?.string(&log)
        let descriptor = object.optional("descriptor")?.string(&log)
        var keyQuestions: [Framework.KeyQuestion] = []
        for item in object.optional("key_questions")?.array(&log) ?? [] {
            guard let question = item.object(&log) else { continue }
            question.rejectUnknownKeys(YAMLObject.translated(["text"]) + ["id"], &log)
            if let id = question.required("id", &log)?.string(&log), let text = question.required("text", &log)?.string(&log) {
                keyQuestions.append(.init(id: id, text: text, translatedText: question.translations(of: "text", &log)))
            }
        }
        guard let id, let number, let name else { return nil }
        return .init(id: id, number: number, name: name, descriptor: descriptor, keyQuestions: keyQuestions,
                     translatedName: object.translations(of: "name", &log))
    }
}
