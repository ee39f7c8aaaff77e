import ReportSiteViews

// Pieces a report's page and its print version share.

/// "Draft – not published", on a draft's page and print version (drafts are built only in previews
/// and with `--drafts`).
func draftBanner(_ page: InspectionPageView) -> HTML {
    "\(if: page.draft, "<p class=\"draft-banner\"><strong>\(page.chrome.text[.commonDraftBanner])</strong></p>")"
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
    let text = page.chrome.text
    return """
    \(indent: indent)<section id="ratings" aria-labelledby="ratings-heading" class="ratings-box">
    \(indent: indent)  <h2 id="ratings-heading">\(text[.ratingsBoxHeading])</h2>
    \(if: withHeadline, headline(page, indent: indent + 2))\(indent: indent)  <p class="method-link"><a href="\(page.methodologyHref)">\(text[.commonHowScoresWorkLink])</a></p>
    \(lastTime(page.lastTime, text, indent: indent + 2))\(each: page.domains, { domainTable($0, lastTime: page.lastTime, text, indent: indent + 2) })\(indent: indent)  \(notPublishedLegend(text, [page.overall] + page.domains.flatMap { $0.standards.flatMap { [$0.rating] + ($0.previous.map { [$0.rating] } ?? []) } }))\(indent: indent)</section>

    """
}

/// The score and overall rating, as a list of two terms.
func headline(_ page: InspectionPageView, indent: Int) -> HTML {
    let text = page.chrome.text
    return """
    \(indent: indent)<dl class="headline">
    \(indent: indent)  <div><dt>\(text[.ratingsBoxScore])</dt><dd class="score">\(page.score)</dd></div>
    \(indent: indent)  <div><dt>\(text[.ratingsBoxOverallRating])</dt><dd>\(ratingBadge(page.overall))</dd></div>
    \(indent: indent)</dl>

    """
}

/// The PDU's inspection before this one: when, its score and overall rating, and why the two may not
/// compare.
private func lastTime(_ last: PreviousInspectionView?, _ text: InterfaceText, indent: Int) -> HTML {
    guard let last else { return HTML() }
    let sentence = text.html(.ratingsBoxLastInspected, ("when", "<a href=\"\(last.href)\">\(last.when)</a>\(draftTag(last.draft, text))"),
                             ("score", "\(last.score)"), ("rating", ratingBadge(last.overall)))
    return """
    \(indent: indent)<p class="last-time">\(sentence)</p>
    \(if: !last.caveat.isEmpty, "\(indent: indent)<p class=\"last-time-caveat\">\(last.caveat)</p>\n")
    """
}

/// A domain's standards and their ratings; with the inspection before, a third column of its ratings,
/// and then (three columns being too many for a phone) one card per standard, each cell labelled.
private func domainTable(_ domain: InspectionPageView.DomainView, lastTime: PreviousInspectionView?, _ text: InterfaceText, indent: Int) -> HTML {
    let thenLabel = lastTime.map { text[.ratingsBoxLastInspectionColumn, ("when", $0.when)] }
    let header = thenLabel.map { "<th scope=\"col\">\($0)</th>" as HTML } ?? HTML()
    let cards = lastTime != nil
    return """
    \(indent: indent)<table class="standards-table\(if: cards, " with-last-time cards")"\(if: cards, " role=\"table\"")>
    \(indent: indent)  <caption>\(domain.number). \(domain.name)</caption>
    \(indent: indent)  <thead\(if: cards, " role=\"rowgroup\"")><tr><th scope="col">\(text[.tableStandard])</th><th scope="col">\(text[.tableRating])</th>\(header)</tr></thead>
    \(indent: indent)  <tbody\(if: cards, " role=\"rowgroup\"")>
    \(each: domain.standards, { standardRow($0, thenLabel: thenLabel, text, indent: indent + 4) })\(indent: indent)  </tbody>
    \(indent: indent)</table>

    """
}

private func standardRow(_ standard: InspectionPageView.StandardRatingView, thenLabel: Phrase?, _ text: InterfaceText, indent: Int) -> HTML {
    let rating: HTML = thenLabel == nil ? "<td>" : "<td data-label=\"\(attribute: text[.tableRating])\">"
    return "\(indent: indent)<tr><th scope=\"row\"><span class=\"std-number\">\(standard.number)</span> \(standard.name)</th>\(rating)\(ratingBadge(standard.rating))\(change(standard.previous, text))</td>\(previousCell(standard.previous, label: thenLabel ?? Phrase(""), text))</tr>\n"
}

/// How the standard's rating moved since the last inspection, said in words after the rating.
/// `change` is the movement's English name, which the stylesheet's class names use in every language.
private func change(_ previous: PreviousRatingView?, _ text: InterfaceText) -> HTML {
    guard let change = previous?.change, !change.isEmpty else { return HTML() }
    let words: Phrase = switch change {
    case "improved": text[.ratingsChangeImproved]
    case "declined": text[.ratingsChangeDeclined]
    default: text[.ratingsChangeUnchanged]
    }
    return " <span class=\"change change-\(change)\">(\(words))</span>"
}

private func previousCell(_ previous: PreviousRatingView?, label: Phrase, _ text: InterfaceText) -> HTML {
    guard let previous else { return HTML() }
    return previous.ratedThen
        ? "<td data-label=\"\(attribute: label)\">\(ratingBadge(previous.rating))</td>"
        : "<td data-label=\"\(attribute: label)\" class=\"muted\">\(text[.ratingsBoxNotRatedThen])</td>"
}

/// A key question's percentage, in bold with a tag when it is the lowest (which sets the rating).
func percentage(_ row: InspectionPageView.KeyQuestionRowView, _ text: InterfaceText) -> HTML {
    row.isLowest ? "<strong>\(row.percentage)</strong> <span class=\"lowest-tag\">\(text[.keyQuestionsLowestTag])</span>" : "\(row.percentage)"
}

/// ` lang="…"` for words in another language than the page's, or nothing.
func lang(_ language: String?) -> HTML {
    guard let language else { return HTML() }
    return " lang=\"\(language)\""
}

/// The sentence that says a text is shown in the language it was published in, not the page's.
func textLanguageNote(_ language: String?, _ text: InterfaceText) -> HTML {
    guard language != nil else { return HTML() }
    return "<p class=\"language-note\">\(text[.commonTextInDefaultLanguage])</p>\n"
}

/// Recommendations, grouped by whom they are addressed to.
func recommendations(_ page: InspectionPageView) -> HTML {
    guard !page.recommendations.isEmpty else { return HTML() }
    let text = page.chrome.text
    return """
    <section id="recommendations" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">\(text[.recommendationsHeading])</h2>
    \(each: page.recommendations, { "  <h3>\(text[.recommendationsToWhom, ("to", $0.to)])</h3>\n  <ol\(lang(page.recommendationsLanguage))>\(listItems($0.items))</ol>\n" })</section>

    """
}

/// The report's text, rendered from Markdown by the pipeline.
func reportBody(_ page: InspectionPageView) -> HTML {
    guard page.hasBody else { return HTML() }
    return """
    \(textLanguageNote(page.textLanguage, page.chrome.text))<section id="report" class="report-body" aria-label="\(attribute: page.chrome.text[.inspectionPageReportTextLabel])"\(lang(page.textLanguage))>
    \(page.bodyHTML)
    </section>

    """
}

/// The public documents the figures come from, each a link where it has an address; `id` is the
/// section's id, where the page's contents link to it.
func sources(_ sources: [SourceView], _ text: InterfaceText, id: String? = "sources", language: String? = nil) -> HTML {
    guard !sources.isEmpty else { return HTML() }
    return """
    <section\(if: id != nil, " id=\"\(id ?? "")\"") aria-labelledby="sources-heading">
      <h2 id="sources-heading">\(text[.commonSourcesHeading])</h2>
      <ul class="sources"\(lang(language))>\(each: sources, source)</ul>
    </section>

    """
}

private func source(_ source: SourceView) -> HTML {
    guard let url = source.url else { return "<li>\(source.title)</li>" }
    return "<li><a href=\"\(url)\">\(source.title)</a></li>"
}

/// Editors' working notes, in the preview only, in a box that says they are never published.
func internalNotes(_ notes: String?, _ text: InterfaceText) -> HTML {
    guard let notes, !notes.isEmpty else { return HTML() }
    return """
    <aside class="internal-notes" aria-label="\(attribute: text[.commonInternalNotesLabel])"><p><strong>\(text[.commonInternalNotesHeading])</strong></p><p class="internal-notes-text">\(notes)</p></aside>

    """
}

/// "(draft)" after a listed report that is a draft (in the preview; a published site has none).
func draftTag(_ isDraft: Bool, _ text: InterfaceText) -> HTML {
    "\(if: isDraft, " <strong class=\"draft-tag\">\(text[.commonDraftTag])</strong>")"
}

/// "+ 2 drafts" beside a count of published inspections, in a preview: the count is the public's.
func draftsBeside(_ count: Int, _ text: InterfaceText) -> HTML {
    "\(if: count > 0, " <span class=\"draft-tag\">\(text[.commonDraftsBeside, count: count])</span>")"
}

/// The report's PDF, with its size, in a site built with PDFs.
func pdfLink(_ pdf: PDFLinkView?, _ text: InterfaceText) -> HTML {
    guard let pdf else { return HTML() }
    return " · <a href=\"\(pdf.href)\" type=\"application/pdf\" download>\(text[.inspectionPagePdfLink])</a> \(text[.inspectionPagePdfSize, ("size", pdf.size)])"
}

/// A list of plain-text items (recommendations), one `<li>` each.
func listItems(_ items: [String]) -> HTML {
    "\(each: items, { "<li>\($0)</li>" })"
}
