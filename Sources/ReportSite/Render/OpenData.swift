import Foundation

/// Every published inspection as data to reuse: one row each, the same columns for every programme,
/// empty (CSV) or null (JSON) where a value is not published.
struct OpenData {
    let graph: SiteGraph

    /// Fixed columns, then one per standard id across all frameworks: PDU programmes first, newest first.
    var columns: [String] {
        var standards: [String] = []
        let ordered = graph.frameworks.reversed().filter { $0.level == .pdu } + graph.frameworks.reversed().filter { $0.level == .region }
        for framework in ordered {
            for standard in framework.standards where !standards.contains(standard.id) { standards.append(standard.id) }
        }
        return ["slug", "url", "title", "type", "pdu", "region", "programme", "published", "fieldwork_start",
                "score", "max_score", "overall"] + standards.map { "rating_\($0)" }
    }

    func rows() -> [[String: String]] {
        let views = ViewBuilder(graph: graph)
        return graph.inspections.map { inspection in
            var row: [String: String] = [
                "slug": inspection.slug,
                "url": Routes.canonical(Routes.inspection(inspection.slug), base: graph.settings.baseURL),
                "title": inspection.title,
                "type": inspection.kind.rawValue,
                "region": graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug,
                "programme": graph.framework(inspection.frameworkID)?.name ?? inspection.frameworkID,
            ]
            row["pdu"] = graph.pdu(of: inspection)?.pdu.name
            row["published"] = inspection.published?.description
            row["fieldwork_start"] = inspection.fieldworkStart?.description
            row["score"] = inspection.score.map(String.init)
            row["max_score"] = inspection.score == nil ? nil : views.maxScore(inspection).map(String.init)
            row["overall"] = inspection.overall
            for (standard, rating) in inspection.ratings { row["rating_\(standard)"] = rating }
            return row
        }
    }

    /// RFC 4180 CSV with a header row; fields with a comma, quote or line break are quoted.
    func csv() -> String {
        let columns = columns
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        let lines = [columns.joined(separator: ",")] + rows().map { row in columns.map { field(row[$0]) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `{"licence": …, "columns": […], "inspections": [{column: value or null}]}`.
    func json() -> String {
        let columns = columns
        let inspections: [[String: Any]] = rows().map { row in
            var object: [String: Any] = [:]
            for column in columns {
                if let value = row[column] {
                    object[column] = (column == "score" || column == "max_score") ? (Int(value) as Any) : value
                } else {
                    object[column] = NSNull()
                }
            }
            return object
        }
        let document: [String: Any] = ["licence": graph.settings.licence, "columns": columns, "inspections": inspections]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
