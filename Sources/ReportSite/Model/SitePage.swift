/// A page of the site's own, written in `Content/pages/<slug>.md`: what the site is, its accessibility
/// statement, its privacy notice. The file `methodology.md` is not a page of its own: its text opens
/// the page on how scores and ratings work, above the sections made from the framework files.
struct SitePage: Sendable, Hashable {
    /// The page's name in the site, from the file name: `about.md` is `about/index.html`.
    var slug: String
    var title: String
    /// For the page's description meta tag; the site's description when nil.
    var description: String?
    /// When the text was last reviewed, shown under it.
    var updated: PartialDate?
    /// A draft is built only with drafts (`--drafts`, the preview); links to it in the navigation
    /// and footer are left out of a published build.
    var draft: Bool
    /// Markdown.
    var body: String
    var bodyFirstLine: Int
    var location: SourceLocation
    /// The file's whole text, digested: the page is made again only when it changes.
    var fileDigest: ContentDigest

    /// The slug whose text goes on the methodology page rather than on a page of its own.
    static let methodologySlug = "methodology"

    /// Whether this is the methodology page's text.
    var isMethodology: Bool { slug == Self.methodologySlug }
}

/// A link of the site's navigation or footer, from `site.yml`.
struct SiteLink: Sendable, Hashable {
    enum Target: Sendable, Hashable {
        /// A page of `Content/pages/`, by its slug.
        case page(String)
        /// A page the site makes itself (`regions/index.html`), relative to the site root, or an
        /// address elsewhere (`https://…`, `mailto:…`).
        case url(String)
    }

    /// The link's text; for a page, the page's title when nil.
    var title: String?
    var target: Target
    /// The link's text in the site's other languages (`title_cy`), by language.
    var translatedTitle: [String: String] = [:]
    /// Where the link is written, for diagnostics.
    var location: SourceLocation
    /// The field it is written in, e.g. `navigation[2].page`.
    var field: String

    init(title: String?, target: Target, translatedTitle: [String: String] = [:], location: SourceLocation = SourceLocation(file: "site.yml"),
         field: String = "") {
        self.title = title
        self.target = target
        self.translatedTitle = translatedTitle
        self.location = location
        self.field = field
    }

    /// Whether the link leads out of the site (an address with a scheme: `https://…`, `mailto:…`).
    var isExternal: Bool {
        if case .url(let url) = target { return url.contains(":") }
        return false
    }
}
