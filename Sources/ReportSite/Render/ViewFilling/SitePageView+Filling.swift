import ReportSiteViews

extension ViewBuilder {
    func sitePage(_ page: SitePage, body: RenderedMarkdown) -> SitePageView {
        var view = SitePageView(
            chrome: chrome(path: Routes.page(page.slug), title: page.title, description: page.description, crumbs: [(page.title, nil)]),
            title: page.title, bodyHTML: body.html,
            updated: page.updated.map { Format.longForm($0, text) } ?? "", updatedISO: page.updated?.description ?? "", draft: page.draft)
        view.textLanguage = language.showsOriginal(page: page.slug) ? defaultLanguage : nil
        return view
    }
}
