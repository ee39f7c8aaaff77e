import ReportSiteViews

/// Turns the site graph into the values the templates show. All wording that depends on data (dates,
/// scores, "not published") is decided here, in the words of the page's language (`text`);
/// everything about the look is in the templates.
struct ViewBuilder {
    private(set) var graph: SiteGraph
    /// Pages of a preview build load the preview server's live-reload script.
    var liveReload = false
    let medians: KeyQuestionMedians
    /// The look's colours and spacing (`TemplateAssets.designTokens`), for the print version's `<style>`.
    var designTokens = ""

    /// The assets' names in the site; nil where no page links to them (tests of single views).
    var assets: SiteAssets?
    /// The language of the pages made: their text, and the folder they are in.
    var language: SiteLanguage

    /// `medians` are those of `graph`'s inspections, when already worked out.
    init(graph: SiteGraph, liveReload: Bool = false, medians: KeyQuestionMedians? = nil, designTokens: String = "", assets: SiteAssets? = nil) {
        self.graph = graph
        self.liveReload = liveReload
        self.medians = medians ?? KeyQuestionMedians(of: graph)
        self.designTokens = designTokens
        self.assets = assets
        language = SiteLanguage.defaultLanguage(of: graph)
    }

    /// The same views in `language`.
    func speaking(_ language: SiteLanguage) -> ViewBuilder {
        var views = self
        views.language = language
        views.graph = graph.speaking(language)
        return views
    }

    /// What leads from the language's folder up to the site root: `""` for the default language.
    var sharedPrefix: String { Routes.rootPrefix(from: language.folder + "page") }

    /// The `lang` of the default language, in which a text with no translation is shown.
    var defaultLanguage: String { graph.texts.first?.htmlLanguage ?? InterfaceText.english.htmlLanguage }

    /// The page's interface text.
    var text: InterfaceText { language.text }

    func chrome(path: String, title: String, description: String? = nil, crumbs: [(String, String?)]) -> ChromeView {
        // Links between pages stay within the language's folder; links to what every language shares
        // (assets, open data, attachments) lead up to the site root.
        let root = Routes.rootPrefix(from: path)
        let siteRoot = Routes.rootPrefix(from: language.folder + path)
        let settings = graph.settings
        // The home page needs no trail; every other page starts it at Home and ends at itself.
        var breadcrumbs: [ChromeView.Crumb] = []
        if path != Routes.home {
            breadcrumbs.append(.init(title: text[.layoutBreadcrumbHome].text, href: root + Routes.home, isCurrent: false))
            for (crumbTitle, target) in crumbs {
                breadcrumbs.append(.init(title: crumbTitle, href: target.map { root + $0 } ?? "", isCurrent: target == nil))
            }
        }
        let languages: [LanguageLinkView] = graph.texts.count < 2 ? [] : graph.texts.enumerated().map { index, other in
            let folder = index == 0 ? "" : other.code + "/"
            return LanguageLinkView(htmlLanguage: other.htmlLanguage, name: other[.languageName].text,
                                    href: siteRoot + folder + path, absolute: Routes.canonical(folder + path, base: settings.baseURL),
                                    isCurrent: other.code == language.code)
        }
        return ChromeView(
            siteTitle: settings.title, pageTitle: title, description: description ?? settings.description ?? settings.title,
            canonical: Routes.canonical(language.folder + path, base: settings.baseURL),
            root: root, breadcrumbs: breadcrumbs, licence: settings.licence, licenceURL: settings.licenceURL ?? "",
            liveReload: liveReload,
            assets: assets?.links(root: siteRoot) ?? SiteAssets.links(root: siteRoot),
            navigation: graph.navigation.map { link(to: $0, from: path) },
            footerLinks: graph.footer.map { link(to: $0, from: path) },
            text: text, siteRoot: siteRoot, languages: languages)
    }

    /// A link of `site.yml` as the page at `path` shows it: relative to it, or the other site's address.
    func link(to link: SiteLink, from path: String) -> NavigationLinkView {
        switch link.target {
        case .page(let slug):
            let target = Routes.page(slug)
            let title = link.title ?? (slug == SitePage.methodologySlug
                ? graph.methodologyText?.title ?? methodologyTitle : graph.pages.first { $0.slug == slug }?.title)
            return NavigationLinkView(title: title ?? slug, href: Routes.rootPrefix(from: path) + target, isCurrent: target == path)
        case .url(let url) where link.isExternal:
            return NavigationLinkView(title: link.title ?? url, href: url, isCurrent: false)
        case .url(let target):
            let root = Routes.isShared(target) ? Routes.rootPrefix(from: language.folder + path) : Routes.rootPrefix(from: path)
            return NavigationLinkView(title: link.title ?? target, href: root + target, isCurrent: target == path)
        }
    }

    /// Whether the public sees `inspection`. A preview builds drafts too, and lists them marked, but
    /// its counts, charts and medians leave them out, so that the figures an editor checks in the
    /// preview are those the published site will show.
    func isPublished(_ inspection: Inspection) -> Bool { !inspection.isDraft(today: graph.today) }

    func regionName(_ slug: String) -> String { graph.region(slug)?.name ?? slug }

    /// The short name of an inspection in lists: the PDU (or region) and when.
    func shortTitle(_ inspection: Inspection) -> String {
        let subject = inspection.kind == .pdu
            ? graph.pdu(of: inspection)?.pdu.name ?? inspection.pduName ?? inspection.title
            : text[.commonRegionName, ("name", regionName(inspection.regionSlug))].text
        return "\(subject), \(when(inspection))"
    }

    /// The date that best places an inspection, or its programme when no date is published, in the
    /// page's language.
    func when(_ inspection: Inspection) -> String {
        if let date = inspection.published { return Format.longForm(date, text) }
        if let date = inspection.fieldworkStart { return text[.datesFieldwork, ("date", Format.longForm(date, text))].text }
        return graph.framework(inspection.frameworkID)?.name ?? inspection.frameworkID
    }

    func row(_ inspection: Inspection, framework: Framework, root: String) -> RatingsRowView {
        let pdu = graph.pdu(of: inspection)
        return RatingsRowView(
            title: shortTitle(inspection),
            href: root + Routes.inspection(inspection.slug),
            pdu: pdu.map { LinkView(title: $0.pdu.name, href: root + Routes.pdu($0.pdu.slug)) },
            region: LinkView(title: regionName(inspection.regionSlug), href: root + Routes.region(inspection.regionSlug)),
            published: Format.date(inspection.published, text),
            publishedISO: inspection.published?.description ?? "",
            score: Format.score(inspection.score, outOf: graph.maxScore(inspection), text),
            scoreValue: inspection.score.map(String.init) ?? "",
            overall: rating(inspection.overall),
            standards: framework.standards.map { rating(inspection.ratings[$0.id]) },
            draft: inspection.isDraft(today: graph.today))
    }

    func programmeTable(_ framework: Framework, inspections: [Inspection], root: String, caption: String) -> ProgrammeTableView {
        ProgrammeTableView(
            id: "programme-\(framework.id)", name: framework.name, caption: caption,
            subjectLabel: text[framework.level == .pdu ? .tablePdu : .tableRegion].text,
            standards: framework.standards.map { StandardHeaderView(number: $0.number, name: $0.name) },
            rows: inspections.filter { $0.frameworkID == framework.id }.map { row($0, framework: framework, root: root) },
            methodologyHref: Self.methodologyHref(root: root, framework: framework.id))
    }
}

extension SiteGraph {
    /// The date that best places an inspection, or its programme when no date is published, in
    /// English: for the search index (`ViewBuilder.when` is the page's language's).
    func when(_ inspection: Inspection) -> String {
        if let date = inspection.published { return date.longForm }
        if let date = inspection.fieldworkStart { return "fieldwork \(date.longForm)" }
        return framework(inspection.frameworkID)?.name ?? inspection.frameworkID
    }

    /// What an inspection's score is out of: its own, or else its programme's.
    func maxScore(_ inspection: Inspection) -> Int? {
        inspection.maxScore ?? framework(inspection.frameworkID)?.maxScore
    }
}
