import ReportSiteViews

/// A PDU: its inspections over time, and their ratings side by side.
enum PDUPage {
    static func render(_ page: PDUPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: PDUPageView) -> HTML {
        """
        <h1>\(page.name) PDU</h1>
        <p>A probation delivery unit in the <a href="\(page.region.href)">\(page.region.title) region</a>.\(if: page.former, " It is no longer a PDU.")</p>
        \(if: !page.note.isEmpty, "<p>\(page.note)</p>")
        \(if: !page.aliases.isEmpty, "<p>Also called: \(page.aliases).</p>")
        \(placesServed(page.places))

        <h2>Inspections over time</h2>
        \(page.inspections.isEmpty ? "<p>No inspection of this PDU is in the published data yet.</p>\n" : tables(page))
        """
    }

    private static func tables(_ page: PDUPageView) -> HTML {
        """
        <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
        <table class="cards" role="table" aria-labelledby="history-caption">
          <caption id="history-caption">Inspections of \(page.name) PDU, oldest first</caption>
          <thead role="rowgroup"><tr><th scope="col">Inspection</th><th scope="col">Programme</th><th scope="col">Score</th><th scope="col">Overall</th></tr></thead>
          <tbody role="rowgroup">
        \(each: page.inspections, inspectionRow)  </tbody>
        </table>
        </div>
        \(notPublishedLegend(page.inspections.map(\.overall)))
        <h2>Ratings over time</h2>
        <div class="table-scroll" role="region" aria-labelledby="comparison-caption" tabindex="0">
        <table class="comparison-table cards" role="table" aria-labelledby="comparison-caption">
          <caption id="comparison-caption">Ratings of \(page.name) PDU at each inspection, side by side, oldest first</caption>
          <thead role="rowgroup"><tr><th scope="col">Standard</th>\(each: page.inspections, { "<th scope=\"col\"><a href=\"\($0.href)\">\($0.published)</a></th>" })</tr></thead>
          <tbody role="rowgroup">
            <tr><th scope="row">Score</th>\(each: page.inspections, { "<td data-label=\"\($0.published)\" class=\"score\">\($0.score)</td>" })</tr>
            <tr><th scope="row">Overall rating</th>\(each: page.inspections, { "<td data-label=\"\($0.published)\">\(ratingBadge($0.overall))</td>" })</tr>
        \(each: page.comparison, { comparisonRow($0, inspections: page.inspections) })  </tbody>
        </table>
        </div>
        \(notPublishedLegend(page.inspections.map(\.overall) + page.comparison.flatMap { $0.cells.filter { !$0.notAssessed }.map(\.rating) }))


        """
    }

    private static func inspectionRow(_ item: PDUPageView.InspectionItem) -> HTML {
        "    <tr><th scope=\"row\"><a href=\"\(item.href)\">\(item.published)</a>\(draftTag(item.draft))</th><td data-label=\"Programme\">\(item.programme)</td><td data-label=\"Score\" class=\"score\">\(item.score)</td><td data-label=\"Overall\">\(ratingBadge(item.overall))</td></tr>\n"
    }

    /// A standard's ratings, one cell per inspection, each labelled on a phone with its inspection's date.
    private static func comparisonRow(_ row: PDUPageView.ComparisonRow, inspections: [PDUPageView.InspectionItem]) -> HTML {
        "    <tr><th scope=\"row\">\(row.name)</th>\(each: Array(zip(row.cells, inspections)), { comparisonCell($0.0, label: $0.1.published) })</tr>\n"
    }

    private static func comparisonCell(_ cell: PDUPageView.ComparisonCell, label: String) -> HTML {
        cell.notAssessed
            ? "<td data-label=\"\(label)\"><span class=\"muted\">not in that programme</span></td>"
            : "<td data-label=\"\(label)\">\(ratingBadge(cell.rating))</td>"
    }
}
