import ReportSiteViews

/// A region: its text, its PDUs' latest ratings, each programme's table and charts, its regional inspections.
enum RegionPage {
    static func render(_ page: RegionPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: RegionPageView) -> HTML {
        """
        <h1>\(page.name) region</h1>
        \(internalNotes(page.notes))        \(page.bodyHTML)

        <section id="pdus" aria-labelledby="pdus-heading">
        <h2 id="pdus-heading">Probation delivery units</h2>
        <div class="table-scroll" role="region" aria-labelledby="pdus-caption" tabindex="0">
        <table class="cards" role="table" aria-labelledby="pdus-caption">
          <caption id="pdus-caption">PDUs of the \(page.name) region and their latest inspection</caption>
          <thead role="rowgroup"><tr><th scope="col">PDU</th><th scope="col">Latest inspection</th><th scope="col">Overall</th><th scope="col">Inspections</th></tr></thead>
          <tbody role="rowgroup">
        \(each: page.pdus, pduRow)  </tbody>
        </table>
        </div>
        \(notPublishedLegend(page.pdus.map(\.overall)))
        </section>

        \(each: page.programmes, programmeSection)
        <section id="regional-inspections" aria-labelledby="regional-heading">
        <h2 id="regional-heading">Regional inspections</h2>
        \(regionalInspections(page.regionalInspections))</section>

        \(sources(page.sources, id: nil))
        """
    }

    private static func pduRow(_ pdu: RegionPageView.PDUItem) -> HTML {
        "    <tr><th scope=\"row\"><a href=\"\(pdu.href)\">\(pdu.name)</a>\(if: pdu.former, " <span class=\"muted\">(former PDU)</span>")</th><td data-label=\"Latest inspection\">\(pdu.latest)\(draftTag(pdu.draft))</td><td data-label=\"Overall\">\(ratingBadge(pdu.overall))</td><td data-label=\"Inspections\">\(pdu.inspectionCount)\(draftsBeside(pdu.draftCount))</td></tr>\n"
    }

    private static func programmeSection(_ section: RegionPageView.ProgrammeSection) -> HTML {
        """
        <section aria-labelledby="\(section.table.id)-heading">
        <h2 id="\(section.table.id)-heading">\(section.table.name)</h2>
        \(programmeTable(section.table))
        <h3>Ratings per standard</h3>
        \(ratingDistribution(section.distribution))
        \(section.scores.map { "<h3>Scores</h3>\n\(scoreDistribution($0))" } ?? HTML())</section>

        """
    }

    private static func regionalInspections(_ rows: [RatingsRowView]) -> HTML {
        guard !rows.isEmpty else { return "<p>No regional inspection of this region is in the published data.</p>\n" }
        return """
        <ul class="card-list">
        \(each: rows, { "  <li><a href=\"\($0.href)\">\($0.title)</a> – score \($0.score), \(ratingBadge($0.overall))</li>\n" })</ul>
        \(notPublishedLegend(rows.map(\.overall)))

        """
    }

}
