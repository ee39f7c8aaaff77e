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

    /// One row per inspection, a value (or nil) per column, in the order of `columns`, handed to
    /// `write` one at a time. Arrays rather than a dictionary per row: at 10,000 inspections the
    /// dictionaries were most of the time.
    func forEachRow(columns: [String], _ write: ([String?]) -> Void) {
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let fixed = Self.fixedColumns.map { position[$0]! }
        var row = [String?](repeating: nil, count: columns.count)
        for inspection in graph.inspections {
            for index in row.indices { row[index] = nil }
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
            write(row)
        }
    }

    /// RFC 4180 CSV with a header row; fields with a comma, quote or line break are quoted.
    func csv() -> Data {
        let columns = columns
        var csv: [UInt8] = []
        csv.reserveCapacity(graph.inspections.count * 400)
        func append(_ value: String?) {
            guard var value else { return }
            value.withUTF8 { bytes in
                guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                    csv.append(contentsOf: bytes)
                    return
                }
                csv.append(0x22)
                for byte in bytes {
                    if byte == 0x22 { csv.append(0x22) }
                    csv.append(byte)
                }
                csv.append(0x22)
            }
        }
        func line(_ row: [String?]) {
            for (index, value) in row.enumerated() {
                if index > 0 { csv.append(0x2C) }
                append(value)
            }
            csv.append(contentsOf: [0x0D, 0x0A])
        }
        line(columns)
        forEachRow(columns: columns, line)
        return Data(csv)
    }

    /// `{"columns": […], "inspections": [{column: value or null}], "licence": …}`, keys sorted and
    /// indented two spaces, as `JSONSerialization` lays it out; written directly as bytes, because
    /// `JSONSerialization` took seconds for 10,000 inspections and held up every rebuild.
    func json() -> Data {
        let columns = columns
        // Keys in sorted order, each with its place in a row.
        let keys = columns.enumerated().sorted { $0.element < $1.element }
        var json: [UInt8] = []
        json.reserveCapacity(graph.inspections.count * 1_200)
        json.append("{\n  \"columns\" : [\n")
        for (index, column) in columns.enumerated() {
            json.append(index == 0 ? "    " : ",\n    ")
            JSONString.append(column, to: &json)
        }
        let quotedKeys = keys.map { key in
            var bytes = Array("      ".utf8)
            JSONString.append(key.element, to: &bytes)
            bytes.append(" : ")
            return bytes
        }
        let numbers = keys.map { $0.element == "score" || $0.element == "max_score" }
        json.append("\n  ],\n  \"inspections\" : [")
        var first = true
        forEachRow(columns: columns) { row in
            json.append(first ? "\n    {\n" : ",\n    {\n")
            first = false
            for (position, key) in keys.enumerated() {
                json.append(contentsOf: quotedKeys[position])
                if let value = row[key.offset] {
                    if numbers[position], let number = Int(value) {
                        json.append(String(number))
                    } else {
                        JSONString.append(value, to: &json)
                    }
                } else {
                    json.append("null")
                }
                json.append(position == keys.count - 1 ? "\n" : ",\n")
            }
            json.append("    }")
        }
        json.append("\n  ],\n  \"licence\" : ")
        JSONString.append(graph.settings.licence, to: &json)
        json.append("\n}\n")
        return Data(json)
    }
}
