import ReportSite

/// How many inspections got each rating, per standard: the chart, and a table with the same numbers
/// for whoever cannot see it.
func ratingDistribution(_ view: RatingDistributionView) -> HTML {
    """
    <figure class="chart-figure" aria-labelledby="\(view.id)-caption">
    \(trusted: view.chartSVG)
    <figcaption id="\(view.id)-caption">\(view.caption)</figcaption>
    </figure>
    <div class="table-scroll" role="region" aria-labelledby="\(view.id)-table-caption" tabindex="0">
    <table class="counts-table" id="\(view.id)-table">
      <caption id="\(view.id)-table-caption">\(view.caption): the numbers</caption>
      <thead><tr><th scope="col">Standard</th>\(each: view.ratings, { "<th scope=\"col\">\(ratingBadge($0))</th>" })<th scope="col">Not published</th></tr></thead>
      <tbody>
    \(each: view.counts, countRow)  </tbody>
    </table>
    </div>

    """
}

private func countRow(_ row: RatingDistributionView.CountRow) -> HTML {
    "    <tr><th scope=\"row\"><span class=\"std-number\">\(row.number)</span> \(row.name)</th>\(each: row.counts, { "<td>\($0.count)</td>" })<td>\(row.notPublished)</td></tr>\n"
}

/// How many inspections got each score: the chart and its table.
func scoreDistribution(_ view: ScoreDistributionView) -> HTML {
    """
    <figure class="chart-figure" aria-labelledby="\(view.id)-caption">
    \(trusted: view.chartSVG)
    <figcaption id="\(view.id)-caption">\(view.caption)</figcaption>
    </figure>
    <div class="table-scroll" role="region" aria-labelledby="\(view.id)-table-caption" tabindex="0">
    <table class="counts-table" id="\(view.id)-table">
      <caption id="\(view.id)-table-caption">\(view.caption): the numbers</caption>
      <thead><tr><th scope="col">Score</th>\(each: view.columns, { "<th scope=\"col\">\($0.score)</th>" })</tr></thead>
      <tbody><tr><th scope="row">Inspections</th>\(each: view.columns, { "<td>\($0.count)</td>" })</tr></tbody>
    </table>
    </div>

    """
}
