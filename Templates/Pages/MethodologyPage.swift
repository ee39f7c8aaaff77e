import ReportSiteViews

/// How scores and ratings work: the methodology text (`pages/methodology.md`), then programme by
/// programme what the framework files say.
enum MethodologyPage {
    static func render(_ page: MethodologyPageView) -> HTML {
        let text = page.chrome.text
        return layout(page.chrome, main: """
        \(if: page.draft, "<p class=\"draft-banner\"><strong>\(text[.commonDraftBanner])</strong></p>\n")<h1>\(page.title)</h1>
        <div class="prose">
        \(page.introHTML)\(SitePageTemplate.updated(page.updated, iso: page.updatedISO, text))</div>
        \(each: page.programmes, { programme($0, text) })
        """)
    }

    private static func programme(_ programme: MethodologyPageView.Programme, _ text: InterfaceText) -> HTML {
        """
        <section id="\(programme.id)" aria-labelledby="\(programme.id)-heading">
        <h2 id="\(programme.id)-heading">\(programme.name)</h2>
        <p>\(programme.summary)</p>
        <table>
          <caption>\(text[.methodologyPointsCaption])</caption>
          <thead><tr><th scope="col">\(text[.tableRating])</th><th scope="col">\(text[.tablePoints])</th></tr></thead>
          <tbody>
        \(each: programme.points, { "    <tr><td>\(ratingBadge($0.rating))</td><td>\($0.points)</td></tr>\n" })  </tbody>
        </table>
        \(bands(programme.scoreBands, caption: text[.methodologyScoreBandsCaption], head: text[.tableScore], text))\(unbanded(programme.unbandedScores, text))\(bands(programme.keyQuestionBands, caption: text[.methodologyKeyQuestionBandsCaption], head: text[.methodologyLowestPercentageYes], text))</section>

        """
    }

    private static func bands(_ bands: [MethodologyPageView.Band], caption: Phrase, head: Phrase, _ text: InterfaceText) -> HTML {
        guard !bands.isEmpty else { return HTML() }
        return """
        <table>
          <caption>\(caption)</caption>
          <thead><tr><th scope="col">\(head)</th><th scope="col">\(text[.tableRating])</th></tr></thead>
          <tbody>
        \(each: bands, { "    <tr><td>\($0.range)</td><td>\(ratingBadge($0.rating))</td></tr>\n" })  </tbody>
        </table>

        """
    }

    private static func unbanded(_ scores: String, _ text: InterfaceText) -> HTML {
        guard !scores.isEmpty else { return HTML() }
        return "<p>\(text[.methodologyUnbanded, ("scores", scores)])</p>\n"
    }
}
