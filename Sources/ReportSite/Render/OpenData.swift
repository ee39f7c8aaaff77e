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

    /// RFC 4180: fields with a comma, quote or line break are quoted (and, for readers that split on
    /// them, a semicolon or tab), lines end CR LF. No cell a spreadsheet makes of a field may be a
    /// formula: see `neutralised(_:)`.
    static func csvLine(_ row: [String?]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, value) in row.enumerated() {
            if index > 0 { line.append(0x2C) }
            guard var value else { continue }
            value = neutralised(value)
            value.withUTF8 { bytes in
                guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B || $0 == 0x09 }) else {
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

    /// `value` with a `'` put wherever a spreadsheet could start a cell that it would run as a
    /// formula (OWASP's rule for CSV injection, which spreadsheets read as "this is text"):
    /// - at the start, when the field starts with a tab or a line end, or when its first character
    ///   after blanks (spaces, no-break and other Unicode spaces, control and format characters, and
    ///   `"`) is `=`, `+`, `-` or `@`: spreadsheets drop the blanks, and a field that starts with
    ///   `"` is read as quoted;
    /// - after a `,`, `;`, tab or line end inside the field followed the same way by one of those
    ///   characters: a reader that splits lines on another separator than the file's (`;` in much of
    ///   Europe) starts a cell there, whatever the quotes around the field say.
    /// No published figure starts that way, so numbers are untouched; a text such as `Essex; -2`
    /// becomes `Essex;' -2`.
    static func neutralised(_ value: String) -> String {
        let scalars = value.unicodeScalars
        var marks: [String.Index] = []
        if let first = scalars.first, first == "\t" || first == "\r" || first == "\n" { marks.append(scalars.startIndex) }
        var cellStart: String.Index? = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            if separators.contains(scalar) { cellStart = next; continue }
            guard let start = cellStart else { continue }
            if isBlank(scalar) { continue }
            if formulaStarts.contains(scalar), marks.last != start { marks.append(start) }
            cellStart = nil
        }
        guard !marks.isEmpty else { return value }
        var out = String.UnicodeScalarView()
        var from = scalars.startIndex
        for mark in marks {
            out.append(contentsOf: scalars[from..<mark])
            out.append("'")
            from = mark
        }
        out.append(contentsOf: scalars[from...])
        return String(out)
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@"]
    /// Where a spreadsheet may start a cell inside a field: the separators readers choose, and line ends.
    private static let separators: Set<Unicode.Scalar> = [",", ";", "\t", "\n", "\r"]

    /// What a spreadsheet drops or looks past before a cell's first character.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\"" || scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

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
    /// `object` gives it. Written directly as bytes: `JSONSerialization` goes through Foundation's
    /// object tree and would hold up every rebuild.
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
