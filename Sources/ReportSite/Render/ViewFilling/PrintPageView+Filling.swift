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

    /// Escapes text for a double-quoted CSS string: everything but letters, digits and spaces becomes a
    /// hexadecimal escape, so no title can end the string or the `<style>` element.
    static func cssString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            let plain = scalar.isASCIIAlphanumeric || scalar == " " || (scalar.value > 0x7F && scalar.properties.isAlphabetic)
            if plain {
                escaped.unicodeScalars.append(scalar)
            } else {
                escaped += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return escaped
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
