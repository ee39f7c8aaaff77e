import ReportSiteViews

/// One inspection report: header (with the score and overall rating under the title, so that they
/// are on a phone's first screen), contents, the standards' ratings, key questions with their
/// medians, recommendations, the text, the PDU's other inspections and the sources.
enum InspectionPage {
    static func render(_ page: InspectionPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: InspectionPageView) -> HTML {
        """
        <article class="report">
        <header class="report-header">
          <p class="kicker">\(page.kindLabel)\(pduLink(page)) · <a href="\(page.region.href)">\(page.region.title) region</a></p>
          <h1>\(page.title)</h1>
          \(draftBanner(page))
          \(internalNotes(page.notes))          \(if: page.isRated, headline(page, indent: 2))
          \(if: !page.summary.isEmpty, "<p class=\"lead\">\(page.summary)</p>")
          <dl class="meta">
            \(metaItems(page))
          </dl>
          <p class="print-link"><a href="print.html">Printable version</a> (one page to print or save as PDF)\(pdfLink(page.pdf))</p>
        </header>

        <nav class="contents" id="contents" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Contents</h2>
          <ul>
            \(contentsItems(page))
          </ul>
        </nav>

        \(ratingsBox(page, indent: 0, withHeadline: false))
        \(keyQuestions(page))
        \(recommendations(page))
        \(reportBody(page))
        \(history(page))
        \(sources(page.sources))</article>

        """
    }

    private static func pduLink(_ page: InspectionPageView) -> HTML {
        guard let pdu = page.pdu else { return HTML() }
        return " · <a href=\"\(pdu.href)\">\(pdu.title) PDU</a>"
    }

    private static func keyQuestions(_ page: InspectionPageView) -> HTML {
        guard !page.keyQuestions.isEmpty else { return HTML() }
        return """
        <section id="key-questions" aria-labelledby="key-questions-heading">
          <h2 id="key-questions-heading">Key questions</h2>
          <p>Each standard in service delivery is rated from the percentage of inspected cases judged satisfactory on three key questions. The lowest percentage, marked below, sets the rating. Each bar marks the median of the same key question across the programme's published inspections: a tick above the bar for the national median, a tick below it for the region's; the table gives both as numbers, with how many inspections each is taken from. A median of fewer than three inspections is not shown. <a href="\(page.methodologyHref)">How key questions set ratings</a>.</p>
        \(each: page.keyQuestions, keyQuestionTable)</section>

        """
    }

    private static func keyQuestionTable(_ table: InspectionPageView.KeyQuestionTableView) -> HTML {
        """
          <div class="table-scroll" role="region" aria-labelledby="\(table.id)" tabindex="0">
          <table class="kq-table cards" role="table" aria-labelledby="\(table.id)">
            <caption id="\(table.id)"><span class="std-number">\(table.number)</span> \(table.name): \(ratingBadge(table.rating))\(if: table.hasBand, " <span class=\"muted\">(lowest percentage falls in the band for \(table.bandRating.name))</span>")</caption>
            <thead role="rowgroup"><tr><th scope="col">Key question</th><th scope="col">Percentage ‘Yes’</th><th scope="col">National median</th><th scope="col">Regional median</th><th scope="col" class="bar-col"><span class="visually-hidden">Bar with medians</span></th></tr></thead>
            <tbody role="rowgroup">
        \(each: table.rows, keyQuestionRow)    </tbody>
          </table>
          </div>
        \(if: table.hasTooFew, "  <p class=\"table-note\"><span aria-hidden=\"true\">–</span> A median is shown when at least three published inspections of the programme give the figure; fewer do here.</p>\n")
        """
    }

    /// A median, or a dash where too few inspections give one: the note under the table explains the
    /// dash once; a screen reader hears the reason in the cell.
    private static func median(_ median: InspectionPageView.MedianView) -> HTML {
        median.tooFew
            ? "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">too few inspections for a median (\(median.count))</span>"
            : "\(median.text)"
    }

    private static func keyQuestionRow(_ row: InspectionPageView.KeyQuestionRowView) -> HTML {
        """
              <tr\(if: row.isLowest, " class=\"kq-lowest\"")>
                <th scope="row">\(row.text)</th>
                <td data-label="Percentage ‘Yes’" class="pct">\(percentage(row))</td>
                <td data-label="National median" class="pct">\(median(row.nationalMedian))</td>
                <td data-label="Regional median" class="pct">\(median(row.regionalMedian))</td>
                <td class="bar-col">\(keyQuestionBar(row.bar, percentage: row.percentage))</td>
              </tr>

        """
    }

    private static func history(_ page: InspectionPageView) -> HTML {
        guard page.hasHistory else { return HTML() }
        return """
        <section id="history" aria-labelledby="history-heading">
          <h2 id="history-heading">Inspections of this PDU</h2>
          <ol class="history">
        \(each: page.history, historyItem)  </ol>\(moreHistory(page))
          \(notPublishedLegend(page.history.map(\.overall)))
          <p class="pager">\(page.previous.map { "<a rel=\"prev\" href=\"\($0.href)\">Previous: \($0.title)</a>" } ?? HTML()) \(page.next.map { "<a rel=\"next\" href=\"\($0.href)\">Next: \($0.title)</a>" } ?? HTML())</p>
        </section>

        """
    }

    private static func historyItem(_ entry: InspectionPageView.HistoryEntry) -> HTML {
        let name: HTML = entry.isCurrent ? "<strong aria-current=\"page\">\(entry.title)</strong>" : "<a href=\"\(entry.href)\">\(entry.title)</a>"
        return "    <li>\(name)\(draftTag(entry.draft)) – score \(entry.score), \(ratingBadge(entry.overall))</li>\n"
    }

    private static func moreHistory(_ page: InspectionPageView) -> HTML {
        guard page.hasMoreHistory, let pdu = page.pdu else { return HTML() }
        return "\n  <p>These are the nearest of the PDU's inspections; <a href=\"\(pdu.href)\">all \(pdu.title) inspections</a> (\(page.historyMore) more) are on its page.</p>"
    }
}
