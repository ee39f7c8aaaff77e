import ReportSiteViews

extension ViewBuilder {
    /// The region's PDUs with their latest inspection, for lists.
    func pduItems(_ region: Region, root: String) -> [RegionPageView.PDUItem] {
        region.pdus.compactMap { graph.pdus[$0.slug] }.map { entry in
            let latest = entry.inspections.last
            return RegionPageView.PDUItem(
                name: entry.pdu.name, href: root + Routes.pdu(entry.pdu.slug), former: entry.pdu.former,
                note: entry.pdu.note ?? "", latest: latest.map(when) ?? text[.regionPageNotInspected].text,
                overall: latest.map { rating($0.overall) } ?? notRated, inspectionCount: entry.inspections.count(where: isPublished),
                draftCount: entry.inspections.count { !isPublished($0) },
                draft: latest?.isDraft(today: graph.today) ?? false)
        }
    }

    func regionPage(_ region: Region, body: RenderedMarkdown) -> RegionPageView {
        let path = Routes.region(region.slug)
        let chrome = chrome(path: path, title: text[.regionPageHeading, ("name", region.name)].text,
                            crumbs: [(text[.regionsListBreadcrumb].text, Routes.regions), (region.name, nil)])
        let root = chrome.root
        let pduEntries = region.pdus.compactMap { graph.pdus[$0.slug] }
        let pdus = pduItems(region, root: root)

        let programmes: [RegionPageView.ProgrammeSection] = graph.frameworks.reversed().filter { $0.level == .pdu }.compactMap { framework in
            // The latest inspection of each PDU in this programme.
            let latest = pduEntries.compactMap { $0.inspections.last { $0.frameworkID == framework.id } }
            guard !latest.isEmpty else { return nil }
            // The charts count what the public sees: each PDU's latest published inspection, not a draft the preview lists.
            let latestPublished = pduEntries.compactMap { $0.inspections.last { $0.frameworkID == framework.id && isPublished($0) } }
            let table = programmeTable(framework, inspections: latest, root: root,
                                       caption: text[.regionPageProgrammeTableCaption, ("region", region.name), ("programme", framework.name.lowercasedFirst)].text)
            let distribution = ratingDistribution(
                framework, inspections: latestPublished, id: "\(table.id)-ratings",
                caption: text[.regionPageRatingsChartCaption, ("region", region.name), ("programme", framework.name)].text)
            let scores = scoreDistribution(
                framework, inspections: latestPublished, id: "\(table.id)-scores",
                caption: text[.regionPageScoresChartCaption, ("region", region.name), ("programme", framework.name)].text)
            return .init(table: table, distribution: distribution, scores: scores)
        }

        let regional = graph.regionalInspections(of: region.slug).map { inspection in
            row(inspection, framework: graph.framework(inspection.frameworkID)!, root: root)
        }
        var view = RegionPageView(chrome: chrome, name: region.name, bodyHTML: body.html, pdus: pdus,
                                  programmes: programmes, regionalInspections: regional,
                                  sources: region.sources.map(SourceView.init), notes: liveReload ? region.notes : nil)
        // A region's text is written in the default language only.
        view.textLanguage = language.isDefault || !body.html.bytes.contains(where: { !HTML.isWhitespace($0) }) ? nil : defaultLanguage
        view.sourcesLanguage = language.isDefault ? nil : defaultLanguage
        return view
    }
}
