import ReportSiteViews

/// The lists of regions and of PDUs.
enum ListPages {
    static func regions(_ page: RegionsIndexView) -> HTML {
        let text = page.chrome.text
        return layout(page.chrome, main: """
        <h1>\(text[.regionsListHeading])</h1>
        <p>\(text[.regionsListIntro])</p>
        <ul class="card-list">
        \(each: page.regions, { regionItem($0, text) })</ul>

        """)
    }

    static func pdus(_ page: PDUsIndexView) -> HTML {
        let text = page.chrome.text
        return layout(page.chrome, main: "<h1>\(text[.pdusListHeading])</h1>\n\(each: page.groups, { group($0, text) })")
    }

    private static func group(_ group: PDUsIndexView.Group, _ text: InterfaceText) -> HTML {
        """
        <h2><a href="\(group.region.href)">\(group.region.title)</a></h2>
        <ul class="card-list">
        \(each: group.pdus, { pduItem($0, text) })</ul>

        """
    }

    private static func pduItem(_ pdu: RegionPageView.PDUItem, _ text: InterfaceText) -> HTML {
        "  <li><a href=\"\(pdu.href)\">\(pdu.name)</a>\(if: pdu.former, " <span class=\"muted\">\(text[.commonFormerPdu])</span>") <span class=\"muted\">\(text[.pdusListLatest, ("when", pdu.latest)])</span>\(draftTag(pdu.draft, text)) \(ratingBadge(pdu.overall))</li>\n"
    }
}
