/// What every page's layout needs: titles, the way back to the root, breadcrumbs, the licence.
struct ChromeView: Encodable {
    struct Crumb: Encodable {
        var title: String
        /// Empty for the current page, which is not a link.
        var href: String
        var isCurrent: Bool
    }

    var siteTitle: String
    var pageTitle: String
    var description: String
    /// The page's canonical absolute URL, from the base URL in site.yml.
    var canonical: String
    /// Relative prefix to the site root, e.g. `../../`.
    var root: String
    var breadcrumbs: [Crumb]
    var licence: String
    var licenceURL: String
    /// Load the preview server's live-reload script (preview builds only).
    var liveReload: Bool
    var assets: AssetLinks
    /// For the 404 page only: the site's path on the server (`<base href>`), because a server shows
    /// that page at whatever address was missing, where relative links would lead nowhere.
    var basePath = ""
}

/// Where the stylesheet, icon and scripts are, from the page.
struct AssetLinks: Encodable {
    var stylesheet: String
    var favicon: String
    var ratingsTableScript: String
    var searchScript: String
}

/// A rating as text plus a CSS class for its colour: the text is always there, so colour is never
/// the only signal.
struct RatingView: Encodable {
    var name: String
    var slug: String
    var known: Bool

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
struct LinkView: Encodable {
    var title: String
    var href: String
}

/// A public document cited as a source, linked where it has a web address.
struct SourceView: Encodable {
    var title: String
    var url: String
    var hasLink: Bool

    init(_ source: Source) {
        title = source.title
        url = source.url ?? ""
        hasLink = source.url != nil
    }
}

/// A download of the report as a PDF, with its size.
struct PDFLinkView: Encodable {
    var href: String
    var size: String
}

/// A column heading for a standard in a ratings table.
struct StandardHeaderView: Encodable {
    var number: String
    var name: String
}

/// One row of a ratings table: an inspection with its score, overall rating and standard ratings.
struct RatingsRowView: Encodable {
    var title: String
    var href: String
    var pdu: LinkView?
    var region: LinkView?
    var published: String
    var publishedISO: String
    var score: String
    /// The score alone, for sorting; empty when not published.
    var scoreValue: String
    var overall: RatingView
    var standards: [RatingView]
    /// A draft shown in the preview (a published build has none).
    var draft: Bool
}

/// A table of inspections of one programme, whose columns are that programme's standards.
struct ProgrammeTableView: Encodable {
    var id: String
    var name: String
    var caption: String
    /// Heading of the first column: "PDU" or "Region".
    var subjectLabel: String
    var standards: [StandardHeaderView]
    var rows: [RatingsRowView]
    var hasRows: Bool { !rows.isEmpty }
}
