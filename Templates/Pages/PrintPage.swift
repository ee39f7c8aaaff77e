import ReportSiteViews

/// The printable version of a report: one self-contained page (its styles inline), A4, the source of
/// its PDF. It shares the report page's pieces: meta, ratings, recommendations, text, sources.
///
/// It has no contents page: Chromium, which makes the PDFs, cannot print the page a heading falls on
/// (no `target-counter`), and a contents page without page numbers sent readers of paper leafing
/// through it. The PDF's bookmarks, made from the headings, are its contents; on paper, every page
/// has the report's title at its head and its number at its foot.
enum PrintPage {
    static func render(_ view: PrintPageView) -> HTML {
        let page = view.page, chrome = view.page.chrome, text = chrome.text
        return """
        <!DOCTYPE html>
        <html lang="\(text.htmlLanguage)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(page.title)</title>
        <meta name="description" content="\(chrome.description)">
        <link rel="canonical" href="\(chrome.canonical)">
        \(siteIcon(chrome))
        <style>
        \(view.designTokens)\(PrintStyle.css(text))@page { @top-center { content: "\(view.runningHeaderCSS)"; } }
        \(if: page.draft, PrintStyle.draftOnEveryPage(text))
        </style>
        \(liveReload(chrome))
        </head>
        <body class="print-version">
        <main id="main">
        <header class="cover">
          <p class="cover-kicker">\(page.kindLabel) · \(siteName(chrome))</p>
          <h1\(lang(page.textLanguage))>\(page.title)</h1>
          \(draftBanner(page))
          <dl class="meta">
            \(metaItems(page))
          </dl>
          <p class="cover-address">\(text[.printOnline]) <a href="\(chrome.canonical)">\(chrome.canonical)</a></p>
        \(ratingsBox(page, indent: 2))  \(if: !page.summary.isEmpty, "<p class=\"lead\"\(lang(page.textLanguage))>\(page.summary)</p>")
        </header>

        \(keyQuestions(page))
        \(recommendations(page))
        \(reportBody(page))
        \(sources(page.sources, text, language: page.sourcesLanguage))<footer class="print-footer">
          <p>\(chrome.licence)</p>
          <p>\(text[.printOnlineVersion]) <a href="\(chrome.canonical)">\(chrome.canonical)</a></p>
        </footer>
        </main>
        </body>
        </html>

        """
    }

    private static func keyQuestions(_ page: InspectionPageView) -> HTML {
        guard !page.keyQuestions.isEmpty else { return HTML() }
        let text = page.chrome.text
        return """
        <section id="key-questions" aria-labelledby="key-questions-heading">
          <h2 id="key-questions-heading">\(text[.keyQuestionsHeading])</h2>
          <p>\(text[.keyQuestionsIntro])</p>
        \(each: page.keyQuestions, { keyQuestionTable($0, text) })</section>

        """
    }

    private static func keyQuestionTable(_ table: InspectionPageView.KeyQuestionTableView, _ text: InterfaceText) -> HTML {
        """
          <table class="kq-table">
            <caption id="\(table.id)"><span class="std-number">\(table.number)</span> \(table.name): \(ratingBadge(table.rating))</caption>
            <thead><tr><th scope="col">\(text[.keyQuestionsKeyQuestion])</th><th scope="col">\(text[.keyQuestionsPercentageYes])</th></tr></thead>
            <tbody>
        \(each: table.rows, { "      <tr\(if: $0.isLowest, " class=\"kq-lowest\"")><th scope=\"row\">\($0.text)</th><td class=\"pct\">\(percentage($0, text))</td></tr>\n" })    </tbody>
          </table>

        """
    }
}
