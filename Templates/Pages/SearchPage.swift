import ReportSiteViews

/// The search form; search.js fills the results from the search index (names, shards and texts).
enum SearchPage {
    static func render(_ page: SearchPageView) -> HTML {
        let text = page.chrome.text
        let noscript = HTML.linking(text[.searchNoscript], (text[.searchNoscriptRegion], "../regions/index.html"),
                                    (text[.searchNoscriptPdu], "../pdus/index.html"), (text[.searchNoscriptOverview], "../index.html"))
        return layout(page.chrome, main: """
        <h1>\(text[.searchHeading])</h1>
        <form class="search-form" role="search" action="index.html" method="get">
          <label for="search-query">\(text[.searchLabel])</label>
          <input id="search-query" name="q" type="search" autocomplete="off">
          <button type="submit">\(text[.searchButton])</button>
        </form>
        <p id="search-status" role="status" class="muted"\(statusText(text))></p>
        <ol id="search-results" class="search-results"></ol>
        <button id="search-more" type="button" hidden>\(text[.searchMoreButton])</button>
        <noscript><p>\(noscript)</p></noscript>

        """, scripts: "<script src=\"\(page.indexScript)\" defer></script>\n\(namesScript(page))<script src=\"\(page.chrome.assets.searchScript)\" defer></script>")
    }

    /// Another language's names of PDUs and regions, which take the place of the index's own.
    private static func namesScript(_ page: SearchPageView) -> HTML {
        guard let names = page.namesScript else { return HTML() }
        return "<script src=\"\(names)\" defer></script>\n"
    }

    /// The words search.js says the results with, in the page's language.
    private static func statusText(_ text: InterfaceText) -> HTML {
        text.dataAttributes([("results", .searchResults), ("breakdown", .searchResultsBreakdown), ("pdus", .searchResultsPdus),
                             ("regions", .searchResultsRegions), ("reports", .searchResultsReports)])
    }
}
