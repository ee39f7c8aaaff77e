/// A page of the site's own (`Content/pages/<slug>.md`): its title and its text.
public struct SitePageView: Sendable {
    public var chrome: ChromeView
    public var title: String
    /// The text, rendered from Markdown.
    public var bodyHTML: HTML
    /// The `lang` of the page's own words (title and text) when they
    /// are shown in the default language on a page of another, which has no translation of them.
    public var textLanguage: String? = nil
    /// When the text was last reviewed ("1 May 2026"); empty when not given.
    public var updated: String
    public var updatedISO: String
    /// A draft, shown only in the preview and with drafts.
    public var draft: Bool

    /// The ids the layout uses, which the text's headings must not take.
    public static let reservedIDs: Set<String> = ["main"]

    public init(chrome: ChromeView, title: String, bodyHTML: HTML, updated: String, updatedISO: String, draft: Bool) {
        self.chrome = chrome
        self.title = title
        self.bodyHTML = bodyHTML
        self.updated = updated
        self.updatedISO = updatedISO
        self.draft = draft
    }
}

