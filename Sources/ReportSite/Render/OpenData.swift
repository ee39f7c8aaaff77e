import Foundation

/// Every published inspection as data to reuse: one row each, the same columns for every programme,
/// empty (CSV) or null (JSON) where a value is not published.
struct OpenData {
    let graph: SiteGraph

    /// The columns every inspection has, whatever its programme; `rows` fills them in this order.
    static let fixedColumns = ["slug", "url", "title", "type", "pdu", "region", "programme", "published", "fieldwork_start",
                               "score", "max_score", "overall"]

    /// Fixed columns, then one per standard id across all frameworks: PDU programmes first, newest first.
    var columns: [String] {
        var standards: [String] = []
        let ordered = graph.frameworks.reversed().filter { $0.level == .pdu } + graph.frameworks.reversed().filter { $0.level == .region }
        for framework in ordered {
            for standard in framework.standards where !standards.contains(standard.id) { standards.append(standard.id) }
        }
        return Self.fixedColumns + standards.map { "rating_\($0)" }
    }

    /// One row per inspection, a value (or nil) per column, in the order of `columns`. Arrays rather
    /// than a dictionary per row: at 10,000 inspections the dictionaries were most of the time.
    func rows(columns: [String]) -> [[String?]] {
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let fixed = Self.fixedColumns.map { position[$0]! }
        return graph.inspections.map { inspection in
            var row = [String?](repeating: nil, count: columns.count)
            let values: [String?] = [
                inspection.slug,
                Routes.canonical(Routes.inspection(inspection.slug), base: graph.settings.baseURL),
                inspection.title,
                inspection.kind.rawValue,
                graph.pdu(of: inspection)?.pdu.name,
                graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug,
                graph.framework(inspection.frameworkID)?.name ?? inspection.frameworkID,
                inspection.published?.description,
                inspection.fieldworkStart?.description,
                inspection.score.map(String.init),
                inspection.score == nil ? nil : graph.maxScore(inspection).map(String.init),
                inspection.overall,
            ]
            for (column, value) in zip(fixed, values) { row[column] = value }
            for (standard, rating) in inspection.ratings {
                if let column = position["rating_" + standard] { row[column] = rating }
            }
            return row
        }
    }

    /// RFC 4180 CSV with a header row; fields with a comma, quote or line break are quoted.
    func csv() -> String {
        let columns = columns
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        let lines = [columns.joined(separator: ",")] + rows(columns: columns).map { row in row.map(field).joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `{"columns": […], "inspections": [{column: value or null}], "licence": …}`, keys sorted and
    /// indented two spaces, as `JSONSerialization` lays it out; written directly, because
    /// `JSONSerialization` took seconds for 10,000 inspections and held up every rebuild.
    func json() -> String {
        let columns = columns
        // Keys in sorted order, each with its place in a row.
        let keys = columns.enumerated().sorted { $0.element < $1.element }
        var json = "{\n  \"columns\" : [\n"
        json += columns.map { "    " + JSONString.quoted($0) }.joined(separator: ",\n")
        let quotedKeys = keys.map { "      " + JSONString.quoted($0.element) + " : " }
        json += "\n  ],\n  \"inspections\" : ["
        for (index, row) in rows(columns: columns).enumerated() {
            json += index == 0 ? "\n    {\n" : ",\n    {\n"
            for (position, key) in keys.enumerated() {
                json += quotedKeys[position]
                if let value = row[key.offset] {
                    let number = (key.element == "score" || key.element == "max_score") ? Int(value) : nil
                    json += number.map(String.init) ?? JSONString.quoted(value)
                } else {
                    json += "null"
                }
                json += position == keys.count - 1 ? "\n" : ",\n"
            }
            json += "    }"
        }
        json += "\n  ],\n  \"licence\" : " + JSONString.quoted(graph.settings.licence) + "\n}\n"
        return json
    }
}
