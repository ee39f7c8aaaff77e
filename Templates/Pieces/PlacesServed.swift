import ReportSiteViews

/// The places a PDU serves, each group with the public document that lists them. A piece of its own
/// so the PDU page's layout can change around it.
func placesServed(_ groups: [PDUPageView.PlacesServed], _ text: InterfaceText) -> HTML {
    guard !groups.isEmpty else { return HTML() }
    return """
    <section class="places-served" aria-labelledby="places-heading">
      <h2 id="places-heading">\(text[.placesHeading])</h2>
    \(each: groups, { placesGroup($0, text) })</section>

    """
}

private func placesGroup(_ group: PDUPageView.PlacesServed, _ text: InterfaceText) -> HTML {
    let source: HTML = group.source.url.map { "<a href=\"\($0)\">\(group.source.title)</a>" } ?? "\(group.source.title)"
    let sentence = text.html(.placesGroup, ("kind", "\(group.heading)"), ("names", "\(group.names.joined(separator: ", "))"), ("source", source))
    return "  <p>\(sentence)</p>\n"
}
