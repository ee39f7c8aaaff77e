import ReportSiteViews

/// A region: its text, its PDUs' latest ratings, each programme's table and charts, its regional inspections.
enum RegionPage {
    static func render(_ page: RegionPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: RegionPageView) -> HTML {
        let text = page.chrome.text
        return """
        <h1>\(text[.regionPageHeading, ("name", page.name)])</h1>
        \(internalNotes(page.notes, text))        \(regionText(page))

        <section id="pdus" aria-labelledby="pdus-heading">
        <h2 id="pdus-heading">\(text[.regionPagePdusHeading])</h2>
        <div class="table-scroll" role="region" aria-labelledby="pdus-caption" tabindex="0">
        <table class="cards" role="table" aria-labelledby="pdus-caption">
          <caption id="pdus-caption">\(text[.regionPagePdusCaption, ("region", page.name)])</caption>
          <thead role="rowgroup"><tr><th scope="col">\(text[.tablePdu])</th><th scope="col">\(text[.tableLatestInspection])</th><th scope="col">\(text[.tableOverall])</th><th scope="col">\(text[.tableInspections])</th></tr></thead>
          <tbody role="rowgroup">
        \(each: page.pdus, { pduRow($0, text) })  </tbody>
        </table>
        </div>
        \(notPublishedLegend(text, page.pdus.map(\.overall)))
        </section>

        \(each: page.programmes, { programmeSection($0, text) })
        <section id="regional-inspections" aria-labelledby="regional-heading">
        <h2 id="regional-heading">\(text[.regionPageRegionalHeading])</h2>
        \(regionalInspections(page.regionalInspections, text))</section>

        \(sources(page.sources, text, id: nil, language: page.sourcesLanguage))
        """
    }

    private static func pduRow(_ pdu: RegionPageView.PDUItem, _ text: InterfaceText) -> HTML {
        "    <tr><th scope=\"row\"><a href=\"\(pdu.href)\">\(pdu.name)</a>\(if: pdu.former, " <span class=\"muted\">\(text[.commonFormerPdu])</span>")</th><td data-label=\"\(attribute: text[.tableLatestInspection])\">\(pdu.latest)\(draftTag(pdu.draft, text))</td><td data-label=\"\(attribute: text[.tableOverall])\">\(ratingBadge(pdu.overall))</td><td data-label=\"\(attribute: text[.tableInspections])\">\(pdu.inspectionCount)\(draftsBeside(pdu.draftCount, text))</td></tr>\n"
    }

    private static func programmeSection(_ section: RegionPageView.ProgrammeSection, _ text: InterfaceText) -> HTML {
        """
        <section aria-labelledby="\(section.table.id)-heading">
        <h2 id="\(section.table.id)-heading">\(section.table.name)</h2>
        \(programmeTable(section.table, text))
        <h3>\(text[.regionPageRatingsPerStandardHeading])</h3>
        \(ratingDistribution(section.distribution, text))
        \(section.scores.map { "<h3>\(text[.regionPageScoresHeading])</h3>\n\(scoreDistribution($0, text))" } ?? HTML())</section>

        """
    }

    private static func regionalInspections(_ rows: [RatingsRowView], _ text: InterfaceText) -> HTML {
        guard !rows.isEmpty else { return "<p>\(text[.regionPageNoRegionalInspection])</p>\n" }
        return """
        <ul class="card-list">
        \(each: rows, { "  <li><a href=\"\($0.href)\">\($0.title)</a> – \(text.html(.commonScoreAndRating, ("score", "\($0.score)"), ("rating", ratingBadge($0.overall))))</li>\n" })</ul>
        \(notPublishedLegend(text, rows.map(\.overall)))

        """
    }


    /// The region's text; on a page of another language than its own, marked with its language.
    private static func regionText(_ page: RegionPageView) -> HTML {
        guard page.textLanguage != nil else { return page.bodyHTML }
        return "\(textLanguageNote(page.textLanguage, page.chrome.text))<div\(lang(page.textLanguage))>\n\(page.bodyHTML)</div>\n"
    }
}
