import ReportSiteViews

/// The page a server shows for a missing address (its `<base>` makes the links work from anywhere).
enum NotFoundPage {
    static func render(_ page: NotFoundView) -> HTML {
        let root = page.chrome.root
        return layout(page.chrome, main: """
        <h1>Page not found</h1>
        <p>There is no page at this address. Try the <a href="\(root)index.html">national overview</a>, the list of <a href="\(root)regions/index.html">regions</a> or of <a href="\(root)pdus/index.html">PDUs</a>.</p>

        """)
    }
}
