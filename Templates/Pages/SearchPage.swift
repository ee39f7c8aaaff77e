import ReportSiteViews

/// The search form; search.js fills the results from the search index (names, shards and texts).
enum SearchPage {
    static func render(_ page: SearchPageView) -> HTML {
        let text = page.chrome.text
        let noscript = HTML.linking(text[.searchNoscript], (text[.searchNoscriptRegion], "../regions/index.html"),
                                    (text[.searchNoscriptPdu], "../pdus/index.html"), (text[.searchNoscriptOverview], "../index.html"))
        return layout(page.chrome, main: """
        <h1>\(text[.searchHeading])</h1>
        <form class="search-form" role="search" action="index.html" method="get"\(indexFolder(page.chrome))>
          <label for="search-query">\(text[.searchLabel])</label>
          <input id="search-query" name="q" type="search" autocomplete="off">
          <button type="submit">\(text[.searchButton])</button>
        </form>
        <p id="search-status" role="status" class="muted"\(statusText(text))></p>
        <ol id="search-results" class="search-results"></ol>
        <button id="search-more" type="button" hidden>\(text[.searchMoreButton])</button>
        <noscript><p>\(noscript)</p></noscript>

        """, scripts: "<script src=\"\(page.chrome.siteRoot)search-index.js\" defer></script>\n<script src=\"\(page.chrome.assets.searchScript)\" defer></script>")
    }

    /// Where search.js finds the index's parts, on a page of a language other than the default: the
    /// one index every language shares is the default language's `search/`, beside its search page.
    private static func indexFolder(_ chrome: ChromeView) -> HTML {
        "\(if: chrome.siteRoot != chrome.root, " data-index=\"\(chrome.siteRoot)search/\"")"
    }

    /// The words search.js says the results with, in the page's language.
    private static func statusText(_ text: InterfaceText) -> HTML {
        text.dataAttributes([("results", .searchResults), ("breakdown", .searchResultsBreakdown), ("pdus", .searchResultsPdus),
                             ("regions", .searchResultsRegions), ("reports", .searchResultsReports)])
    }
}
