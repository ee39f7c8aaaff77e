import ReportSite

/// A rating as a badge: always its words, coloured by its class (site.css), never by colour alone.
func ratingBadge(_ rating: RatingView) -> HTML {
    "<span class=\"rating rating-\(rating.slug)\">\(rating.name)</span>"
}
