import ReportSiteViews

// Pieces a report's page and its print version share.

/// "Draft – not published", on a draft's page and print version (drafts are built only in previews
/// and with `--drafts`).
func draftBanner(_ page: InspectionPageView) -> HTML {
    "\(if: page.draft, "<p class=\"draft-banner\"><strong>Draft – not published</strong></p>")"
}

/// Published, fieldwork, programme, lead inspector.
func metaItems(_ page: InspectionPageView) -> HTML {
    "\(each: page.meta, { "<div><dt>\($0.label)</dt><dd>\($0.value)</dd></div>" })"
}

/// The report's contents, linking to its sections and the text's headings.
func contentsItems(_ page: InspectionPageView) -> HTML {
    "\(each: page.contents, { "<li\(if: $0.isSub, " class=\"sub\"")><a href=\"#\($0.id)\">\($0.title)</a></li>" })"
}

/// The score and overall rating, then a table per domain of its standards' ratings; `indent` is the
/// box's own indentation on the page, in spaces. The report's web page shows the score and overall rating
/// under its title instead (`headline`), so that they are on a phone's first screen.
func ratingsBox(_ page: InspectionPageView, indent: Int, withHeadline: Bool = true) -> HTML {
    guard page.isRated else { return HTML() }
    return """
    \(indent: indent)<section id="ratings" aria-labelledby="ratings-heading" class="ratings-box">
    \(indent: indent)  <h2 id="ratings-heading">Ratings</h2>
    \(if: withHeadline, headline(page, indent: indent + 2))\(indent: indent)  <p class="method-link"><a href="\(page.methodologyHref)">How scores and ratings work</a></p>
    \(lastTime(page.lastTime, indent: indent + 2))\(each: page.domains, { domainTable($0, lastTime: page.lastTime, indent: indent + 2) })\(indent: indent)  \(notPublishedLegend([page.overall] + page.domains.flatMap { $0.standards.flatMap { [$0.rating] + ($0.previous.map { [$0.rating] } ?? []) } }))\(indent: indent)</section>

    """
}

/// The score and overall rating, as a list of two terms.
func headline(_ page: InspectionPageView, indent: Int) -> HTML {
    """
    \(indent: indent)<dl class="headline">
    \(indent: indent)  <div><dt>Score</dt><dd class="score">\(page.score)</dd></div>
    \(indent: indent)  <div><dt>Overall rating</dt><dd>\(ratingBadge(page.overall))</dd></div>
    \(indent: indent)</dl>

    """
}

/// The PDU's inspection before this one: when, its score and overall rating, and why the two may not
/// compare.
private func lastTime(_ last: PreviousInspectionView?, indent: Int) -> HTML {
    guard let last else { return HTML() }
    return """
    \(indent: indent)<p class="last-time">Last inspected: <a href="\(last.href)">\(last.when)</a>\(draftTag(last.draft)), score \(last.score), overall rating \(ratingBadge(last.overall))</p>
    \(if: !last.caveat.isEmpty, "\(indent: indent)<p class=\"last-time-caveat\">\(last.caveat)</p>\n")
    """
}

/// A domain's standards and their ratings; with the inspection before, a third column of its ratings,
/// and then (three columns being too many for a phone) one card per standard, each cell labelled.
private func domainTable(_ domain: InspectionPageView.DomainView, lastTime: PreviousInspectionView?, indent: Int) -> HTML {
    let thenLabel = lastTime.map { "Last inspection (\($0.when))" }
    let header = thenLabel.map { "<th scope=\"col\">\($0)</th>" as HTML } ?? HTML()
    let cards = lastTime != nil
    return """
    \(indent: indent)<table class="standards-table\(if: cards, " with-last-time cards")"\(if: cards, " role=\"table\"")>
    \(indent: indent)  <caption>\(domain.number). \(domain.name)</caption>
    \(indent: indent)  <thead\(if: cards, " role=\"rowgroup\"")><tr><th scope="col">Standard</th><th scope="col">Rating</th>\(header)</tr></thead>
    \(indent: indent)  <tbody\(if: cards, " role=\"rowgroup\"")>
    \(each: domain.standards, { standardRow($0, thenLabel: thenLabel, indent: indent + 4) })\(indent: indent)  </tbody>
    \(indent: indent)</table>

    """
}

private func standardRow(_ standard: InspectionPageView.StandardRatingView, thenLabel: String?, indent: Int) -> HTML {
    let rating: HTML = thenLabel == nil ? "<td>" : "<td data-label=\"Rating\">"
    return "\(indent: indent)<tr><th scope=\"row\"><span class=\"std-number\">\(standard.number)</span> \(standard.name)</th>\(rating)\(ratingBadge(standard.rating))\(change(standard.previous))</td>\(previousCell(standard.previous, label: thenLabel ?? ""))</tr>\n"
}

/// How the standard's rating moved since the last inspection, said in words after the rating.
private func change(_ previous: PreviousRatingView?) -> HTML {
    guard let change = previous?.change, !change.isEmpty else { return HTML() }
    return " <span class=\"change change-\(change)\">(\(change))</span>"
}

private func previousCell(_ previous: PreviousRatingView?, label: String) -> HTML {
    guard let previous else { return HTML() }
    return previous.ratedThen
        ? "<td data-label=\"\(label)\">\(ratingBadge(previous.rating))</td>"
        : "<td data-label=\"\(label)\" class=\"muted\">not rated then</td>"
}

/// A key question's percentage, in bold with a tag when it is the lowest (which sets the rating).
func percentage(_ row: InspectionPageView.KeyQuestionRowView) -> HTML {
    row.isLowest ? "<strong>\(row.percentage)</strong> <span class=\"lowest-tag\">lowest</span>" : "\(row.percentage)"
}

/// Recommendations, grouped by whom they are addressed to.
func recommendations(_ page: InspectionPageView) -> HTML {
    guard !page.recommendations.isEmpty else { return HTML() }
    return """
    <section id="recommendations" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">Recommendations</h2>
    \(each: page.recommendations, { "  <h3>\($0.to) should:</h3>\n  <ol>\(listItems($0.items))</ol>\n" })</section>

    """
}

/// The report's text, rendered from Markdown by the pipeline.
func reportBody(_ page: InspectionPageView) -> HTML {
    guard page.hasBody else { return HTML() }
    return """
    <section id="report" class="report-body" aria-label="Report text">
    \(page.bodyHTML)
    </section>

    """
}

/// The public documents the figures come from, each a link where it has an address; `id` is the
/// section's id, where the page's contents link to it.
func sources(_ sources: [SourceView], id: String? = "sources") -> HTML {
    guard !sources.isEmpty else { return HTML() }
    return """
    <section\(if: id != nil, " id=\"\(id ?? "")\"") aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ul class="sources">\(each: sources, source)</ul>
    </section>

    """
}

private func source(_ source: SourceView) -> HTML {
    guard let url = source.url else { return "<li>\(source.title)</li>" }
    return "<li><a href=\"\(url)\">\(source.title)</a></li>"
}

/// Editors' working notes, in the preview only, in a box that says they are never published.
func internalNotes(_ notes: String?) -> HTML {
    guard let notes, !notes.isEmpty else { return HTML() }
    return """
    <aside class="internal-notes" aria-label="Internal notes"><p><strong>Internal notes – shown in the preview only, never published</strong></p><p class="internal-notes-text">\(notes)</p></aside>

    """
}

/// "(draft)" after a listed report that is a draft (in the preview; a published site has none).
func draftTag(_ isDraft: Bool) -> HTML {
    "\(if: isDraft, " <strong class=\"draft-tag\">(draft)</strong>")"
}

/// "+ 2 drafts" beside a count of published inspections, in a preview: the count is the public's.
func draftsBeside(_ count: Int) -> HTML {
    "\(if: count > 0, " <span class=\"draft-tag\">+ \(count) draft\(count == 1 ? "" : "s") (not counted)</span>")"
}

/// The report's PDF, with its size, in a site built with PDFs.
func pdfLink(_ pdf: PDFLinkView?) -> HTML {
    guard let pdf else { return HTML() }
    return " · <a href=\"\(pdf.href)\" type=\"application/pdf\" download>Download the report as a PDF</a> (PDF, \(pdf.size))"
}

/// A list of plain-text items (recommendations), one `<li>` each.
func listItems(_ items: [String]) -> HTML {
    "\(each: items, { "<li>\($0)</li>" })"
}
