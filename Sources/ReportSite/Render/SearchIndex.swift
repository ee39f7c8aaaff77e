import Foundation

/// The compact index the search page's script reads: one entry per published inspection, with the
/// words a reader looks for (title, PDU, region, headings, recommendations).
///
/// It is a script (`window.REPORTSITE_SEARCH = […]`) rather than JSON, because a page opened from disk
/// (`file://`) may load a script but not fetch a file.
struct SearchIndex {
    let graph: SiteGraph
    /// The headings of each inspection's text, by page, from the build's own rendering of it.
    let headings: [String: [Heading]]

    func javascript() -> String {
        let views = ViewBuilder(graph: graph)
        let entries: [[String: Any]] = graph.inspections.map { inspection in
            let headings = (headings[Routes.inspection(inspection.slug)] ?? []).map(\.text)
            return [
                "t": inspection.title,
                "u": Routes.inspection(inspection.slug),
                "p": graph.pdu(of: inspection)?.pdu.name ?? "",
                "r": graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug,
                "d": views.when(inspection),
                "o": inspection.overall ?? "",
                "h": headings,
                "c": inspection.recommendations.flatMap(\.items),
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        // JSON is valid JavaScript; "</" is escaped so no entry can close a script element.
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return "window.REPORTSITE_SEARCH = \(json);\n"
    }
}

/// The glossary page: each term with its expansion, and its own anchor.
struct GlossaryPageView {
    var chrome: ChromeView
    var terms: [GlossaryTerm]
}

/// The search page.
struct SearchPageView {
    var chrome: ChromeView
}

extension ViewBuilder {
    func glossaryPage() -> GlossaryPageView {
        GlossaryPageView(chrome: chrome(path: Routes.glossary, title: "Glossary", crumbs: [("Glossary", nil)]),
                         terms: graph.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() })
    }

    func searchPage() -> SearchPageView {
        SearchPageView(chrome: chrome(path: Routes.search, title: "Search", crumbs: [("Search", nil)]))
    }
}
