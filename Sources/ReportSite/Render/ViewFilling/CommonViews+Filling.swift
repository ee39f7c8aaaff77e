import ReportSiteViews

extension ViewBuilder {
    /// A rating the source does not give: "not published" in the page's language, in the colour of none.
    var notRated: RatingView {
        RatingView(name: text[.commonNotPublished].text, slug: "none", known: false)
    }

    /// The rating named `name` (a name from the frameworks, which are content), or `notRated`: in the
    /// page's language where the framework names it there; its colour (`slug`) the same in every language.
    func rating(_ name: String?) -> RatingView {
        guard let name else { return notRated }
        return RatingView(name: language.ratingNames[name] ?? name, slug: Slug.make(name), known: true)
    }
}

extension SourceView {
    init(_ source: Source) {
        self.init(title: source.title, url: source.url)
    }
}
