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
/// box's own indentation on the page.
func ratingsBox(_ page: InspectionPageView, indent: String) -> HTML {
    guard page.isRated else { return HTML() }
    return """
    \(trusted: indent)<section id="ratings" aria-labelledby="ratings-heading" class="ratings-box">
    \(trusted: indent)  <h2 id="ratings-heading">Ratings</h2>
    \(trusted: indent)  <dl class="headline">
    \(trusted: indent)    <div><dt>Score</dt><dd class="score">\(page.score)</dd></div>
    \(trusted: indent)    <div><dt>Overall rating</dt><dd>\(ratingBadge(page.overall))</dd></div>
    \(trusted: indent)  </dl>
    \(each: page.domains, { domainTable($0, indent: indent + "  ") })\(trusted: indent)</section>

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

/// The public sources the figures come from.
func sources(_ sources: [String]) -> HTML {
    guard !sources.isEmpty else { return HTML() }
    return """
    <section id="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ul class="sources">\(listItems(sources))</ul>
    </section>

    """
}

/// A list of plain-text items (sources, recommendations), one `<li>` each.
func listItems(_ items: [String]) -> HTML {
    "\(each: items, { "<li>\($0)</li>" })"
}
