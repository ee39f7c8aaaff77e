import ReportSiteViews

/// A programme's ratings table: one row per inspection, one column per standard. The page's script
/// (ratings-table.js) filters and sorts it by the `data-` attributes. On a phone each row is a card
/// (site.css, `table.cards`): every cell shows its column's name from `data-label`, and the roles
/// keep the table a table for screen readers when the stylesheet changes how its parts display (a
/// link is not allowed inside a table with those roles, so the methodology link comes before it).
func programmeTable(_ table: ProgrammeTableView, _ text: InterfaceText) -> HTML {
    """
    <p class="table-link"><a class="caption-link" href="\(table.methodologyHref)">\(text[.commonHowScoresWorkLink])</a></p>
    <div class="table-scroll" role="region" aria-labelledby="\(table.id)-caption" tabindex="0">
    <table class="ratings-table cards" id="\(table.id)" data-programme="\(table.name)" role="table" aria-labelledby="\(table.id)-caption">
      <caption id="\(table.id)-caption">\(table.caption)</caption>
      <thead role="rowgroup">
        <tr>
          <th scope="col">\(table.subjectLabel)</th>
    \(if: table.hasRegionColumn, "      <th scope=\"col\">\(text[.tableRegion])</th>\n")      <th scope="col">\(text[.tablePublished])</th>
          <th scope="col">\(text[.tableScore])</th>
          <th scope="col">\(text[.tableOverall])</th>
    \(each: table.standards, standardHeading)      <th scope="col">\(text[.tableReport])</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
    \(each: table.rows, { programmeRow($0, standards: table.standards, regionColumn: table.hasRegionColumn, text) })  </tbody>
    </table>
    </div>
    \(notPublishedLegend(text, table.rows.flatMap { [$0.overall] + $0.standards }))
    """
}

private func standardHeading(_ standard: StandardHeaderView) -> HTML {
    "      <th scope=\"col\"><span class=\"std-number\">\(standard.number)</span> \(standard.name)</th>\n"
}

private func programmeRow(_ row: RatingsRowView, standards: [StandardHeaderView], regionColumn: Bool, _ text: InterfaceText) -> HTML {
    """
        <tr data-region="\(row.region?.title ?? "")" data-overall="\(row.overall.name)" data-published="\(row.publishedISO)" data-score="\(row.scoreValue)">
          <th scope="row">\(subjectLink(row))</th>
    \(if: regionColumn, "      <td data-label=\"\(attribute: text[.tableRegion])\">\(regionCell(row, text))</td>\n")      <td data-label="\(attribute: text[.tablePublished])" class="date">\(publishedCell(row))</td>
          <td data-label="\(attribute: text[.tableScore])" class="score">\(row.score)</td>
          <td data-label="\(attribute: text[.tableOverall])" class="overall">\(ratingBadge(row.overall))</td>
    \(each: Array(zip(standards, row.standards)), { "      <td class=\"std\" data-label=\"\($0.0.number) \($0.0.name)\">\(ratingBadge($0.1))</td>\n" })      <td class="report-link"><a href="\(row.href)">\(text[.tableReport])<span class="visually-hidden">: \(row.title)</span></a>\(draftTag(row.draft, text))</td>
        </tr>

    """
}

/// The PDU a row is about, or for a regional inspection its region.
private func subjectLink(_ row: RatingsRowView) -> HTML {
    guard let subject = row.pdu ?? row.region else { return HTML() }
    return "<a href=\"\(subject.href)\">\(subject.title)</a>"
}

/// The row's region; a regional inspection's row says it covers the whole region in words (a dash
/// in these tables means a rating that is not published).
private func regionCell(_ row: RatingsRowView, _ text: InterfaceText) -> HTML {
    guard row.pdu != nil else { return "<span class=\"muted\">\(text[.tableTheWholeRegion])</span>" }
    guard let region = row.region else { return HTML() }
    return "<a href=\"\(region.href)\">\(region.title)</a>"
}

private func publishedCell(_ row: RatingsRowView) -> HTML {
    row.publishedISO.isEmpty ? "\(row.published)" : "<time datetime=\"\(row.publishedISO)\">\(row.published)</time>"
}
