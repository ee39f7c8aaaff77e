import ReportSiteViews

/// One inspection report: header (with the score and overall rating under the title, so that they
/// are on a phone's first screen), contents, the standards' ratings, key questions with their
/// medians, recommendations, the text, the PDU's other inspections and the sources.
enum InspectionPage {
    static func render(_ page: InspectionPageView) -> HTML {
        layout(page.chrome, main: main(page))
    }

    private static func main(_ page: InspectionPageView) -> HTML {
        let text = page.chrome.text
        return """
        <article class="report">
        <header class="report-header">
          <p class="kicker">\(page.kindLabel)\(pduLink(page)) · <a href="\(page.region.href)">\(text[.commonRegionName, ("name", page.region.title)])</a></p>
          <h1\(lang(page.textLanguage))>\(page.title)</h1>
          \(draftBanner(page))
          \(internalNotes(page.notes, text))          \(if: page.isRated, headline(page, indent: 2))
          \(if: !page.summary.isEmpty, "<p class=\"lead\"\(lang(page.textLanguage))>\(page.summary)</p>")
          <dl class="meta">
            \(metaItems(page))
          </dl>
          <p class="print-link"><a href="print.html">\(text[.inspectionPagePrintLink])</a> \(text[.inspectionPagePrintLinkNote])\(pdfLink(page.pdf, text))</p>
        </header>

        <nav class="contents" id="contents" aria-labelledby="contents-heading">
          <h2 id="contents-heading">\(text[.inspectionPageContentsHeading])</h2>
          <ul>
            \(contentsItems(page))
          </ul>
        </nav>

        \(ratingsBox(page, indent: 0, withHeadline: false))
        \(keyQuestions(page))
        \(recommendations(page))
        \(reportBody(page))
        \(history(page))
        \(sources(page.sources, text, language: page.sourcesLanguage))</article>

        """
    }

    private static func pduLink(_ page: InspectionPageView) -> HTML {
        guard let pdu = page.pdu else { return HTML() }
        return " · <a href=\"\(pdu.href)\">\(page.chrome.text[.commonPduName, ("name", pdu.title)])</a>"
    }

    private static func keyQuestions(_ page: InspectionPageView) -> HTML {
        guard !page.keyQuestions.isEmpty else { return HTML() }
        let text = page.chrome.text
        return """
        <section id="key-questions" aria-labelledby="key-questions-heading">
          <h2 id="key-questions-heading">\(text[.keyQuestionsHeading])</h2>
          <p>\(text[.keyQuestionsIntro]) \(text[.keyQuestionsMediansIntro]) <a href="\(page.methodologyHref)">\(text[.keyQuestionsMethodologyLink])</a>.</p>
        \(each: page.keyQuestions, { keyQuestionTable($0, text) })</section>

        """
    }

    private static func keyQuestionTable(_ table: InspectionPageView.KeyQuestionTableView, _ text: InterfaceText) -> HTML {
        """
          <div class="table-scroll" role="region" aria-labelledby="\(table.id)" tabindex="0">
          <table class="kq-table cards" role="table" aria-labelledby="\(table.id)">
            <caption id="\(table.id)"><span class="std-number">\(table.number)</span> \(table.name): \(ratingBadge(table.rating))\(if: table.hasBand, " <span class=\"muted\">\(text[.keyQuestionsBandNote, ("rating", table.bandRating.name)])</span>")</caption>
            <thead role="rowgroup"><tr><th scope="col">\(text[.keyQuestionsKeyQuestion])</th><th scope="col">\(text[.keyQuestionsPercentageYes])</th><th scope="col">\(text[.keyQuestionsNationalMedian])</th><th scope="col">\(text[.keyQuestionsRegionalMedian])</th><th scope="col" class="bar-col"><span class="visually-hidden">\(text[.keyQuestionsBarColumn])</span></th></tr></thead>
            <tbody role="rowgroup">
        \(each: table.rows, { keyQuestionRow($0, text) })    </tbody>
          </table>
          </div>
        \(if: table.hasTooFew, "  <p class=\"table-note\"><span aria-hidden=\"true\">\(text[.commonDash])</span> \(text[.keyQuestionsTooFewNote])</p>\n")
        """
    }

    /// A median, or a dash where too few inspections give one: the note under the table explains the
    /// dash once; a screen reader hears the reason in the cell.
    private static func median(_ median: InspectionPageView.MedianView, _ text: InterfaceText) -> HTML {
        median.tooFew
            ? "<span aria-hidden=\"true\">\(text[.commonDash])</span><span class=\"visually-hidden\">\(text[.keyQuestionsTooFewCell, ("count", String(median.count))])</span>"
            : "\(median.text)"
    }

    private static func keyQuestionRow(_ row: InspectionPageView.KeyQuestionRowView, _ text: InterfaceText) -> HTML {
        """
              <tr\(if: row.isLowest, " class=\"kq-lowest\"")>
                <th scope="row">\(row.text)</th>
                <td data-label="\(attribute: text[.keyQuestionsPercentageYes])" class="pct">\(percentage(row, text))</td>
                <td data-label="\(attribute: text[.keyQuestionsNationalMedian])" class="pct">\(median(row.nationalMedian, text))</td>
                <td data-label="\(attribute: text[.keyQuestionsRegionalMedian])" class="pct">\(median(row.regionalMedian, text))</td>
                <td class="bar-col">\(keyQuestionBar(row.bar, percentage: row.percentage))</td>
              </tr>

        """
    }

    private static func history(_ page: InspectionPageView) -> HTML {
        guard page.hasHistory else { return HTML() }
        let text = page.chrome.text
        return """
        <section id="history" aria-labelledby="history-heading">
          <h2 id="history-heading">\(text[.inspectionPageHistoryHeading])</h2>
          <ol class="history">
        \(each: page.history, { historyItem($0, text) })  </ol>\(moreHistory(page))
          \(notPublishedLegend(text, page.history.map(\.overall)))
          <p class="pager">\(page.previous.map { "<a rel=\"prev\" href=\"\($0.href)\">\(text[.inspectionPagePrevious, ("title", $0.title)])</a>" } ?? HTML()) \(page.next.map { "<a rel=\"next\" href=\"\($0.href)\">\(text[.inspectionPageNext, ("title", $0.title)])</a>" } ?? HTML())</p>
        </section>

        """
    }

    private static func historyItem(_ entry: InspectionPageView.HistoryEntry, _ text: InterfaceText) -> HTML {
        let name: HTML = entry.isCurrent ? "<strong aria-current=\"page\">\(entry.title)</strong>" : "<a href=\"\(entry.href)\">\(entry.title)</a>"
        let score = text.html(.commonScoreAndRating, ("score", "\(entry.score)"), ("rating", ratingBadge(entry.overall)))
        return "    <li>\(name)\(draftTag(entry.draft, text)) – \(score)</li>\n"
    }

    private static func moreHistory(_ page: InspectionPageView) -> HTML {
        guard page.hasMoreHistory, let pdu = page.pdu else { return HTML() }
        let text = page.chrome.text
        let sentence = HTML.linking(text[.inspectionPageMoreHistory, ("pdu", pdu.title), ("count", String(page.historyMore))],
                                    (text[.inspectionPageMoreHistoryLink, ("pdu", pdu.title)], pdu.href))
        return "\n  <p>\(sentence)</p>"
    }
}
