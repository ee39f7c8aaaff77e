import ReportSite

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
/// box's own indentation on the page. The report's web page shows the score and overall rating
/// under its title instead (`headline`), so that they are on a phone's first screen.
func ratingsBox(_ page: InspectionPageView, indent: String, withHeadline: Bool = true) -> HTML {
    guard page.isRated else { return HTML() }
    return """
    \(trusted: indent)<section id="ratings" aria-labelledby="ratings-heading" class="ratings-box">
    \(trusted: indent)  <h2 id="ratings-heading">Ratings</h2>
    \(if: withHeadline, headline(page, indent: indent + "  "))\(trusted: indent)  <p class="method-link"><a href="\(page.methodologyHref)">How scores and ratings work</a></p>
    \(each: page.domains, { domainTable($0, indent: indent + "  ") })\(trusted: indent)  \(notPublishedLegend([page.overall] + page.domains.flatMap { $0.standards.map(\.rating) }))\(trusted: indent)</section>

    """
}

/// The score and overall rating, as a list of two terms.
func headline(_ page: InspectionPageView, indent: String) -> HTML {
    """
    \(trusted: indent)<dl class="headline">
    \(trusted: indent)  <div><dt>Score</dt><dd class="score">\(page.score)</dd></div>
    \(trusted: indent)  <div><dt>Overall rating</dt><dd>\(ratingBadge(page.overall))</dd></div>
    \(trusted: indent)</dl>

    """
}

private func domainTable(_ domain: InspectionPageView.DomainView, indent: String) -> HTML {
    """
    \(trusted: indent)<table class="standards-table">
    \(trusted: indent)  <caption>\(domain.number). \(domain.name)</caption>
    \(trusted: indent)  <thead><tr><th scope="col">Standard</th><th scope="col">Rating</th></tr></thead>
    \(trusted: indent)  <tbody>
    \(each: domain.standards, { standardRow($0, indent: indent + "    ") })\(trusted: indent)  </tbody>
    \(trusted: indent)</table>

    """
}

private func standardRow(_ standard: InspectionPageView.StandardRatingView, indent: String) -> HTML {
    "\(trusted: indent)<tr><th scope=\"row\"><span class=\"std-number\">\(standard.number)</span> \(standard.name)</th><td>\(ratingBadge(standard.rating))</td></tr>\n"
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
    \(trusted: page.bodyHTML)
    </section>

    """
}

/// The public documents the figures come from, each a link where it has an address; `id` is the
/// section's id, where the page's contents link to it.
func sources(_ sources: [Source], id: String? = "sources") -> HTML {
    guard !sources.isEmpty else { return HTML() }
    return """
    <section\(if: id != nil, " id=\"\(id ?? "")\"") aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ul class="sources">\(each: sources, source)</ul>
    </section>

    """
}

private func source(_ source: Source) -> HTML {
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

/// The report's PDF, with its size, in a site built with PDFs.
func pdfLink(_ pdf: PDFLinkView?) -> HTML {
    guard let pdf else { return HTML() }
    return " · <a href=\"\(pdf.href)\" type=\"application/pdf\" download>Download the report as a PDF</a> (PDF, \(pdf.size))"
}

/// A list of plain-text items (recommendations), one `<li>` each.
func listItems(_ items: [String]) -> HTML {
    "\(each: items, { "<li>\($0)</li>" })"
}
