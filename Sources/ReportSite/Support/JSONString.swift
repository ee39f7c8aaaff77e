/// JSON string literals, for the files reportsite writes by hand (open data, the search index):
/// `JSONSerialization` took seconds for 10,000 reports.
enum JSONString {
    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// as it is. In a script, "</" is written "<\/" so that no string can close the script element
    /// it is in.
    static func append(_ text: String, to json: inout String, inScript: Bool = false) {
        json += "\""
        // Most strings need no escape at all: copied whole. In a script a "/" needs one only after
        // a "<", so it is the "<" that sends a string (every page address has a "/") the slow way.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || (inScript && $0 == 0x3C) }) else {
            json += text
            json += "\""
            return
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case "/" where inScript && previous == "<": json += "\\/"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        json += "\""
    }

    /// `text` as a JSON string (see `append`).
    static func quoted(_ text: String, inScript: Bool = false) -> String {
        var json = ""
        append(text, to: &json, inScript: inScript)
        return json
    }
}
