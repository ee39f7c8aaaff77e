import ReportSite

/// A rating as a badge: always its words, coloured by its class (site.css), never by colour alone.
func ratingBadge(_ rating: RatingView) -> HTML {
    "<span class=\"rating rating-\(rating.slug)\">\(rating.name)</span>"
}

/// A licence, linked when it has an address.
func licence(_ chrome: ChromeView) -> HTML {
    chrome.licenceURL.isEmpty ? "\(chrome.licence)" : "<a href=\"\(chrome.licenceURL)\">\(chrome.licence)</a>"
}

/// A list of plain-text items (sources, recommendations), one `<li>` each.
func listItems(_ items: [String]) -> HTML {
    "\(each: items, { "<li>\($0)</li>" })"
}
