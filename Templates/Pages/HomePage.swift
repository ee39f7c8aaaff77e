import ReportSiteViews

/// The national overview: the way to a local service, the regions, a national summary with the
/// charts, then a ratings table per programme.
enum HomePage {
    static func render(_ page: HomePageView) -> HTML {
        layout(page.chrome, main: main(page), scripts: "<script src=\"\(page.chrome.assets.ratingsTableScript)\" defer></script>")
    }

    /// What a visitor comes for first: their local service (a place or a name, found by the search
    /// page) and the regions; then the national summary and the charts; then the full tables.
    private static func main(_ page: HomePageView) -> HTML {
        let text = page.chrome.text
        return """
        <h1>\(page.chrome.siteTitle)</h1>
        <p class="lead">\(text.html(.homeLead, ("count", "\(page.inspectionCount)"), ("drafts", draftsBeside(page.draftCount, text))))</p>

        <form class="search-form local-search" action="search/index.html" method="get" role="search" aria-label="\(attribute: text[.homeLocalSearchLabel])">
          <label for="local-query">\(text[.homeLocalSearchLabel])</label>
          <span class="hint" id="local-query-hint">\(text[.homeLocalSearchHint])</span>
          <input type="search" id="local-query" name="q" aria-describedby="local-query-hint" autocomplete="off">
          <button type="submit">\(text[.homeLocalSearchButton])</button>
        </form>

        <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">\(text[.homeRegionsHeading])</h2>
        <ul class="region-list">
        \(each: page.regions, { regionItem($0, text) })</ul>
        </section>

        <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">\(text[.homeSummaryHeading])</h2>
        <p>\(text.html(.homeSummaryText, ("count", "\(page.inspectionCount)"), ("drafts", draftsBeside(page.draftCount, text))))</p>
        <ul class="overall-counts">
        \(each: page.overallCounts, { overallCount($0, text) })</ul>
        </section>

        \(each: page.charts, { chartsSection($0, text) })
        <div id="table-filters" class="filters"\(filtersText(text)) hidden></div>

        \(each: page.pduProgrammes, { programmeSection($0, text) })
        \(regionalSection(page.regionalProgrammes, text))
        <section aria-labelledby="data-heading">
        <h2 id="data-heading">\(text[.homeDataHeading])</h2>
        <p>\(text[.homeDataText]) <a href="\(page.chrome.siteRoot)data/inspections.csv">inspections.csv</a> \(text[.homeDataAnd]) <a href="\(page.chrome.siteRoot)data/inspections.json">inspections.json</a>. \(licence(page.chrome))</p>
        <p>\(text[.homeFeedText]) <a href="feed.xml">\(text[.homeFeedLink])</a>.</p>
        </section>

        """
    }

    /// The words ratings-table.js builds the filters with, and the names of the columns it sorts by
    /// value rather than by their text, in the page's language.
    private static func filtersText(_ text: InterfaceText) -> HTML {
        text.dataAttributes([("heading", .programmeTableFiltersHeading), ("all", .programmeTableFilterAll),
                             ("region", .programmeTableFilterRegion), ("rating", .programmeTableFilterRating),
                             ("programme", .programmeTableFilterProgramme), ("shown", .programmeTableShown),
                             ("score-column", .tableScore), ("published-column", .tablePublished)])
    }

    /// A rating with its number of inspections; those without a published rating in words, not as
    /// a dash, since here the count is the point.
    private static func overallCount(_ item: HomePageView.OverallCount, _ text: InterfaceText) -> HTML {
        item.rating.known
            ? "  <li>\(ratingBadge(item.rating)) <span class=\"count\">\(item.count)</span></li>\n"
            : "  <li class=\"muted\">\(text[.homeOverallNotPublishedCount]) <span class=\"count\">\(item.count)</span></li>\n"
    }

    private static func programmeSection(_ table: ProgrammeTableView, _ text: InterfaceText) -> HTML {
        """
        <section aria-labelledby="\(table.id)-heading">
        <h2 id="\(table.id)-heading">\(table.name)</h2>
        \(programmeTable(table, text))</section>

        """
    }

    private static func chartsSection(_ charts: HomePageView.ProgrammeCharts, _ text: InterfaceText) -> HTML {
        """
        <section aria-labelledby="\(charts.distribution.id)-heading">
        <h2 id="\(charts.distribution.id)-heading">\(text[.homeChartsHeading, ("programme", charts.name)])</h2>
        \(ratingDistribution(charts.distribution, text))
        \(charts.scores.map { scoreDistribution($0, text) } ?? HTML())
        </section>

        """
    }

    private static func regionalSection(_ tables: [ProgrammeTableView], _ text: InterfaceText) -> HTML {
        guard !tables.isEmpty else { return HTML() }
        return """
        <section aria-labelledby="regional-heading">
        <h2 id="regional-heading">\(text[.homeRegionalHeading])</h2>
        \(each: tables, { "<h3>\($0.name)</h3>\n\(programmeTable($0, text))" })</section>

        """
    }
}

/// A region in a list: its name, how many PDUs and inspections it has.
func regionItem(_ region: HomePageView.RegionSummary, _ text: InterfaceText) -> HTML {
    let pdus = text[.homeRegionItemPdus, count: region.pduCount], inspections = text[.homeRegionItemInspections, count: region.inspectionCount]
    return "  <li><a href=\"\(region.href)\">\(region.name)</a> <span class=\"muted\">\(pdus), \(inspections)</span>\(draftsBeside(region.draftCount, text))</li>\n"
}
