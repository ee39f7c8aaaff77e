import ReportSiteViews

extension RatingView {
    /// A rating the source does not give: "not published", in the colour of none.
    static let missing = RatingView(name: Format.notPublished, slug: "none", known: false)

    /// The rating named `name`, or `missing`.
    init(_ name: String?) {
        if let name { self.init(name: name, slug: Slug.make(name), known: true) } else { self = .missing }
    }
}

extension SourceView {
    init(_ source: Source) {
        self.init(title: source.title, url: source.url)
    }
}
