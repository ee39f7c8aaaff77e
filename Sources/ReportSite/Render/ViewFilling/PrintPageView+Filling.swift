import ReportSiteViews

extension ViewBuilder {
    /// The print version of `page`, the inspection's page view (made once for both).
    func printPage(_ inspection: Inspection, page: InspectionPageView) -> PrintPageView {
        var page = page
        // The print file sits beside the page, so its links are the page's links.
        page.chrome.breadcrumbs = []
        // Search engines should send readers to the page, not to its print version.
        page.chrome.canonical = Routes.canonical(Routes.inspection(inspection.slug), base: graph.settings.baseURL)
        let name = inspection.kind == .pdu ? graph.pdu(of: inspection)?.pdu.name ?? inspection.pduName ?? "" : regionName(inspection.regionSlug)
        let subject = text[inspection.kind == .pdu ? .commonPduName : .commonRegionName, ("name", name)].text
        // "Essex South PDU — An inspection of …", unless the title names the PDU (or region) already.
        let header = !name.isEmpty && inspection.title.contains(name) ? inspection.title : "\(subject) — \(inspection.title)"
        return PrintPageView(
            page: page, runningHeaderCSS: Self.cssString(header), designTokens: StyleText(designTokens),
            published: Format.date(inspection.published, text), subject: subject)
    }

    /// Escapes text for a double-quoted CSS string (see `StyleText.escapedString`).
    static func cssString(_ text: String) -> String {
        StyleText.escapedString(text)
    }
}
