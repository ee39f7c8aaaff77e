import ReportSiteViews

extension ViewBuilder {
    /// The print version of `page`, the inspection's page view (made once for both).
    func printPage(_ inspection: Inspection, page: InspectionPageView) -> PrintPageView {
        var page = page
        // The print file sits beside the page, so its links are the page's links.
        page.chrome.breadcrumbs = []
        // Search engines should send readers to the page, not to its print version.
        page.chrome.canonical = Routes.canonical(Routes.inspection(inspection.slug), base: graph.settings.baseURL)
        let subject = inspection.kind == .pdu
            ? "\(graph.pdu(of: inspection)?.pdu.name ?? inspection.pduName ?? "") PDU"
            : "\(regionName(inspection.regionSlug)) region"
        // "Essex South PDU — An inspection of …", unless the title names the PDU (or region) already.
        let name = subject.replacingOccurrences(of: " PDU", with: "").replacingOccurrences(of: " region", with: "")
        let header = !name.isEmpty && inspection.title.contains(name) ? inspection.title : "\(subject) — \(inspection.title)"
        return PrintPageView(
            page: page, runningHeaderCSS: Self.cssString(header), designTokens: StyleText(designTokens),
            published: Format.date(inspection.published), subject: subject)
    }

    /// Escapes text for a double-quoted CSS string (see `StyleText.escapedString`).
    static func cssString(_ text: String) -> String {
        StyleText.escapedString(text)
    }
}
