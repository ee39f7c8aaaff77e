import ReportSite

/// A programme's ratings table: one row per inspection, one column per standard. The page's script
/// (ratings-table.js) filters and sorts it by the `data-` attributes.
func programmeTable(_ table: ProgrammeTableView) -> HTML {
    """
    <div class="table-scroll" role="region" aria-labelledby="\(table.id)-caption" tabindex="0">
    <table class="ratings-table" id="\(table.id)" data-programme="\(table.name)">
      <caption id="\(table.id)-caption">\(table.caption) <a class="caption-link" href="\(table.methodologyHref)">How scores and ratings work</a></caption>
      <thead>
        <tr>
          <th scope="col">\(table.subjectLabel)</th>
          <th scope="col">Region</th>
          <th scope="col">Published</th>
          <th scope="col">Score</th>
          <th scope="col">Overall</th>
    \(each: table.standards, standardHeading)      <th scope="col">Report</th>
        </tr>
      </thead>
      <tbody>
    \(each: table.rows, programmeRow)  </tbody>
    </table>
    </div>
    """
}

private func standardHeading(_ standard: StandardHeaderView) -> HTML {
    "      <th scope=\"col\"><span class=\"std-number\">\(standard.number)</span> \(standard.name)</th>\n"
}

private func programmeRow(_ row: RatingsRowView) -> HTML {
    """
        <tr data-region="\(row.region?.title ?? "")" data-overall="\(row.overall.name)" data-published="\(row.publishedISO)" data-score="\(row.scoreValue)">
          <th scope="row">\(subjectLink(row))</th>
          <td>\(regionCell(row))</td>
          <td class="date">\(publishedCell(row))</td>
          <td class="score">\(row.score)</td>
          <td>\(ratingBadge(row.overall))</td>
    \(each: row.standards, { "      <td>\(ratingBadge($0))</td>\n" })      <td><a href="\(row.href)">Report<span class="visually-hidden">: \(row.title)</span></a>\(draftTag(row.draft))</td>
        </tr>

    """
}

/// The PDU a row is about, or for a regional inspection its region.
private func subjectLink(_ row: RatingsRowView) -> HTML {
    guard let subject = row.pdu ?? row.region else { return HTML() }
    return "<a href=\"\(subject.href)\">\(subject.title)</a>"
}

private func regionCell(_ row: RatingsRowView) -> HTML {
    guard row.pdu != nil else { return "–" }
    guard let region = row.region else { return HTML() }
    return "<a href=\"\(region.href)\">\(region.title)</a>"
}

private func publishedCell(_ row: RatingsRowView) -> HTML {
    row.publishedISO.isEmpty ? "\(row.published)" : "<time datetime=\"\(row.publishedISO)\">\(row.published)</time>"
}
