import ReportSite

/// The national overview: a ratings table per programme, the charts, the regions.
enum HomePage {
    static func render(_ page: HomePageView) -> HTML {
        layout(page.chrome, main: main(page), scripts: "<script src=\"\(page.chrome.assets.ratingsTableScript)\" defer></script>")
    }

    private static func main(_ page: HomePageView) -> HTML {
        """
        <h1>\(page.chrome.siteTitle)</h1>
        <p class="lead">Ratings from \(page.inspectionCount) published inspections of probation services in England and Wales by HM Inspectorate of Probation. Each row links to the inspection; each PDU and region links to its page.</p>

        <div id="table-filters" class="filters" hidden></div>

        \(each: page.pduProgrammes, programmeSection)
        \(each: page.charts, chartsSection)
        \(regionalSection(page.regionalProgrammes))
        <section aria-labelledby="data-heading">
        <h2 id="data-heading">Open data and updates</h2>
        <p>Every published inspection, one row each with the same columns for every programme (empty where a value is not published): <a href="data/inspections.csv">inspections.csv</a> and <a href="data/inspections.json">inspections.json</a>. \(licence(page.chrome))</p>
        <p>New inspections as they are published: <a href="feed.xml">Atom feed</a>.</p>
        </section>

        <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">Regions</h2>
        <ul class="card-list">
        \(each: page.regions, regionItem)</ul>
        </section>

        """
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
    "  <li><a href=\"\(region.href)\">\(region.name)</a> <span class=\"muted\">\(region.pduCount) PDUs, \(region.inspectionCount) inspections</span></li>\n"
}
