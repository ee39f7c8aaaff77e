/// Reads `inspections/<slug>.md`. Checks each value on its own; whether names refer to real
/// frameworks, regions, PDUs and standards is checked once everything is loaded (see `SiteGraph`).
enum InspectionDecoder {
    static let fields = [
        "title", "type", "pdu", "region", "framework", "published", "fieldwork_start", "score", "max_score",
        "overall", "ratings", "key_questions", "recommendations", "lead_inspector", "summary", "sources", "notes", "draft",
    ]

    static func decode(
        _ root: YAMLValue, slug: String, body: String, bodyFirstLine: Int, _ log: inout DiagnosticLog
    ) -> Inspection? {
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        var locations: [String: SourceLocation] = [:]
        for (key, value) in object.entries { locations[key] = value.location }

        let title = object.required("title", &log)?.string(&log)
        let kind = object.required("type", &log).flatMap { value -> Inspection.Kind? in
            guard let text = value.string(&log) else { return nil }
            guard let kind = Inspection.Kind(rawValue: text) else {
                log.append(value.diagnostic("type must be 'pdu' or 'region', not '\(text)'"))
                return nil
            }
            return kind
        }
        var pduName: String?
        if kind == .pdu {
            pduName = object.required("pdu", &log, note: "name the PDU as its region file lists it")?.string(&log)
        } else if let pdu = object.optional("pdu") {
            log.append(pdu.diagnostic("a regional inspection has no PDU", note: "remove the field or set type: pdu"))
        }
        let region = object.required("region", &log)?.string(&log)
        let framework = object.required("framework", &log)?.string(&log)
        let published = date(object.optional("published"), &log)
        let fieldworkStart = date(object.optional("fieldwork_start"), &log)
        let score = object.optional("score")?.int(&log)
        let maxScore = object.optional("max_score")?.int(&log)
        let overall = object.optional("overall")?.string(&log)

        var ratings: [String: String] = [:]
        if let ratingsObject = object.optional("ratings")?.object(&log) {
            for (standard, value) in ratingsObject.entries where !value.isNull {
                if let rating = value.string(&log) {
                    ratings[standard] = rating
                    locations["ratings.\(standard)"] = value.location
                }
            }
        }

        var keyQuestions: [String: [String: Double]] = [:]
        if let standards = object.optional("key_questions")?.object(&log) {
            for (standard, questionsValue) in standards.entries {
                guard let questions = questionsValue.object(&log) else { continue }
                var values: [String: Double] = [:]
                // An empty value is a figure not published (a new report's placeholders are empty).
                for (question, value) in questions.entries where !value.isNull {
                    guard let percentage = value.number(&log) else { continue }
                    locations["key_questions.\(standard).\(question)"] = value.location
                    if !(0...100).contains(percentage) {
                        log.append(value.diagnostic("a percentage must be between 0 and 100, not \(value.node.scalar?.string ?? "")"))
                        continue
                    }
                    values[question] = percentage
                }
                if !values.isEmpty || questions.entries.isEmpty { keyQuestions[standard] = values }
            }
        }

        var recommendations: [Inspection.RecommendationGroup] = []
        for item in object.optional("recommendations")?.array(&log) ?? [] {
            guard let group = item.object(&log) else { continue }
            group.rejectUnknownKeys(["to", "items"], &log)
            if let to = group.required("to", &log)?.string(&log), let items = group.required("items", &log)?.strings(&log) {
                recommendations.append(.init(to: to, items: items))
            }
        }

        let draft = object.optional("draft")?.bool(&log) ?? false
        guard let title, let kind, let region, let framework else { return nil }
        return Inspection(
            slug: slug, title: title, kind: kind, pduName: pduName, regionSlug: region, frameworkID: framework,
            published: published, fieldworkStart: fieldworkStart, score: score, maxScore: maxScore, overall: overall,
            ratings: ratings, keyQuestions: keyQuestions, recommendations: recommendations,
            leadInspector: object.optional("lead_inspector")?.string(&log),
            summary: object.optional("summary")?.string(&log),
            sources: SourceDecoder.sources(object.optional("sources"), &log),
            notes: SourceDecoder.notes(object.optional("notes"), &log),
            draft: draft, body: MarkdownText(body), bodyFirstLine: bodyFirstLine, fieldLocations: locations,
            location: SourceLocation(file: root.file, line: 1))
    }

    private static func date(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> PartialDate? {
        guard let value, let text = value.string(&log) else { return nil }
        guard let date = PartialDate(text) else {
            log.append(value.diagnostic("'\(text)' is not a real date",
                                        note: "write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives only that"))
            return nil
        }
        return date
    }
}
