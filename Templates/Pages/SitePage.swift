import ReportSiteViews

/// A page of the site's own (about, accessibility, privacy): its title, its text and when it was
/// last reviewed.
enum SitePageTemplate {
    static func render(_ page: SitePageView) -> HTML {
        let text = page.chrome.text
        return layout(page.chrome, main: """
        \(if: page.draft, "<p class=\"draft-banner\"><strong>\(text[.commonDraftBanner])</strong></p>\n")<h1\(lang(page.textLanguage))>\(page.title)</h1>
        \(textLanguageNote(page.textLanguage, text))<div class="prose"\(lang(page.textLanguage))>
        \(page.bodyHTML)\(updated(page.updated, iso: page.updatedISO, text))</div>

        """)
    }

    /// "Last reviewed 1 May 2026", when the page gives the day.
    static func updated(_ date: String, iso: String, _ text: InterfaceText) -> HTML {
        guard !date.isEmpty else { return HTML() }
        return "<p class=\"muted\">\(text.html(.commonLastReviewed, ("date", "<time datetime=\"\(iso)\">\(date)</time>")))</p>\n"
    }
}
