/// Reads `site.yml`.
enum SiteSettingsDecoder {
    static let fields = ["title", "description", "base_url", "licence", "licence_url", "navigation", "footer", "pdf", "attachment_size_limit", "languages"]
        + ["title_cy", "description_cy", "licence_cy"]

    /// `baseURL`, when given, replaces `base_url` (which the file may then leave out).
    static func decode(_ root: YAMLValue, baseURL override: BaseURLOverride? = nil, _ log: inout DiagnosticLog) -> SiteSettings? {
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let title = object.required("title", &log)?.string(&log)
        let description = object.optional("description")?.string(&log)
        var baseURL = (override == nil ? object.required("base_url", &log) : object.optional("base_url"))?.string(&log)
        let licence = object.required("licence", &log)?.string(&log)
        let licenceURL = object.optional("licence_url").flatMap { SourceDecoder.link($0, &log) }
        if let url = baseURL, let value = object.optional("base_url") {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                log.append(value.diagnostic("base URL must start with https:// or http://"))
            } else if let problem = LinkPolicy.problem(url) {
                log.append(value.diagnostic(problem.message, note: problem.note))
            }
        }
        if let override {
            let problems = SiteAddress.problems(override.url, at: SourceLocation(file: override.source), field: nil)
            log.append(contentsOf: problems)
            baseURL = problems.isEmpty ? override.url : nil
        }
        if let url = baseURL, !url.hasSuffix("/") { baseURL = url + "/" }
        let navigation = object.optional("navigation").map { links($0, &log) } ?? SiteSettings.defaultNavigation
        let footer = object.optional("footer").map { links($0, &log) } ?? []
        let pdf = object.optional("pdf")
        let printsPDFs = pdf?.bool(&log) ?? false
        var sizeLimit = SiteSettings.defaultAttachmentSizeLimit
        if let limit = object.optional("attachment_size_limit"), let megabytes = limit.int(&log) {
            if megabytes < 1 || megabytes > 10_000 {
                log.append(limit.diagnostic("attachment_size_limit is in MB, from 1 to 10000", note: "write e.g. attachment_size_limit: 50"))
            } else {
                sizeLimit = Int64(megabytes) * 1_000_000
            }
        }
        let languages = object.optional("languages").map { self.languages($0, &log) } ?? ["en"]
        guard let title, let baseURL, let licence else { return nil }
        return SiteSettings(
            title: title, description: description, baseURL: baseURL, licence: licence, licenceURL: licenceURL,
            navigation: navigation, footer: footer, printsPDFs: printsPDFs, pdfSetting: pdf?.location, attachmentSizeLimit: sizeLimit,
            languages: languages, translatedTitle: object.translations(of: "title", &log),
            translatedDescription: object.translations(of: "description", &log), translatedLicence: object.translations(of: "licence", &log))
    }

    /// The codes of `languages: [en, cy]`: each one the site has plural rules for, none twice, the
    /// default first; a wrong list is reported and the site stays in English.
    static func languages(_ value: YAMLValue, _ log: inout DiagnosticLog) -> [String] {
        let known = ["en", "cy"]
        var codes: [String] = []
        for item in value.array(&log) ?? [] {
            guard let code = item.string(&log) else { continue }
            if !known.contains(code) {
                log.append(item.diagnostic("'\(code)' is not a language the site can be published in",
                                           note: "the languages are \(known.joined(separator: ", ")): write e.g. languages: [en, cy]"))
            } else if codes.contains(code) {
                log.append(item.diagnostic("'\(code)' is named twice"))
            } else {
                codes.append(code)
            }
        }
        if codes.isEmpty, value.array(&log)?.isEmpty == true {
            log.append(value.diagnostic("'languages' names no language", note: "write e.g. languages: [en, cy], the default first"))
        }
        return codes.isEmpty ? ["en"] : codes
    }

    /// The pages the site makes itself that a link of the navigation or footer may name with `url`.
    static let siteRoutes = [Routes.home, Routes.regions, Routes.pdus, Routes.methodology, Routes.glossary, Routes.search,
                             Routes.feed, Routes.sitemap, Routes.dataCSV, Routes.dataJSON]

    /// A list of links, each `{title, page}` or `{title, url}`. Whether a page exists is checked
    /// once the pages are loaded (`SiteGraph`).
    static func links(_ value: YAMLValue, _ log: inout DiagnosticLog) -> [SiteLink] {
        var links: [SiteLink] = []
        for item in value.array(&log) ?? [] {
            guard let object = item.object(&log) else { continue }
            object.rejectUnknownKeys(YAMLObject.translated(["title"]) + ["page", "url"], &log)
            let title = object.optional("title")?.string(&log)
            let translatedTitle = object.translations(of: "title", &log)
            switch (object.optional("page"), object.optional("url")) {
            case (let page?, nil):
                guard let slug = page.string(&log) else { continue }
                links.append(SiteLink(title: title, target: .page(slug), translatedTitle: translatedTitle, location: page.location, field: page.path))
            case (nil, let url?):
                guard let title else {
                    log.append(item.diagnostic("a link with 'url' needs a 'title'", note: "write e.g. {title: \"Regions\", url: regions/index.html}"))
                    continue
                }
                guard let address = siteURL(url, &log) else { continue }
                links.append(SiteLink(title: title, target: .url(address), translatedTitle: translatedTitle, location: url.location, field: url.path))
            case (_?, _?):
                log.append(item.diagnostic("a link has either 'page' or 'url', not both"))
            case (nil, nil):
                log.append(item.diagnostic("a link needs 'page' (a page of pages/) or 'url' (a page of the site, or an https:// address)",
                                           note: "write e.g. {title: \"About\", page: about}"))
            }
        }
        return links
    }

    /// An address with a scheme the link policy allows (`https://…`, `mailto:…`) as written, or one of the site's own pages (`regions/` or
    /// `regions/index.html`) as its path from the site root.
    private static func siteURL(_ value: YAMLValue, _ log: inout DiagnosticLog) -> String? {
        guard let text = value.string(&log) else { return nil }
        // Another site, or an email address: the link policy refuses the schemes that could run code.
        if text.contains(":") || LinkPolicy.problem(text) != nil { return SourceDecoder.link(value, &log) }
        var path = text.hasPrefix("/") ? String(text.dropFirst()) : text
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        guard siteRoutes.contains(path) else {
            let note = Spelling.closest(to: path, in: siteRoutes).map { "did you mean '\($0)'?" }
                ?? "the site's own pages: \(siteRoutes.joined(separator: ", ")); for a page of pages/, write 'page: NAME'"
            log.append(value.diagnostic("'\(text)' is not a page the site makes", note: note))
            return nil
        }
        return path
    }
}
