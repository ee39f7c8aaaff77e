import ReportSiteViews

/// A page of the site's own (about, accessibility, privacy): its title, its text and when it was
/// last reviewed.
enum SitePageTemplate {
    static func render(_ page: SitePageView) -> HTML {
        layout(page.chrome, main: """
        \(if: page.draft, "<p class=\"draft-banner\"><strong>Draft – not published</strong></p>\n")<h1>\(page.title)</h1>
        <div class="prose">
        \(page.bodyHTML)\(updated(page.updated, iso: page.updatedISO))</div>

        """)
    }

    /// "Last reviewed 1 May 2026", when the page gives the day.
    static func updated(_ text: String, iso: String) -> HTML {
        guard !text.isEmpty else { return HTML() }
        return "<p class=\"muted\">Last reviewed <time datetime=\"\(iso)\">\(text)</time>.</p>\n"
    }
}
