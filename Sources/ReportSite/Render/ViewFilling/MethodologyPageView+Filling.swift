import ReportSiteViews

extension ViewBuilder {
    /// The methodology page's title when it has no text of its own.
    var methodologyTitle: String { text[.methodologyTitle].text }

    /// The ids the methodology page's own markup uses, which headings of its text must not take.
    static func methodologyReservedIDs(_ frameworks: [Framework]) -> Set<String> {
        var ids = SitePageView.reservedIDs
        for framework in frameworks {
            ids.insert(methodologyID(framework.id))
            ids.insert(methodologyID(framework.id) + "-heading")
        }
        return ids
    }

    /// The ids the page a text of `Content/pages/` opens uses, which the text's headings must not take.
    static func reservedIDs(of page: SitePage, frameworks: [Framework]) -> Set<String> {
        page.isMethodology ? methodologyReservedIDs(frameworks) : SitePageView.reservedIDs
    }

    /// The page; `intro` is its text rendered, when it has one.
    func methodologyPage(intro: RenderedMarkdown? = nil) -> MethodologyPageView {
        let programmes = graph.frameworks.reversed().map { framework -> MethodologyPageView.Programme in
            let subject = text[framework.level == .pdu ? .methodologyAPdu : .methodologyARegion].text
            let standards = framework.standards.isEmpty
                ? text[.methodologyStandardsNotPublished, ("subject", subject)].text
                : text[.methodologyStandardsList, ("subject", subject),
                       ("standards", framework.standards.map { "\($0.number) \($0.name)" }.joined(separator: ", "))].text
            let outOf = framework.maxScore.map { max in
                framework.otherMaxScores.isEmpty ? text[.methodologyOutOf, ("max", String(max))].text
                    : text[.methodologyOutOfOr, ("max", String(max)),
                           ("others", framework.otherMaxScores.map(String.init).joined(separator: " \(text[.methodologyOr].text) "))].text
            } ?? text[.methodologyMaximumNotPublished].text
            let scoreBands = framework.scoreBands.sorted { $0.from < $1.from }
            var unbanded = ""
            if let max = framework.maxScore {
                let covered = Set(scoreBands.flatMap { Array($0.from...$0.to) })
                let missing = (0...max).filter { !covered.contains($0) }
                if let first = missing.first, let last = missing.last {
                    unbanded = missing.count == last - first + 1 ? (first == last ? "\(first)" : "\(first)–\(last)") : missing.map(String.init).joined(separator: ", ")
                }
            }
            let percentageBands = framework.keyQuestionBands.sorted { $0.from < $1.from }
            let keyQuestionBands = percentageBands.enumerated().map { index, band -> MethodologyPageView.Band in
                let from = Format.percentage(band.from, text)
                let range: String
                if index + 1 < percentageBands.count {
                    let below = Format.percentage(percentageBands[index + 1].from, text)
                    range = band.from == 0 ? text[.methodologyBandUnder, ("below", below)].text
                        : text[.methodologyBandRange, ("from", from), ("below", below)].text
                } else {
                    range = text[.methodologyBandOrMore, ("from", from)].text
                }
                return .init(range: range, rating: rating(band.rating))
            }
            return .init(
                id: Self.methodologyID(framework.id), name: framework.name, summary: standards + " " + outOf,
                points: framework.ratings.sorted { $0.rank > $1.rank }.map { .init(rating: rating($0.name), points: $0.points) },
                scoreBands: scoreBands.map { .init(range: $0.from == $0.to ? "\($0.from)" : "\($0.from)–\($0.to)", rating: rating($0.rating)) },
                unbandedScores: unbanded, keyQuestionBands: keyQuestionBands)
        }
        let page = graph.methodologyText
        let title = page?.title ?? methodologyTitle
        return MethodologyPageView(
            chrome: chrome(path: Routes.methodology, title: title, description: page?.description, crumbs: [(title, nil)]),
            title: title, introHTML: intro?.html ?? HTML(), updated: page?.updated.map { Format.longForm($0, text) } ?? "",
            updatedISO: page?.updated?.description ?? "", draft: page?.draft ?? false,
            programmes: programmes)
    }

    /// The id of a programme's section on the methodology page.
    static func methodologyID(_ framework: String) -> String { "programme-\(framework)" }

    /// The link, from a page `root` away, to how `framework`'s scores and ratings work.
    static func methodologyHref(root: String, framework: String) -> String {
        root + Routes.methodology + "#" + methodologyID(framework)
    }
}
