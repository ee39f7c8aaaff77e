import ReportSiteViews

/// A PDU: its inspections over time, and their ratings side by side.
enum PDUPage {
    static func render(_ page: PDUPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: PDUPageView) -> HTML {
        let text = page.chrome.text
        let intro = HTML.linking(text[.pduPageIntro, ("region", page.region.title)],
                                 (text[.commonRegionName, ("name", page.region.title)], page.region.href))
        return """
        <h1>\(text[.pduPageHeading, ("name", page.name)])</h1>
        <p>\(intro)\(if: page.former, " \(text[.pduPageNoLongerAPdu])")</p>
        \(if: !page.note.isEmpty, "<p>\(page.note)</p>")
        \(if: !page.aliases.isEmpty, "<p>\(text[.pduPageAlsoCalled, ("aliases", page.aliases)])</p>")
        \(placesServed(page.places, text))

        <h2>\(text[.pduPageHistoryHeading])</h2>
        \(page.inspections.isEmpty ? "<p>\(text[.pduPageNoInspection])</p>\n" : tables(page, text))
        """
    }

    private static func tables(_ page: PDUPageView, _ text: InterfaceText) -> HTML {
        """
        <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
        <table class="cards" role="table" aria-labelledby="history-caption">
          <caption id="history-caption">\(text[.pduPageHistoryCaption, ("name", page.name)])</caption>
          <thead role="rowgroup"><tr><th scope="col">\(text[.tableInspection])</th><th scope="col">\(text[.tableProgramme])</th><th scope="col">\(text[.tableScore])</th><th scope="col">\(text[.tableOverall])</th></tr></thead>
          <tbody role="rowgroup">
        \(each: page.inspections, { inspectionRow($0, text) })  </tbody>
        </table>
        </div>
        \(notPublishedLegend(text, page.inspections.map(\.overall)))
        <h2>\(text[.pduPageComparisonHeading])</h2>
        <div class="table-scroll" role="region" aria-labelledby="comparison-caption" tabindex="0">
        <table class="comparison-table cards" role="table" aria-labelledby="comparison-caption">
          <caption id="comparison-caption">\(text[.pduPageComparisonCaption, ("name", page.name)])</caption>
          <thead role="rowgroup"><tr><th scope="col">\(text[.tableStandard])</th>\(each: page.inspections, { "<th scope=\"col\"><a href=\"\($0.href)\">\($0.published)</a></th>" })</tr></thead>
          <tbody role="rowgroup">
            <tr><th scope="row">\(text[.tableScore])</th>\(each: page.inspections, { "<td data-label=\"\($0.published)\" class=\"score\">\($0.score)</td>" })</tr>
            <tr><th scope="row">\(text[.tableOverallRating])</th>\(each: page.inspections, { "<td data-label=\"\($0.published)\">\(ratingBadge($0.overall))</td>" })</tr>
        \(each: page.comparison, { comparisonRow($0, inspections: page.inspections, text) })  </tbody>
        </table>
        </div>
        \(notPublishedLegend(text, page.inspections.map(\.overall) + page.comparison.flatMap { $0.cells.filter { !$0.notAssessed }.map(\.rating) }))


        """
    }

    private static func inspectionRow(_ item: PDUPageView.InspectionItem, _ text: InterfaceText) -> HTML {
        "    <tr><th scope=\"row\"><a href=\"\(item.href)\">\(item.published)</a>\(draftTag(item.draft, text))</th><td data-label=\"\(attribute: text[.tableProgramme])\">\(item.programme)</td><td data-label=\"\(attribute: text[.tableScore])\" class=\"score\">\(item.score)</td><td data-label=\"\(attribute: text[.tableOverall])\">\(ratingBadge(item.overall))</td></tr>\n"
    }

    /// A standard's ratings, one cell per inspection, each labelled on a phone with its inspection's date.
    private static func comparisonRow(_ row: PDUPageView.ComparisonRow, inspections: [PDUPageView.InspectionItem], _ text: InterfaceText) -> HTML {
        "    <tr><th scope=\"row\">\(row.name)</th>\(each: Array(zip(row.cells, inspections)), { comparisonCell($0.0, label: $0.1.published, text) })</tr>\n"
    }

    private static func comparisonCell(_ cell: PDUPageView.ComparisonCell, label: String, _ text: InterfaceText) -> HTML {
        cell.notAssessed
            ? "<td data-label=\"\(label)\"><span class=\"muted\">\(text[.pduPageNotInThatProgramme])</span></td>"
            : "<td data-label=\"\(label)\">\(ratingBadge(cell.rating))</td>"
    }
}
