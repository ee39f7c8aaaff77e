import Foundation

/// The compact index the search page's script reads: one entry per published inspection, with the
/// words a reader looks for (title, PDU, region, headings, recommendations).
///
/// It is a script (`window.REPORTSITE_SEARCH = […]`) rather than JSON, because a page opened from disk
/// (`file://`) may load a script but not fetch a file.
struct SearchIndex {
    let graph: SiteGraph
    /// The texts' facts by page, from the build's own rendering of them: the index takes their headings.
    let facts: [String: BodyFacts]

    /// The script, with each inspection's entry as `entry` gives it.
    func javascript(entries entry: (Inspection) -> [UInt8]) -> Data {
        // Written by hand as bytes, keys in sorted order, rather than through JSONSerialization: with
        // 10,000 reports that took a second, most of an incremental build.
        var json: [UInt8] = []
        json.reserveCapacity(graph.inspections.count * 1_600)
        json.append("window.REPORTSITE_SEARCH = [")
        for (index, inspection) in graph.inspections.enumerated() {
            if index > 0 { json.append(0x2C) }
            json.append(contentsOf: entry(inspection))
        }
        json.append("];\n")
        return Data(json)
    }

    /// The script.
    func javascript() -> Data {
        javascript(entries: entry)
    }

    /// An inspection's entry: what a reader may search it by, and its page.
    func entry(_ inspection: Inspection) -> [UInt8] {
        let page = Routes.inspection(inspection.slug)
        var json: [UInt8] = []
        json.append("{\"c\":")
        Self.append(inspection.recommendations.flatMap(\.items), to: &json)
        json.append(",\"d\":")
        JSONString.append(graph.when(inspection), to: &json, inScript: true)
        json.append(",\"h\":")
        Self.append((facts[page]?.headings ?? []).map(\.text), to: &json)
        json.append(",\"o\":")
        JSONString.append(inspection.overall ?? "", to: &json, inScript: true)
        json.append(",\"p\":")
        JSONString.append(graph.pdu(of: inspection)?.pdu.name ?? "", to: &json, inScript: true)
        json.append(",\"r\":")
        JSONString.append(graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug, to: &json, inScript: true)
        json.append(",\"t\":")
        JSONString.append(inspection.title, to: &json, inScript: true)
        json.append(",\"u\":")
        JSONString.append(page, to: &json, inScript: true)
        json.append(0x7D)
        return json
    }

    private static func append(_ strings: [String], to json: inout [UInt8]) {
        json.append(0x5B)
        for (index, string) in strings.enumerated() {
            if index > 0 { json.append(0x2C) }
            JSONString.append(string, to: &json, inScript: true)
        }
        json.append(0x5D)
    }
}

/// The glossary page: each term with its expansion, and its own anchor.
public struct GlossaryPageView: Sendable {
    public var chrome: ChromeView
    public var terms: [GlossaryTerm]
}

/// The search page.
public struct SearchPageView: Sendable {
    public var chrome: ChromeView
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
