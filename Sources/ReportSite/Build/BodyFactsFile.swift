import Foundation

/// The facts of every rendered text as one tab-separated file, kept beside the manifest.
///
/// JSON took two seconds each way for 10,000 reports; this reads and writes at disk speed. One record
/// per line: `P page file firstLine`, then the page's `H level id text`, `F id` and
/// `L line column destination` lines. Tabs, line ends and backslashes in a field are escaped.
enum BodyFactsFile {
    static func encode(_ facts: [String: BodyFacts]) -> Data {
        var text = "reportsite texts 1\n"
        for page in facts.keys.sorted() {
            guard let fact = facts[page] else { continue }
            text += "P\t\(escape(fact.page))\t\(escape(fact.file))\t\(fact.firstLine)\n"
            for heading in fact.headings { text += "H\t\(heading.level)\t\(escape(heading.id))\t\(escape(heading.text))\n" }
            for id in fact.footnoteIDs { text += "F\t\(escape(id))\n" }
            for link in fact.links { text += "L\t\(link.line)\t\(link.column)\t\(escape(link.destination))\n" }
        }
        return Data(text.utf8)
    }

    /// The facts in `data`, or nil when it is not such a file (then every text is rendered again).
    static func decode(_ data: Data) -> [String: BodyFacts]? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == "reportsite texts 1" else { return nil }
        var facts: [String: BodyFacts] = [:]
        var current: BodyFacts?
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
            switch (fields.first, fields.count) {
            case ("P", 4):
                if let current { facts[current.page] = current }
                guard let firstLine = Int(fields[3]) else { return nil }
                current = BodyFacts(page: fields[1], file: fields[2], firstLine: firstLine)
            case ("H", 4):
                guard let level = Int(fields[1]) else { return nil }
                current?.headings.append(Heading(level: level, text: fields[3], id: fields[2]))
            case ("F", 2):
                current?.footnoteIDs.append(fields[1])
            case ("L", 4):
                guard let line = Int(fields[1]), let column = Int(fields[2]) else { return nil }
                current?.links.append(MarkdownLink(destination: fields[3], line: line, column: column))
            default:
                return nil
            }
        }
        if let current { facts[current.page] = current }
        return facts
    }

    private static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescape(_ field: Substring) -> String {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
