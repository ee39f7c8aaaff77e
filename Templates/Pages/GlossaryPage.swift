import ReportSiteViews

/// Each term with its expansion and its own anchor, which report texts link to.
enum GlossaryPage {
    static func render(_ page: GlossaryPageView) -> HTML {
        layout(page.chrome, main: """
        <h1>Glossary</h1>
        <p>Abbreviations the reports use, with the expansion the reports give them. In report texts, the first use of each links here.</p>
        <dl class="glossary">
        \(each: page.terms, term)</dl>

        """)
    }

    private static func term(_ term: GlossaryTermView) -> HTML {
        let definition: HTML = term.definition.map { ". \($0)" } ?? HTML()
        let source: HTML = term.source.map { " <span class=\"muted\">(source: \($0))</span>" } ?? HTML()
        return "  <div id=\"\(term.id)\"><dt><abbr title=\"\(term.expansion)\">\(term.term)</abbr></dt><dd>\(term.expansion)\(definition)\(source)</dd></div>\n"
    }
}
