import Foundation

/// Each inspection's part of the files that list every inspection (open data's CSV and JSON), kept
/// by the preview between saves.
///
/// Those files change with any report's front matter, and making them whole would be most of the
/// rebuild after such a save on a large site; made from these parts, only the changed reports' parts are
/// made again. A part depends on its inspection and the site-wide inputs
/// (region and programme names, the base URL), which a rebuild of changed reports leaves alone.
struct ListingRows: Sendable {
    private struct Parts: Sendable {
        var csv: [UInt8]
        var json: [UInt8]
    }

    private var parts: [String: Parts]

    /// Every inspection's parts, made on every core.
    init(graph: SiteGraph) {
        let data = OpenData(graph: graph), layout = data.layout()
        let made = graph.inspections.concurrentMap { inspection in
            Parts(csv: data.csvLine(inspection, layout), json: data.jsonObject(inspection, layout))
        }
        parts = Dictionary(zip(graph.inspections.map(\.slug), made), uniquingKeysWith: { first, _ in first })
    }

    /// Makes the parts of `inspections` again, from `graph`.
    mutating func update(_ inspections: [Inspection], graph: SiteGraph) {
        let data = OpenData(graph: graph), layout = data.layout()
        for inspection in inspections {
            parts[inspection.slug] = Parts(csv: data.csvLine(inspection, layout), json: data.jsonObject(inspection, layout))
        }
    }

    /// Open data's CSV file for `graph`, whose inspections must be those the parts were made for.
    func csv(_ graph: SiteGraph) -> Data {
        let data = OpenData(graph: graph), layout = data.layout()
        return data.csv { parts[$0.slug]?.csv ?? data.csvLine($0, layout) }
    }

    /// Open data's JSON file for `graph`.
    func json(_ graph: SiteGraph) -> Data {
        let data = OpenData(graph: graph), layout = data.layout()
        return data.json { parts[$0.slug]?.json ?? data.jsonObject($0, layout) }
    }
}
