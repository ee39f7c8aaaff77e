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
            Self.append(graph.when(inspection), to: &json)
            json += ",\"h\":"
            Self.append((headings[Routes.inspection(inspection.slug)] ?? []).map(\.text), to: &json)
            json += ",\"o\":"
            Self.append(inspection.overall ?? "", to: &json)
            json += ",\"p\":"
            Self.append(graph.pdu(of: inspection)?.pdu.name ?? "", to: &json)
            json += ",\"r\":"
            Self.append(graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug, to: &json)
            json += ",\"t\":"
            Self.append(inspection.title, to: &json)
            json += ",\"u\":"
            Self.append(Routes.inspection(inspection.slug), to: &json)
            json += "}"
        }
        json += "]"
        return "window.REPORTSITE_SEARCH = \(json);\n"
    }

    private static func append(_ strings: [String], to json: inout String) {
        json += "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            append(string, to: &json)
        }
        json += "]"
    }

    /// A JSON string. "</" is written "<\/" so that no entry can close the script element it is in.
    static func append(_ string: String, to json: inout String) {
        // Most strings need no escape at all: copied whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x2F }) else {
            json += "\""
            json += string
            json += "\""
            return
        }
        json += "\""
        var previous: Unicode.Scalar = " "
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "/" where previous == "<": json += "\\/"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        json += "\""
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
