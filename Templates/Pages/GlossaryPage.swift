import ReportSiteViews

/// Each term with its expansion and its own anchor, which report texts link to.
enum GlossaryPage {
    static func render(_ page: GlossaryPageView) -> HTML {
        let text = page.chrome.text
        return layout(page.chrome, main: """
        <h1>\(text[.glossaryPageHeading])</h1>
        <p>\(text[.glossaryPageIntro])</p>
        <dl class="glossary"\(lang(page.termsLanguage))>
        \(each: page.terms, { term($0, text) })</dl>

        """)
    }

    private static func term(_ term: GlossaryTermView, _ text: InterfaceText) -> HTML {
        let definition: HTML = term.definition.map { ". \($0)" } ?? HTML()
        let source: HTML = term.source.map { " <span class=\"muted\">(\(text[.commonSourceNote, ("source", $0)]))</span>" } ?? HTML()
        return "  <div id=\"\(term.id)\"><dt><abbr title=\"\(term.expansion)\">\(term.term)</abbr></dt><dd>\(term.expansion)\(definition)\(source)</dd></div>\n"
    }
}
