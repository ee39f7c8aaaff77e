import ReportSiteViews

/// One of the site's languages as its pages are made: its interface text, and the folder its pages
/// are in: the site root for the default language, a folder named after its code for each other
/// (`cy/`), which holds the same pages at the same paths.
struct SiteLanguage: Sendable {
    let text: InterfaceText
    /// `""` for the default language, else the language's code and a slash.
    let folder: String
    /// The ratings' names in the language (`name_cy` in the frameworks), by their names in the
    /// default language, which are keys: the views show these in their place.
    var ratingNames: [String: String] = [:]
    /// The translations into the language of reports and of pages, by the original's slug.
    var reports: [String: Translation] = [:]
    var pages: [String: Translation] = [:]

    var code: String { text.code }
    var isDefault: Bool { folder.isEmpty }

    /// Every language of `graph`'s site, the default first.
    static func all(of graph: SiteGraph) -> [SiteLanguage] {
        graph.texts.enumerated().map { index, text in
            guard index > 0 else { return SiteLanguage(text: text, folder: "") }
            var language = SiteLanguage(text: text, folder: text.code + "/")
            for rating in graph.frameworks.flatMap(\.ratings) {
                if let name = rating.translatedName[text.code] { language.ratingNames[rating.name] = name }
            }
            for translation in graph.translations where translation.language == text.code {
                switch translation.kind {
                case .inspection: language.reports[translation.slug] = translation
                case .page: language.pages[translation.slug] = translation
                }
            }
            return language
        }
    }

    /// The default language of `graph`'s site.
    static func defaultLanguage(of graph: SiteGraph) -> SiteLanguage {
        SiteLanguage(text: graph.texts.first ?? .english, folder: "")
    }

    /// The digest of the language's text, which its pages are made from.
    var digest: ContentDigest {
        var digest = ContentDigest("language \(folder)")
        for key in TextKey.allCases {
            digest.combine(key.rawValue)
            switch text.value(key) {
            case .text(let value)?: digest.combine(value)
            case .plural(let forms)?: for form in PluralForm.allCases { digest.combine(forms[form] ?? "") }
            case .list(let items)?: items.forEach { digest.combine($0) }
            case nil: digest.combine("")
            }
            digest.combine(text.borrowedKeys.contains(key) ? "borrowed" : "own")
        }
        // Any page may show a translated report's title (a PDU's list, the feed): a translation
        // remakes its language's pages, never another language's.
        for slug in reports.keys.sorted() { digest.combine(reports[slug]!.digest) }
        for slug in pages.keys.sorted() { digest.combine(pages[slug]!.digest) }
        return digest
    }
}

extension SiteGraph {
    /// The site as `language` shows it: the names its files give in the language (`name_cy`) in
    /// place of the originals, and each report and page that has a translation into it with the
    /// translation's words; its figures the same.
    func speaking(_ language: SiteLanguage) -> SiteGraph {
        guard !language.isDefault else { return self }
        var graph = self
        graph.namesIn(language.code)
        guard !language.reports.isEmpty || !language.pages.isEmpty else { return graph }
        graph.inspections = graph.inspections.map { language.translated($0) }
        for (slug, entry) in graph.pdus where entry.inspections.contains(where: { language.reports[$0.slug] != nil }) {
            graph.pdus[slug]?.inspections = entry.inspections.map { language.translated($0) }
        }
        graph.pages = pages.map { language.translated($0) }
        graph.methodologyText = methodologyText.map { language.translated($0) }
        return graph
    }

    /// Every name the files give in `code` put in place of the original: the site's title,
    /// description, licence and links; regions and PDUs (and the PDU each report names, so that
    /// reports still find their PDU); programmes, domains, standards and key questions. Ratings keep
    /// their names, which are keys: the views name them in the language (`ViewBuilder.rating`).
    private mutating func namesIn(_ code: String) {
        settings.title = settings.translatedTitle[code] ?? settings.title
        settings.description = settings.translatedDescription[code] ?? settings.description
        settings.licence = settings.translatedLicence[code] ?? settings.licence
        navigation = navigation.map { $0.in(code) }
        footer = footer.map { $0.in(code) }
        settings.navigation = settings.navigation.map { $0.in(code) }
        settings.footer = settings.footer.map { $0.in(code) }

        frameworks = frameworks.map { framework in
            var framework = framework
            framework.name = framework.translatedName[code] ?? framework.name
            framework.domains = framework.domains.map { domain in
                var domain = domain
                domain.name = domain.translatedName[code] ?? domain.name
                domain.standards = domain.standards.map { standard in
                    var standard = standard
                    standard.name = standard.translatedName[code] ?? standard.name
                    standard.keyQuestions = standard.keyQuestions.map { question in
                        var question = question
                        question.text = question.translatedText[code] ?? question.text
                        return question
                    }
                    return standard
                }
                return domain
            }
            return framework
        }

        guard regions.contains(where: { !$0.translatedName.isEmpty || $0.pdus.contains { !$0.translatedName.isEmpty } }) else { return }
        // Each report's PDU by the original names, before they change.
        let renamed = inspections.map { inspection in pdu(of: inspection).flatMap { $0.pdu.translatedName[code] } }
        regions = regions.map { region in
            var region = region
            region.name = region.translatedName[code] ?? region.name
            region.pdus = region.pdus.map { pdu in
                var pdu = pdu
                pdu.name = pdu.translatedName[code] ?? pdu.name
                return pdu
            }
            return region
        }
        for (slug, entry) in pdus {
            guard let name = entry.pdu.translatedName[code] else { continue }
            pdus[slug]?.pdu.name = name
            pdus[slug]?.inspections = entry.inspections.map { inspection in
                var inspection = inspection
                inspection.pduName = name
                return inspection
            }
        }
        for (index, name) in renamed.enumerated() where name != nil {
            inspections[index].pduName = name
        }
    }
}

extension SiteLink {
    /// The link as a page in `code` shows it.
    func `in`(_ code: String) -> SiteLink {
        var link = self
        link.title = translatedTitle[code] ?? title
        return link
    }
}

extension SiteLanguage {
    /// `inspection` with its translation's words, when it has one.
    func translated(_ inspection: Inspection) -> Inspection {
        reports[inspection.slug].map { $0.applied(to: inspection) } ?? inspection
    }

    /// `page` with its translation's words, when it has one.
    func translated(_ page: SitePage) -> SitePage {
        guard let translation = pages[page.slug] else { return page }
        var shown = page
        shown.title = translation.title
        if let description = translation.summary { shown.description = description }
        shown.body = translation.body
        shown.bodyFirstLine = translation.bodyFirstLine
        return shown
    }

    /// Whether the text of the report or page with this slug is shown in the default language here.
    func showsOriginal(report slug: String) -> Bool { !isDefault && reports[slug] == nil }
    func showsOriginal(page slug: String) -> Bool { !isDefault && pages[slug] == nil }
}

extension Translation {
    /// `inspection`, the original, with this translation's words, its figures the same.
    func applied(to inspection: Inspection) -> Inspection {
        var shown = inspection
        shown.title = title
        if let summary { shown.summary = summary }
        if let recommendations { shown.recommendations = recommendations }
        if let sourceTitles {
            shown.sources = zip(inspection.sources, sourceTitles).map { Source(title: $1, url: $0.url) }
        }
        shown.body = MarkdownText(body)
        shown.bodyFirstLine = bodyFirstLine
        return shown
    }

    /// The translated report's words as the search index scores them: the report with its words,
    /// and its text's headings and reader's text, rendered with `renderer` (which collects the text).
    func words(in original: Inspection, renderer: MarkdownRenderer, page: String) -> (inspection: Inspection, headings: [Heading], text: [UInt8]) {
        let shown = applied(to: original)
        let body = renderer.render(shown.body.markdown, glossary: [], glossaryPage: "", page: page)
        return (shown, body.headings, body.text)
    }
}
