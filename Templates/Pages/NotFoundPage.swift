import ReportSiteViews

/// The page a server shows for a missing address (its `<base>` makes the links work from anywhere).
enum NotFoundPage {
    static func render(_ page: NotFoundView) -> HTML {
        let root = page.chrome.root, text = page.chrome.text
        let sentence = HTML.linking(text[.notFoundText], (text[.notFoundLinkOverview], "\(root)index.html"),
                                    (text[.notFoundLinkRegions], "\(root)regions/index.html"), (text[.notFoundLinkPdus], "\(root)pdus/index.html"))
        return layout(page.chrome, main: """
        <h1>\(text[.notFoundHeading])</h1>
        <p>\(sentence)</p>

        """)
    }
}
