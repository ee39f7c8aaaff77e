/// Reads a translation file (`<slug>.cy.md` beside a report or a page): its front matter gives the
/// words of the original in the language, never its figures.
enum TranslationDecoder {
    /// The fields a report's translation may give; `notes` is never published.
    static let inspectionFields = ["title", "summary", "recommendations", "sources", "notes"]
    static let pageFields = ["title", "description", "notes"]

    /// The report's fields that are figures or facts, not words: a translation giving one is an error.
    static let inspectionFigures = ["type", "pdu", "region", "framework", "published", "fieldwork_start", "score", "max_score",
                                    "overall", "ratings", "key_questions", "lead_inspector", "draft"]
    static let pageFacts = ["updated", "draft"]

    /// The languages a file's name may name (`x.cy.md`), other than the default language's.
    static let languages = ["cy", "en"]

    /// The language and the original's slug of a translation file's name (`essex-south-2024.cy.md`
    /// → `cy`, `essex-south-2024`); nil for any other name.
    static func parts(ofName name: String) -> (slug: String, language: String)? {
        // On the name's bytes: it is asked of every file of the content, and a `Character` search
        // would find grapheme breaks in each.
        let bytes = name.utf8
        guard bytes.suffix(3).elementsEqual(".md".utf8) else { return nil }
        let stem = bytes.index(bytes.endIndex, offsetBy: -3)
        guard let dot = bytes[..<stem].lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let language = String(name[bytes.index(after: dot)..<stem])
        guard languages.contains(language) else { return nil }
        return (String(name[..<dot]), language)
    }

    static func decode(
        _ root: YAMLValue, kind: Translation.Kind, slug: String, language: String, body: String, bodyFirstLine: Int, digest: ContentDigest,
        _ log: inout DiagnosticLog
    ) -> Translation? {
        TextChecks.check(body, file: root.file, firstLine: bodyFirstLine, &log)
        guard let object = root.object(&log) else { return nil }
        let (fields, figures) = kind == .inspection ? (inspectionFields, inspectionFigures) : (pageFields, pageFacts)
        for entry in object.entries where figures.contains(entry.key) {
            log.append(entry.value.diagnostic(
                "a translation gives words only: '\(entry.key)' comes from \(slug).md",
                note: "remove it here; the \(language) page shows the original's \(entry.key)"))
        }
        object.rejectUnknownKeys(fields + figures, &log)
        let title = object.required("title", &log)?.string(&log)
        let summary = object.optional(kind == .inspection ? "summary" : "description")?.string(&log)
        var recommendations: [Inspection.RecommendationGroup]?
        if let value = object.optional("recommendations") {
            recommendations = InspectionDecoder.recommendations(value, &log)
        }
        let sourceTitles = object.optional("sources").map { value in
            (value.array(&log) ?? []).compactMap { item -> String? in
                if let text = item.string(&log) { return text }
                return nil
            }
        }
        guard let title else { return nil }
        return Translation(kind: kind, slug: slug, language: language, title: title, summary: summary, recommendations: recommendations,
                           sourceTitles: sourceTitles, body: body, bodyFirstLine: bodyFirstLine, location: root.location, digest: digest)
    }

    /// A report's translation gives its sources' titles and its recommendations group for group, in
    /// the original's order, so that each title stays with its link and each group with its own.
    static func checkMatches(_ translation: Translation, original: Inspection, _ root: YAMLValue, _ log: inout DiagnosticLog) {
        guard let object = root.object(&log) else { return }
        if let titles = translation.sourceTitles, titles.count != original.sources.count, let value = object.optional("sources") {
            log.append(value.diagnostic("the translation gives \(titles.count) source titles where \(original.slug).md has \(original.sources.count) sources",
                                        note: "give one title for each source, in the original's order, or leave 'sources' out to show the original's"))
        }
        if let groups = translation.recommendations, groups.count != original.recommendations.count, let value = object.optional("recommendations") {
            log.append(value.diagnostic("the translation gives \(groups.count) groups of recommendations where \(original.slug).md has \(original.recommendations.count)",
                                        note: "translate each group, in the original's order, or leave 'recommendations' out"))
        }
    }
}
