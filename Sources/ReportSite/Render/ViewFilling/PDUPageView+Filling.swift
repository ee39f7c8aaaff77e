import ReportSiteViews

extension ViewBuilder {
    func pduPage(_ entry: SiteGraph.PDUEntry) -> PDUPageView {
        let path = Routes.pdu(entry.pdu.slug)
        let region = graph.region(entry.regionSlug)!
        let chrome = chrome(path: path, title: text[.pduPageHeading, ("name", entry.pdu.name)].text,
                            crumbs: [(region.name, Routes.region(region.slug)), (entry.pdu.name, nil)])
        let items = entry.inspections.map { inspection in
            let framework = graph.framework(inspection.frameworkID)!
            return PDUPageView.InspectionItem(
                title: inspection.title, href: chrome.root + Routes.inspection(inspection.slug),
                programme: framework.name, published: when(inspection),
                score: Format.score(inspection.score, outOf: graph.maxScore(inspection), text),
                overall: rating(inspection.overall), draft: inspection.isDraft(today: graph.today))
        }
        // Standards are matched by name across programmes (2021–23 had nine, 2023 onward seven).
        var names: [String] = []
        for inspection in entry.inspections {
            for standard in graph.framework(inspection.frameworkID)!.standards where !names.contains(standard.name) {
                names.append(standard.name)
            }
        }
        let comparison = names.map { name in
            PDUPageView.ComparisonRow(name: name, cells: entry.inspections.map { inspection in
                let standard = graph.framework(inspection.frameworkID)!.standards.first { $0.name == name }
                return .init(rating: rating(standard.flatMap { inspection.ratings[$0.id] }), notAssessed: standard == nil)
            })
        }
        return PDUPageView(
            chrome: chrome, name: entry.pdu.name,
            region: LinkView(title: region.name, href: chrome.root + Routes.region(region.slug)),
            former: entry.pdu.former, note: entry.pdu.note ?? "", aliases: entry.pdu.aliases.joined(separator: ", "),
            places: placesServed(entry.pdu.places), inspections: items, comparison: comparison)
    }

    func placesServed(_ places: [Region.Place]) -> [PDUPageView.PlacesServed] {
        var groups: [PDUPageView.PlacesServed] = []
        for place in places {
            let heading = text[place.kind == .council ? .placesCouncils : .placesLocalDeliveryUnits].text
            let name = place.coverage.map { "\(place.name) (\($0))" } ?? place.name
            let source = SourceView(place.source)
            if let index = groups.firstIndex(where: { $0.heading == heading && $0.source == source }) {
                groups[index].names.append(name)
            } else {
                groups.append(PDUPageView.PlacesServed(heading: heading, names: [name], source: source))
            }
        }
        return groups
    }
}
