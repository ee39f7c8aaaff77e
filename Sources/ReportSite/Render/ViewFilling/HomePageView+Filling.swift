import ReportSiteViews

extension ViewBuilder {
    func homePage() -> HomePageView {
        let path = Routes.home
        let chrome = chrome(path: path, title: graph.settings.title, crumbs: [])
        // Newest programme first: it is what readers look for.
        let frameworks = graph.frameworks.reversed()
        // One row per PDU, as in the annual report's table: its latest inspection in the programme
        // (earlier ones are on the PDU's page), so the page stays the same size however many years it covers.
        struct Subject: Hashable {
            var framework: String
            var pduOrInspection: String
        }
        var seen: Set<Subject> = []
        let latest = graph.inspections.filter { inspection in
            seen.insert(Subject(framework: inspection.frameworkID, pduOrInspection: graph.pdu(of: inspection)?.pdu.slug ?? inspection.slug)).inserted
        }
        let pduTables = frameworks.filter { $0.level == .pdu }.map {
            programmeTable($0, inspections: latest, root: chrome.root,
                           caption: text[.homeProgrammeTableCaption, ("programme", $0.name.lowercasedFirst)].text)
        }.filter(\.hasRows)
        let regionalTables = frameworks.filter { $0.level == .region }.map {
            programmeTable($0, inspections: graph.inspections, root: chrome.root,
                           caption: text[.homeRegionalTableCaption, ("programme", $0.name.lowercasedFirst)].text)
        }.filter(\.hasRows)
        let regions = regionSummaries(root: chrome.root)
        let published = graph.inspections.filter(isPublished)
        let charts = frameworks.filter { $0.level == .pdu }.compactMap { framework -> HomePageView.ProgrammeCharts? in
            let inspections = published.filter { $0.frameworkID == framework.id }
            guard !inspections.isEmpty else { return nil }
            return .init(
                name: framework.name,
                distribution: ratingDistribution(framework, inspections: inspections, id: "national-\(framework.id)-ratings",
                                                 caption: text[.homeRatingsChartCaption, ("programme", framework.name)].text),
                scores: scoreDistribution(framework, inspections: inspections, id: "national-\(framework.id)-scores",
                                          caption: text[.homeScoresChartCaption, ("programme", framework.name)].text))
        }
        return HomePageView(chrome: chrome, inspectionCount: published.count, draftCount: graph.inspections.count - published.count,
                            overallCounts: overallCounts(frameworks: Array(frameworks)), charts: charts,
                            pduProgrammes: pduTables, regionalProgrammes: regionalTables, regions: regions)
    }
}

extension ViewBuilder {
    /// The national summary's counts: one pass over the inspections.
    func overallCounts(frameworks: [Framework]) -> [HomePageView.OverallCount] {
        var names: [String] = []
        var slugs: [String: String] = [:]
        for framework in frameworks {
            for rating in framework.ratings.reversed() where slugs[rating.name] == nil {
                names.append(rating.name)
                slugs[rating.name] = rating.slug
            }
        }
        var counts: [String: Int] = [:]
        var unrated = 0
        for inspection in graph.inspections where isPublished(inspection) {
            if let overall = inspection.overall { counts[overall, default: 0] += 1 } else { unrated += 1 }
        }
        let named = names.map { name in
            var shown = rating(name)
            shown.slug = slugs[name] ?? ""
            return HomePageView.OverallCount(rating: shown, count: counts[name] ?? 0)
        }
        return unrated == 0 ? named : named + [.init(rating: notRated, count: unrated)]
    }

    func regionSummaries(root: String) -> [HomePageView.RegionSummary] {
        // Counted in one pass: a pass per region would grow with regions times reports.
        var inspections: [String: Int] = [:]
        var drafts: [String: Int] = [:]
        for inspection in graph.inspections {
            if isPublished(inspection) { inspections[inspection.regionSlug, default: 0] += 1 } else { drafts[inspection.regionSlug, default: 0] += 1 }
        }
        return graph.regions.map { region in
            HomePageView.RegionSummary(
                name: region.name, href: root + Routes.region(region.slug),
                pduCount: region.pdus.count { !$0.former },
                inspectionCount: inspections[region.slug] ?? 0, draftCount: drafts[region.slug] ?? 0)
        }
    }
}

extension String {
    /// "PDU inspections, 2023 onward" -> "pDU..." would be wrong, so only a leading capital followed by a
    /// lower-case letter is lowered.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isLowercase == true else { return self }
        return first.lowercased() + dropFirst()
    }
}
