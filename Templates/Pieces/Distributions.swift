import ReportSiteViews

/// How many inspections got each rating, per standard: the chart, and a table with the same numbers
/// for whoever cannot see it.
func ratingDistribution(_ view: RatingDistributionView, _ text: InterfaceText) -> HTML {
    chartWithTable(id: view.id, caption: view.caption, text, chart: stackedBarChart(view, text), table: """
      <thead role="rowgroup"><tr><th scope="col">\(text[.tableStandard])</th>\(each: view.ratings, { "<th scope=\"col\">\(ratingBadge($0))</th>" })<th scope="col">\(text[.ratingsNotPublished])</th></tr></thead>
      <tbody role="rowgroup">
    \(each: view.counts, { countRow($0, text) })  </tbody>

    """)
}

private func countRow(_ row: RatingDistributionView.CountRow, _ text: InterfaceText) -> HTML {
    "    <tr><th scope=\"row\"><span class=\"std-number\">\(row.number)</span> \(row.name)</th>\(each: row.counts, { "<td data-label=\"\($0.rating.name)\">\($0.count)</td>" })<td data-label=\"\(attribute: text[.ratingsNotPublished])\">\(row.notPublished)</td></tr>\n"
}

/// How many inspections got each score: the chart and its table.
func scoreDistribution(_ view: ScoreDistributionView, _ text: InterfaceText) -> HTML {
    chartWithTable(id: view.id, caption: view.caption, text, chart: columnChart(view, text), table: """
      <thead role="rowgroup"><tr><th scope="col">\(text[.tableScore])</th>\(each: view.columns, { "<th scope=\"col\">\($0.score)</th>" })</tr></thead>
      <tbody role="rowgroup"><tr class="score-counts"><th scope="row">\(text[.chartsInspectionsRow])</th>\(each: view.columns, { "<td data-label=\"\(attribute: text[.chartsScoreColumn, ("score", String($0.score))])\">\($0.count)</td>" })</tr></tbody>

    """, tableFirst: true)
}

/// A chart (inline SVG, `Charts/`) with its caption, and a table of the same numbers whose head
/// and body are `table`; on a phone the table's rows are cards (see `programmeTable`).
///
/// The ratings chart fits a phone's width with its text at 12 px or more, so it comes first. The
/// scores chart has a column per score and cannot: on a phone it keeps its size and scrolls sideways
/// rather than shrink its text, and its table comes first (in the page's order, so that reading and
/// focus order agree), so that a reader has every number without scrolling.
private func chartWithTable(id: String, caption: String, _ text: InterfaceText, chart: HTML, table: HTML, tableFirst: Bool = false) -> HTML {
    let figure: HTML = """
    <figure class="chart-figure" aria-labelledby="\(id)-caption">
    \(if: tableFirst, "<div class=\"chart-scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">")\(chart)\(if: tableFirst, "</div>")
    <figcaption id="\(id)-caption">\(caption)</figcaption>
    </figure>

    """
    let numbers: HTML = """
    <div class="table-scroll" role="region" aria-labelledby="\(id)-table-caption" tabindex="0">
    <table class="counts-table cards" id="\(id)-table" role="table" aria-labelledby="\(id)-table-caption">
      <caption id="\(id)-table-caption">\(text[.chartsNumbersCaption, ("caption", caption)])</caption>
    \(table)</table>
    </div>

    """
    return tableFirst ? "\(numbers)\(figure)" : "\(figure)\(numbers)"
}
