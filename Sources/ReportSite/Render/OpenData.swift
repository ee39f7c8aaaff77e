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

    /// Where each value of a row goes, worked out once for all rows.
    struct Layout: Sendable {
        let columns: [String]
        /// Column name -> its place in a row.
        let position: [String: Int]
        /// The places of `fixedColumns`.
        let fixed: [Int]
        /// JSON keys in sorted order: each column's place in a row, its `"key" : ` as written, and
        /// whether its value is a number.
        let keys: [(offset: Int, quoted: [UInt8], isNumber: Bool)]
    }

    func layout() -> Layout {
        let columns = columns
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let keys = columns.enumerated().sorted { $0.element < $1.element }.map { key in
            var quoted = Array("      ".utf8)
            JSONString.append(key.element, to: &quoted)
            quoted.append(" : ")
            return (key.offset, quoted, key.element == "score" || key.element == "max_score")
        }
        return Layout(columns: columns, position: position, fixed: Self.fixedColumns.map { position[$0]! }, keys: keys)
    }

    /// An inspection's row: a value (or nil) per column, in the order of `columns`. An array rather
    /// than a dictionary: at 10,000 inspections the dictionaries were most of the time.
    func row(_ inspection: Inspection, _ layout: Layout) -> [String?] {
        var row = [String?](repeating: nil, count: layout.columns.count)
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
        for (column, value) in zip(layout.fixed, values) { row[column] = value }
        for (standard, rating) in inspection.ratings {
            if let column = layout.position["rating_" + standard] { row[column] = rating }
        }
        return row
    }

    /// An inspection's CSV line, its line break included.
    func csvLine(_ inspection: Inspection, _ layout: Layout) -> [UInt8] {
        Self.csvLine(row(inspection, layout))
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, lines end CR LF. A field that
    /// a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return) gets a leading `'`, which spreadsheets read as "this is text" (OWASP's rule for CSV
    /// injection); no published figure starts that way, so numbers are untouched.
    private static func csvLine(_ row: [String?]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, value) in row.enumerated() {
            if index > 0 { line.append(0x2C) }
            guard var value else { continue }
            if let first = value.utf8.first, formulaStarts.contains(first) { value = "'" + value }
            value.withUTF8 { bytes in
                guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                    line.append(contentsOf: bytes)
                    return
                }
                line.append(0x22)
                for byte in bytes {
                    if byte == 0x22 { line.append(0x22) }
                    line.append(byte)
                }
                line.append(0x22)
            }
        }
        line.append(contentsOf: [0x0D, 0x0A])
        return line
    }

    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// An inspection's object in the JSON file's list, indented as it stands there.
    func jsonObject(_ inspection: Inspection, _ layout: Layout) -> [UInt8] {
        let row = row(inspection, layout)
        var json = Array("    {\n".utf8)
        for (position, key) in layout.keys.enumerated() {
            json.append(contentsOf: key.quoted)
            if let value = row[key.offset] {
                if key.isNumber, let number = Int(value) {
                    json.append(String(number))
                } else {
                    JSONString.append(value, to: &json)
                }
            } else {
                json.append("null")
            }
            json.append(position == layout.keys.count - 1 ? "\n" : ",\n")
        }
        json.append("    }")
        return json
    }

    /// The CSV file: a header row, then each inspection's line (as `line` gives it) in the site's order.
    func csv(lines line: (Inspection) -> [UInt8]) -> Data {
        var csv = Self.csvLine(columns)
        csv.reserveCapacity(graph.inspections.count * 400)
        for inspection in graph.inspections { csv.append(contentsOf: line(inspection)) }
        return Data(csv)
    }

    /// RFC 4180 CSV with a header row.
    func csv() -> Data {
        let layout = layout()
        return csv { csvLine($0, layout) }
    }

    /// `{"columns": […], "inspections": [{column: value or null}], "licence": …}`, keys sorted and
    /// indented two spaces, as `JSONSerialization` lays it out, with each inspection's object as
    /// `object` gives it. Written directly as bytes: `JSONSerialization` took seconds for 10,000
    /// inspections and held up every rebuild.
    func json(objects object: (Inspection) -> [UInt8]) -> Data {
        var json: [UInt8] = []
        json.reserveCapacity(graph.inspections.count * 1_200)
        json.append("{\n  \"columns\" : [\n")
        for (index, column) in columns.enumerated() {
            json.append(index == 0 ? "    " : ",\n    ")
            JSONString.append(column, to: &json)
        }
        json.append("\n  ],\n  \"inspections\" : [")
        for (index, inspection) in graph.inspections.enumerated() {
            json.append(index == 0 ? "\n" : ",\n")
            json.append(contentsOf: object(inspection))
        }
        json.append("\n  ],\n  \"licence\" : ")
        JSONString.append(graph.settings.licence, to: &json)
        json.append("\n}\n")
        return Data(json)
    }

    /// The JSON file.
    func json() -> Data {
        let layout = layout()
        return json { jsonObject($0, layout) }
    }
}
