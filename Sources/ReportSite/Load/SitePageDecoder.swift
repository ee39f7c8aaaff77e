/// Reads `pages/<slug>.md`.
enum SitePageDecoder {
    static let fields = ["title", "description", "updated", "draft"]

    /// Folders the site writes its own pages and files into: a page of the same name would be
    /// written over them, or they over it.
    static let takenNames: [String: String] = [
        "regions": "the list of regions", "pdus": "the list of PDUs", "inspections": "the reports",
        "search": "the search page", "glossary": "the glossary", Routes.attachmentsFolder: "the files of files/",
        "data": "the open data", "css": "the stylesheet", "js": "the scripts",
    ]

    static func decode(
        _ root: YAMLValue, slug: String, document: FrontMatterDocument, _ log: inout DiagnosticLog
    ) -> SitePage? {
        let location = SourceLocation(file: root.file, line: 1)
        if let owner = takenNames[slug] {
            log.append(Diagnostic(at: location, "the page name '\(slug)' is taken: the site writes \(owner) at \(slug)/",
                                  note: "rename the file, e.g. to about-\(slug).md"))
            return nil
        }
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let title = object.required("title", &log)?.string(&log)
        let description = object.optional("description")?.string(&log)
        let draft = object.optional("draft")?.bool(&log) ?? false
        let updated = object.optional("updated")?.partialDate(&log)
        TextChecks.check(document.body, file: root.file, firstLine: document.bodyFirstLine, &log)
        guard let title else { return nil }
        var digest = ContentDigest(document.yaml)
        digest.combine(document.body)
        return SitePage(slug: slug, title: title, description: description, updated: updated, draft: draft,
                        body: document.body, bodyFirstLine: document.bodyFirstLine, location: location, fileDigest: digest)
    }
}
