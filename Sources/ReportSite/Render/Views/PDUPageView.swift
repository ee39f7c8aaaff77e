/// A PDU and all its inspections over time.
struct PDUPageView {
    struct InspectionItem {
        var title: String
        var href: String
        var programme: String
        var published: String
        var score: String
        var overall: RatingView
        var standards: [InspectionPageView.StandardRatingView]
    }

    var chrome: ChromeView
    var name: String
    var region: LinkView
    var former: Bool
    var note: String
    var aliases: String
    var inspections: [InspectionItem]
}

extension ViewBuilder {
    func pduPage(_ entry: SiteGraph.PDUEntry) -> PDUPageView {
        let path = Routes.pdu(entry.pdu.slug)
        let region = graph.region(entry.regionSlug)!
        let chrome = chrome(path: path, title: "\(entry.pdu.name) PDU",
                            crumbs: [(region.name, Routes.region(region.slug)), (entry.pdu.name, nil)])
        let items = entry.inspections.map { inspection in
            let framework = graph.framework(inspection.frameworkID)!
            return PDUPageView.InspectionItem(
                title: inspection.title, href: chrome.root + Routes.inspection(inspection.slug),
                programme: framework.name, published: when(inspection),
                score: Format.score(inspection.score, outOf: maxScore(inspection)),
                overall: RatingView(inspection.overall),
                standards: framework.standards.map {
                    .init(number: $0.number, name: $0.name, rating: RatingView(inspection.ratings[$0.id]))
                })
        }
        return PDUPageView(
            chrome: chrome, name: entry.pdu.name,
            region: LinkView(title: region.name, href: chrome.root + Routes.region(region.slug)),
            former: entry.pdu.former, note: entry.pdu.note ?? "", aliases: entry.pdu.aliases.joined(separator: ", "),
            inspections: items)
    }
}
