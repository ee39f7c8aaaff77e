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
        // Written by hand, keys in sorted order, rather than through JSONSerialization: with 10,000
        // reports that took a second, most of an incremental build.
        var json = "["
        for (index, inspection) in graph.inspections.enumerated() {
            if index > 0 { json += "," }
            json += "{\"c\":"
            Self.append(inspection.recommendations.flatMap(\.items), to: &json)
            json += ",\"d\":"
            JSONString.append(graph.when(inspection), to: &json, inScript: true)
            json += ",\"h\":"
            Self.append((headings[Routes.inspection(inspection.slug)] ?? []).map(\.text), to: &json)
            json += ",\"o\":"
            JSONString.append(inspection.overall ?? "", to: &json, inScript: true)
            json += ",\"p\":"
            JSONString.append(graph.pdu(of: inspection)?.pdu.name ?? "", to: &json, inScript: true)
            json += ",\"r\":"
            JSONString.append(graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug, to: &json, inScript: true)
            json += ",\"t\":"
            JSONString.append(inspection.title, to: &json, inScript: true)
            json += ",\"u\":"
            JSONString.append(Routes.inspection(inspection.slug), to: &json, inScript: true)
            json += "}"
        }
        json += "]"
        return "window.REPORTSITE_SEARCH = \(json);\n"
    }

    private static func append(_ strings: [String], to json: inout String) {
        json += "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            JSONString.append(string, to: &json, inScript: true)
        }
        json += "]"
    }
}

/// The glossary page: each term with its expansion, and its own anchor.
struct GlossaryPageView: Encodable {
    var chrome: ChromeView
    var terms: [GlossaryTerm]
}

/// The search page.
struct SearchPageView: Encodable {
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
