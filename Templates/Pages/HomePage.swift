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
        """
        <h1>\(page.chrome.siteTitle)</h1>
        <p class="lead">Ratings from \(page.inspectionCount) published inspections\(draftsBeside(page.draftCount)) of probation services in England and Wales by HM Inspectorate of Probation.</p>

        <form class="search-form local-search" action="search/index.html" method="get" role="search" aria-label="Find your local probation service">
          <label for="local-query">Find your local probation service</label>
          <span class="hint" id="local-query-hint">A town, a place or the name of a probation delivery unit (PDU)</span>
          <input type="search" id="local-query" name="q" aria-describedby="local-query-hint" autocomplete="off">
          <button type="submit">Find</button>
        </form>

        <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">Regions</h2>
        <ul class="region-list">
        \(each: page.regions, regionItem)</ul>
        </section>

        <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">National summary</h2>
        <p>\(page.inspectionCount) published inspections\(draftsBeside(page.draftCount)). Their overall ratings:</p>
        <ul class="overall-counts">
        \(each: page.overallCounts, overallCount)</ul>
        </section>

        \(each: page.charts, chartsSection)
        <div id="table-filters" class="filters" hidden></div>

        \(each: page.pduProgrammes, programmeSection)
        \(regionalSection(page.regionalProgrammes))
        <section aria-labelledby="data-heading">
        <h2 id="data-heading">Open data and updates</h2>
        <p>Every published inspection, one row each with the same columns for every programme (empty where a value is not published): <a href="\(page.chrome.siteRoot)data/inspections.csv">inspections.csv</a> and <a href="\(page.chrome.siteRoot)data/inspections.json">inspections.json</a>. \(licence(page.chrome))</p>
        <p>New inspections as they are published: <a href="feed.xml">Atom feed</a>.</p>
        </section>

        """
    }

    /// A rating with its number of inspections; those without a published rating in words, not as
    /// a dash, since here the count is the point.
    private static func overallCount(_ item: HomePageView.OverallCount) -> HTML {
        item.rating.known
            ? "  <li>\(ratingBadge(item.rating)) <span class=\"count\">\(item.count)</span></li>\n"
            : "  <li class=\"muted\">Overall rating not published: <span class=\"count\">\(item.count)</span></li>\n"
    }

    private static func programmeSection(_ table: ProgrammeTableView) -> HTML {
        """
        <section aria-labelledby="\(table.id)-heading">
        <h2 id="\(table.id)-heading">\(table.name)</h2>
        \(programmeTable(table))</section>

        """
    }

    private static func chartsSection(_ charts: HomePageView.ProgrammeCharts) -> HTML {
        """
        <section aria-labelledby="\(charts.distribution.id)-heading">
        <h2 id="\(charts.distribution.id)-heading">\(charts.name): ratings per standard and scores</h2>
        \(ratingDistribution(charts.distribution))
        \(charts.scores.map(scoreDistribution) ?? HTML())
        </section>

        """
    }

    private static func regionalSection(_ tables: [ProgrammeTableView]) -> HTML {
        guard !tables.isEmpty else { return HTML() }
        return """
        <section aria-labelledby="regional-heading">
        <h2 id="regional-heading">Regional inspections</h2>
        \(each: tables, { "<h3>\($0.name)</h3>\n\(programmeTable($0))" })</section>

        """
    }
}

/// A region in a list: its name, how many PDUs and inspections it has.
func regionItem(_ region: HomePageView.RegionSummary) -> HTML {
    "  <li><a href=\"\(region.href)\">\(region.name)</a> <span class=\"muted\">\(region.pduCount) PDUs, \(region.inspectionCount) inspections</span>\(draftsBeside(region.draftCount))</li>\n"
}
