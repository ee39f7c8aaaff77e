import ReportSite

/// How scores and ratings work, programme by programme, from the framework files.
enum MethodologyPage {
    static func render(_ page: MethodologyPageView) -> HTML {
        layout(page.chrome, main: """
        <h1>How scores and ratings work</h1>
        <p>HM Inspectorate of Probation rates each probation delivery unit (PDU), or region, on a set of standards. Each rating is one of four: Outstanding, Good, Requires improvement or Inadequate, always written out in words beside its colour.</p>
        <p><strong>Key questions.</strong> For each standard of service delivery, inspectors answer three key questions on every case they sample: is the work engaging the person on probation, does it support desistance (stopping offending), does it keep other people safe. The figure is the percentage of cases answered ‘Yes’. The lowest of the three percentages sets the standard's rating, by the bands below. The other standards are rated on the inspectors' judgement.</p>
        <p><strong>Score.</strong> Each rating is worth points; the score is the sum of the points of all the standards, so a score of 5/21 means 5 points out of the 21 the programme's standards could give. The overall rating follows from the score by bands; where the Inspectorate has not published a band, this site does not guess one.</p>
        <p><strong>“Not published”</strong> means that no public source gives the value: the site never fills a gap with an estimate.</p>
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
