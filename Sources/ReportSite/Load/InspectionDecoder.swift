/// Reads `inspections/<slug>.md`. Checks each value on its own; whether names refer to real
/// frameworks, regions, PDUs and standards is checked once everything is loaded (see `SiteGraph`).
enum InspectionDecoder {
    static let fields = [
        "title", "type", "pdu", "region", "framework", "published", "fieldwork_start", "score", "max_score",
        "overall", "ratings", "key_questions", "recommendations", "lead_inspector", "summary", "sources", "notes", "draft",
    ]

    /// `recommendations:`, a list of groups, each `to` (whom) and `items`.
    static func recommendations(_ value: YAMLValue, _ log: inout DiagnosticLog) -> [Inspection.RecommendationGroup] {
        var recommendations: [Inspection.RecommendationGroup] = []
        for item in value.array(&log) ?? [] {
            guard let group = item.object(&log) else { continue }
            group.rejectUnknownKeys(["to", "items"], &log)
            if let to = group.required("to", &log)?.string(&log), let items = group.required("items", &log)?.strings(&log) {
                recommendations.append(.init(to: to, items: items))
            }
        }
        return recommendations
    }

    static func decode(
        _ root: YAMLValue, slug: String, body: String, bodyFirstLine: Int, _ log: inout DiagnosticLog
    ) -> Inspection? {
        // First: the text is checked even when the front matter is not a mapping.
        TextChecks.check(body, file: root.file, firstLine: bodyFirstLine, &log)
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        var locations: [String: SourceLocation] = [:]
        for (key, value) in object.entries { locations[fields.contains(key) ? key : Spelling.closest(to: key, in: fields) ?? key] = value.location }
        // A misspelt field name is reported once, as unknown, and its value still read, so that the
        // mistakes after it are found in the same pass.
        // Looked for only when some key is unknown: in a front matter without mistakes, none is.
        let hasUnknownKeys = object.entries.contains { !fields.contains($0.key) }
        func field(_ key: String) -> YAMLValue? {
            object.optional(key) ?? (hasUnknownKeys ? object.misspelling(of: key, among: fields) : nil)
        }
        func required(_ key: String, note: String? = nil) -> YAMLValue? { field(key) ?? object.required(key, &log, note: note) }
        // Fields whose value could not be read: the rules that relate values leave them out, rather
        // than report a second, false mistake about a value already reported.
        var unreadable: Set<String> = []
        func read<T>(_ key: String, _ value: YAMLValue?, _ reader: (YAMLValue) -> T?) -> T? {
            guard let value else { return nil }
            if let result = reader(value) { return result }
            unreadable.insert(key)
            return nil
        }

        let title = required("title")?.string(&log)
        let kind = required("type").flatMap { value -> Inspection.Kind? in
            guard let text = value.string(&log) else { return nil }
            if let kind = Inspection.Kind(rawValue: text) { return kind }
            let folded = Inspection.Kind(rawValue: text.lowercased())
            log.append(value.diagnostic("type must be 'pdu' or 'region', not '\(text)'", note: folded.map { "did you mean '\($0.rawValue)'?" }))
            return folded
        }
        var pduName: String?
        if kind == .pdu {
            pduName = required("pdu", note: "name the PDU as its region file lists it")?.string(&log)
        } else if kind == .region, let pdu = field("pdu") {
            log.append(pdu.diagnostic("a regional inspection has no PDU", note: "remove the field or set type: pdu"))
        }
        let region = required("region")?.string(&log)
        let framework = required("framework")?.string(&log)
        let published = date(field("published"), &log)
        let fieldworkStart = date(field("fieldwork_start"), &log)
        let score = read("score", field("score")) { $0.int(&log) }
        let maxScore = read("max_score", field("max_score")) { $0.int(&log) }
        let overall = read("overall", field("overall")) { $0.string(&log) }

        var ratings: [String: String] = [:]
        if let ratingsObject = field("ratings")?.object(&log) {
            for (standard, value) in ratingsObject.entries where !value.isNull {
                locations["ratings.\(standard)"] = value.location
                if let rating = read("ratings.\(standard)", value, { $0.string(&log) }) { ratings[standard] = rating }
            }
        }

        var keyQuestions: [String: [String: Double]] = [:]
        if let standards = field("key_questions")?.object(&log) {
            for (standard, questionsValue) in standards.entries {
                guard let questions = questionsValue.object(&log) else { continue }
                var values: [String: Double] = [:]
                // An empty value is a figure not published (a new report's placeholders are empty).
                for (question, value) in questions.entries where !value.isNull {
                    let path = "key_questions.\(standard).\(question)"
                    locations[path] = value.location
                    guard let percentage = read(path, value, { $0.number(&log) }) else { continue }
                    if !(0...100).contains(percentage) {
                        log.append(value.diagnostic("a percentage must be between 0 and 100, not \(value.node.scalar?.string ?? "")"))
                        unreadable.insert(path)
                        continue
                    }
                    values[question] = percentage
                }
                if !values.isEmpty || questions.entries.isEmpty { keyQuestions[standard] = values }
            }
        }

        let recommendations = field("recommendations").map { Self.recommendations($0, &log) } ?? []

        let draft = field("draft")?.bool(&log) ?? false
        guard let title, let kind, let region, let framework else { return nil }
        return Inspection(
            slug: slug, title: title, kind: kind, pduName: pduName, regionSlug: region, frameworkID: framework,
            published: published, fieldworkStart: fieldworkStart, score: score, maxScore: maxScore, overall: overall,
            ratings: ratings, keyQuestions: keyQuestions, recommendations: recommendations,
            leadInspector: field("lead_inspector")?.string(&log),
            summary: field("summary")?.string(&log),
            sources: SourceDecoder.sources(field("sources"), &log),
            notes: SourceDecoder.notes(field("notes"), &log),
            draft: draft, body: MarkdownText(body), bodyFirstLine: bodyFirstLine, fieldLocations: FieldLocations(locations),
            location: SourceLocation(file: root.file, line: 1), unreadable: unreadable)
    }

    private static func date(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> PartialDate? {
        value?.partialDate(&log, note: "write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives only that")
    }
}
