/// What every page's layout needs: titles, the way back to the root, breadcrumbs, the licence.
public struct ChromeView: Sendable {
    public struct Crumb: Sendable {
        public var title: String
        /// Empty for the current page, which is not a link.
        public var href: String
        public var isCurrent: Bool

        public init(title: String, href: String, isCurrent: Bool) {
            self.title = title
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    public var siteTitle: String
    public var pageTitle: String
    public var description: String
    /// The page's canonical absolute URL, from the base URL in site.yml.
    public var canonical: String
    /// Relative prefix to the site root, e.g. `../../`.
    public var root: String
    public var breadcrumbs: [Crumb]
    public var licence: String
    public var licenceURL: String
    /// Load the preview server's live-reload script (preview builds only).
    public var liveReload: Bool
    public var assets: AssetLinks
    /// The header's navigation and the footer's links, from `site.yml`.
    public var navigation: [NavigationLinkView] = []
    public var footerLinks: [NavigationLinkView] = []
    /// For the 404 page only: the site's path on the server (`<base href>`), because a server shows
    /// that page at whatever address was missing, where relative links would lead nowhere.
    public var basePath: String = ""
    /// The interface text in the page's language.
    public var text: InterfaceText = .english
    /// Relative prefix to the folder every language shares (open data, attachments, assets): `root`
    /// on a page of the default language, one folder further up on another language's.
    public var siteRoot: String = ""
    /// The page in each of the site's languages, this one among them; empty on a one-language site.
    public var languages: [LanguageLinkView] = []

    public init(siteTitle: String, pageTitle: String, description: String, canonical: String, root: String, breadcrumbs: [Crumb], licence: String, licenceURL: String, liveReload: Bool, assets: AssetLinks, navigation: [NavigationLinkView] = [], footerLinks: [NavigationLinkView] = [], basePath: String = "",
                text: InterfaceText = .english, siteRoot: String? = nil, languages: [LanguageLinkView] = []) {
        self.siteTitle = siteTitle
        self.pageTitle = pageTitle
        self.description = description
        self.canonical = canonical
        self.root = root
        self.breadcrumbs = breadcrumbs
        self.licence = licence
        self.licenceURL = licenceURL
        self.liveReload = liveReload
        self.assets = assets
        self.navigation = navigation
        self.footerLinks = footerLinks
        self.basePath = basePath
        self.text = text
        self.siteRoot = siteRoot ?? root
        self.languages = languages
    }
}

/// A page's counterpart in one of the site's languages: its `hreflang` alternate and, for the other
/// languages, the header's language toggle.
public struct LanguageLinkView: Sendable {
    /// The value of `hreflang` and of `lang` on the link (`en-GB`, `cy`).
    public var htmlLanguage: String
    /// The language's name in itself ("Cymraeg", "English").
    public var name: String
    /// The counterpart from this page, relative.
    public var href: String
    /// The counterpart's address under the site's base URL, which `hreflang` alternates give.
    public var absolute: String
    /// The page's own language.
    public var isCurrent: Bool

    public init(htmlLanguage: String, name: String, href: String, absolute: String, isCurrent: Bool) {
        self.htmlLanguage = htmlLanguage
        self.name = name
        self.href = href
        self.absolute = absolute
        self.isCurrent = isCurrent
    }
}

/// A link of the navigation or the footer.
public struct NavigationLinkView: Sendable {
    public var title: String
    public var href: String
    /// The link leads to the page it is on (`aria-current="page"`).
    public var isCurrent: Bool

    public init(title: String, href: String, isCurrent: Bool) {
        self.title = title
        self.href = href
        self.isCurrent = isCurrent
    }
}

/// Where the stylesheet, icon and scripts are, from the page.
public struct AssetLinks: Sendable {
    public var stylesheet: String
    public var favicon: String
    public var ratingsTableScript: String
    public var searchScript: String

    public init(stylesheet: String, favicon: String, ratingsTableScript: String, searchScript: String) {
        self.stylesheet = stylesheet
        self.favicon = favicon
        self.ratingsTableScript = ratingsTableScript
        self.searchScript = searchScript
    }
}

/// A rating as text plus a CSS class for its colour: the text is always there, so colour is never
/// the only signal.
public struct RatingView: Sendable {
    public var name: String
    public var slug: String
    public var known: Bool

    public init(name: String, slug: String, known: Bool) {
        self.name = name
        self.slug = slug
        self.known = known
    }
}

/// A link with its text.
public struct LinkView: Sendable {
    public var title: String
    public var href: String

    public init(title: String, href: String) {
        self.title = title
        self.href = href
    }
}

/// A download of the report as a PDF, with its size.
public struct PDFLinkView: Sendable {
    public var href: String
    public var size: String

    public init(href: String, size: String) {
        self.href = href
        self.size = size
    }
}

/// A column heading for a standard in a ratings table.
public struct StandardHeaderView: Sendable {
    public var number: String
    public var name: String

    public init(number: String, name: String) {
        self.number = number
        self.name = name
    }
}

/// One row of a ratings table: an inspection with its score, overall rating and standard ratings.
public struct RatingsRowView: Sendable {
    public var title: String
    public var href: String
    public var pdu: LinkView?
    public var region: LinkView?
    public var published: String
    public var publishedISO: String
    public var score: String
    /// The score alone, for sorting; empty when not published.
    public var scoreValue: String
    public var overall: RatingView
    public var standards: [RatingView]
    /// A draft shown in the preview (a published build has none).
    public var draft: Bool

    public init(title: String, href: String, pdu: LinkView? = nil, region: LinkView? = nil, published: String, publishedISO: String, score: String, scoreValue: String, overall: RatingView, standards: [RatingView], draft: Bool) {
        self.title = title
        self.href = href
        self.pdu = pdu
        self.region = region
        self.published = published
        self.publishedISO = publishedISO
        self.score = score
        self.scoreValue = scoreValue
        self.overall = overall
        self.standards = standards
        self.draft = draft
    }
}

/// A table of inspections of one programme, whose columns are that programme's standards.
public struct ProgrammeTableView: Sendable {
    public var id: String
    public var name: String
    public var caption: String
    /// Heading of the first column: "PDU" or "Region".
    public var subjectLabel: String
    /// A table of PDU inspections names each PDU's region in a column; a table of regional
    /// inspections has the region as its first column already.
    public var hasRegionColumn: Bool { subjectLabel != "Region" }
    public var standards: [StandardHeaderView]
    public var rows: [RatingsRowView]
    public var hasRows: Bool { !rows.isEmpty }
    /// How this programme's scores and ratings work, on the methodology page.
    public var methodologyHref: String

    public init(id: String, name: String, caption: String, subjectLabel: String, standards: [StandardHeaderView], rows: [RatingsRowView], methodologyHref: String) {
        self.id = id
        self.name = name
        self.caption = caption
        self.subjectLabel = subjectLabel
        self.standards = standards
        self.rows = rows
        self.methodologyHref = methodologyHref
    }
}

