import ReportSiteViews

/// How scores and ratings work: the methodology text (`pages/methodology.md`), then programme by
/// programme what the framework files say.
enum MethodologyPage {
    static func render(_ page: MethodologyPageView) -> HTML {
        layout(page.chrome, main: """
        \(if: page.draft, "<p class=\"draft-banner\"><strong>Draft – not published</strong></p>\n")<h1>\(page.title)</h1>
        <div class="prose">
        \(page.introHTML)\(SitePageTemplate.updated(page.updated, iso: page.updatedISO))</div>
        \(each: page.programmes, programme)
        """)
    }

    private static func programme(_ programme: MethodologyPageView.Programme) -> HTML {
        """
        <section id="\(programme.id)" aria-labelledby="\(programme.id)-heading">
        <h2 id="\(programme.id)-heading">\(programme.name)</h2>
        <p>\(programme.summary)</p>
        <table>
          <caption>Points for each rating</caption>
          <thead><tr><th scope="col">Rating</th><th scope="col">Points</th></tr></thead>
          <tbody>
        \(each: programme.points, { "    <tr><td>\(ratingBadge($0.rating))</td><td>\($0.points)</td></tr>\n" })  </tbody>
        </table>
        \(bands(programme.scoreBands, caption: "Overall rating for each score", head: "Score"))\(unbanded(programme.unbandedScores))\(bands(programme.keyQuestionBands, caption: "Rating of a service-delivery standard from its lowest key-question percentage", head: "Lowest percentage ‘Yes’"))</section>

        """
    }

    private static func bands(_ bands: [MethodologyPageView.Band], caption: String, head: String) -> HTML {
        guard !bands.isEmpty else { return HTML() }
        return """
        <table>
          <caption>\(caption)</caption>
          <thead><tr><th scope="col">\(head)</th><th scope="col">Rating</th></tr></thead>
          <tbody>
        \(each: bands, { "    <tr><td>\($0.range)</td><td>\(ratingBadge($0.rating))</td></tr>\n" })  </tbody>
        </table>

        """
    }

    private static func unbanded(_ scores: String) -> HTML {
        guard !scores.isEmpty else { return HTML() }
        return "<p>Scores of \(scores): the Inspectorate has published no band for them, so an overall rating is shown only as a report gives it.</p>\n"
    }
}
