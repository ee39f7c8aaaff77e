/// What every page's layout needs: titles, the way back to the root, breadcrumbs, the licence.
public struct ChromeView: Sendable {
    public struct Crumb: Sendable {
        public var title: String
        /// Empty for the current page, which is not a link.
        public var href: String
        public var isCurrent: Bool
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
    public var basePath = ""
}

/// A link of the navigation or the footer.
public struct NavigationLinkView: Sendable {
    public var title: String
    public var href: String
    /// The link leads to the page it is on (`aria-current="page"`).
    public var isCurrent: Bool
}

/// Where the stylesheet, icon and scripts are, from the page.
public struct AssetLinks: Sendable {
    public var stylesheet: String
    public var favicon: String
    public var ratingsTableScript: String
    public var searchScript: String
}

/// A rating as text plus a CSS class for its colour: the text is always there, so colour is never
/// the only signal.
public struct RatingView: Sendable {
    public var name: String
    public var slug: String
    public var known: Bool

    static let missing = RatingView(name: Format.notPublished, slug: "none", known: false)

    init(name: String, slug: String, known: Bool) {
        self.name = name
        self.slug = slug
        self.known = known
    }

    init(_ name: String?) {
        if let name { self.init(name: name, slug: Slug.make(name), known: true) } else { self = .missing }
    }
}

/// A link with its text.
public struct LinkView: Sendable {
    public var title: String
    public var href: String
}

/// A download of the report as a PDF, with its size.
public struct PDFLinkView: Sendable {
    public var href: String
    public var size: String
}

/// A column heading for a standard in a ratings table.
public struct StandardHeaderView: Sendable {
    public var number: String
    public var name: String
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
}
