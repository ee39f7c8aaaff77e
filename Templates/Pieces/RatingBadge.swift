import ReportSiteViews

/// A rating as a badge: always its words, coloured by its class (site.css), never by colour alone.
/// A rating no public source gives is a quiet dash, so that the published ratings stand out; its
/// words are there for screen readers (and for print, which shows them instead of the dash), and a
/// legend line (`notPublishedLegend`) near each table explains the dash.
func ratingBadge(_ rating: RatingView) -> HTML {
    guard rating.known else {
        return "<span class=\"rating rating-none\"><span class=\"dash\" aria-hidden=\"true\">–</span><span class=\"visually-hidden\">\(rating.name)</span></span>"
    }
    return "<span class=\"rating rating-\(rating.slug)\">\(rating.name)</span>"
}

/// The one line that explains the dash, under a table or list that shows one; nothing when none of
/// `ratings` is a dash.
func notPublishedLegend(_ text: InterfaceText, _ ratings: [RatingView]) -> HTML {
    "\(if: ratings.contains { !$0.known }, "<p class=\"dash-legend\"><span aria-hidden=\"true\">\(text[.commonDash])</span> \(text[.commonNotPublishedLegend])</p>\n")"
}
