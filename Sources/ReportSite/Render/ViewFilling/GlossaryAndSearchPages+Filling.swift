import ReportSiteViews

extension ViewBuilder {
    func glossaryPage() -> GlossaryPageView {
        var view = GlossaryPageView(
            chrome: chrome(path: Routes.glossary, title: text[.glossaryPageTitle].text, crumbs: [(text[.glossaryPageTitle].text, nil)]),
            terms: graph.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }.map {
                GlossaryTermView(term: $0.term, expansion: $0.expansion, definition: $0.definition, source: $0.source, id: $0.id)
            })
        // The glossary is written in the default language only.
        view.termsLanguage = language.isDefault ? nil : defaultLanguage
        return view
    }

    func searchPage() -> SearchPageView {
        let chrome = chrome(path: Routes.search, title: text[.searchTitle].text, crumbs: [(text[.searchTitle].text, nil)])
        guard !language.isDefault else { return SearchPageView(chrome: chrome) }
        return SearchPageView(chrome: chrome, indexScript: chrome.siteRoot + Routes.searchIndex,
                              namesScript: String(Routes.searchNames.dropFirst("search/".count)))
    }
}
