import ReportSiteViews

/// The lists of regions and of PDUs.
enum ListPages {
    static func regions(_ page: RegionsIndexView) -> HTML {
        layout(page.chrome, main: """
        <h1>Regions</h1>
        <p>The Probation Service has twelve regions: eleven in England and one in Wales.</p>
        <ul class="card-list">
        \(each: page.regions, regionItem)</ul>

        """)
    }

    static func pdus(_ page: PDUsIndexView) -> HTML {
        layout(page.chrome, main: "<h1>Probation delivery units</h1>\n\(each: page.groups, group)")
    }

    private static func group(_ group: PDUsIndexView.Group) -> HTML {
        """
        <h2><a href="\(group.region.href)">\(group.region.title)</a></h2>
        <ul class="card-list">
        \(each: group.pdus, pduItem)</ul>

        """
    }

    private static func pduItem(_ pdu: RegionPageView.PDUItem) -> HTML {
        "  <li><a href=\"\(pdu.href)\">\(pdu.name)</a>\(if: pdu.former, " <span class=\"muted\">(former PDU)</span>") <span class=\"muted\">latest: \(pdu.latest)</span>\(draftTag(pdu.draft)) \(ratingBadge(pdu.overall))</li>\n"
    }
}
