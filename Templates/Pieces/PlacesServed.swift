import ReportSiteViews

/// The places a PDU serves, each group with the public document that lists them. A piece of its own
/// so the PDU page's layout can change around it.
func placesServed(_ groups: [PDUPageView.PlacesServed]) -> HTML {
    guard !groups.isEmpty else { return HTML() }
    return """
    <section class="places-served" aria-labelledby="places-heading">
      <h2 id="places-heading">Areas served</h2>
    \(each: groups, placesGroup)</section>

    """
}

private func placesGroup(_ group: PDUPageView.PlacesServed) -> HTML {
    let source: HTML = group.source.url.map { "<a href=\"\($0)\">\(group.source.title)</a>" } ?? "\(group.source.title)"
    return "  <p>\(group.heading): \(group.names.joined(separator: ", ")) (source: \(source)).</p>\n"
}
