import ReportSiteViews

/// The search form; search.js fills the results from the search index (names, shards and texts).
enum SearchPage {
    static func render(_ page: SearchPageView) -> HTML {
        layout(page.chrome, main: """
        <h1>Search the reports</h1>
        <form class="search-form" role="search" action="index.html" method="get">
          <label for="search-query">Search by PDU, region, council or town, or any words of the reports</label>
          <input id="search-query" name="q" type="search" autocomplete="off">
          <button type="submit">Search</button>
        </form>
        <p id="search-status" role="status" class="muted"></p>
        <ol id="search-results" class="search-results"></ol>
        <button id="search-more" type="button" hidden>Show more reports</button>
        <noscript><p>Searching needs JavaScript. Every report is also listed by <a href="../regions/index.html">region</a> and by <a href="../pdus/index.html">PDU</a>, and on the <a href="../index.html">national overview</a>.</p></noscript>

        """, scripts: "<script src=\"\(page.indexScript)\" defer></script>\n\(namesScript(page))<script src=\"\(page.chrome.assets.searchScript)\" defer></script>")
    }

    /// Another language's names of PDUs and regions, which take the place of the index's own.
    private static func namesScript(_ page: SearchPageView) -> HTML {
        guard let names = page.namesScript else { return HTML() }
        return "<script src=\"\(names)\" defer></script>\n"
    }
}
