/// Mistakes in a report's or region's text that cmark-gfm would render without a word: a heading at
/// `#` (the page's title is the only one; a second breaks the contents list), and footnotes whose
/// reference or definition is missing (printed as a literal `[^1]`, or never shown).
///
/// A line scan, not a second parse: fenced code is skipped, as cmark-gfm does.
enum TextChecks {
    static func check(_ text: String, file: String, firstLine: Int, _ log: inout DiagnosticLog) {
        var fence: Substring?
        var references: [(label: Substring, line: Int, column: Int)] = []
        var definitions: [Substring: (line: Int, column: Int)] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent <= 3, let marker = ["```", "~~~"].first(where: rest.hasPrefix) {
                if let open = fence {
                    if rest.hasPrefix(open) && rest.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) { fence = nil }
                } else {
                    fence = rest.prefix { $0 == marker.first }
                }
                continue
            }
            guard fence == nil, indent < 4 else { continue }
            if rest.hasPrefix("#"), rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                log.append(Diagnostic(at: SourceLocation(file: file, line: number, column: indent + 1),
                                      "a heading at '#' in the text: '#' is the page's title",
                                      note: "start the text's headings at '##' (and their subheadings at '###')"))
            }
            var searchFrom = rest.startIndex
            if rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix(":") {
                let label = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
                if definitions[label] == nil { definitions[label] = (number, indent + 1) }
                searchFrom = rest.index(after: close)
            }
            var scan = rest[searchFrom...]
            while let open = scan.range(of: "[^") {
                guard let close = scan[open.upperBound...].firstIndex(of: "]") else { break }
                let label = scan[open.upperBound..<close]
                if !label.isEmpty, !label.contains(where: \.isWhitespace) {
                    let column = indent + line.distance(from: rest.startIndex, to: open.lowerBound) + 1
                    references.append((label, number, column))
                }
                scan = scan[close...]
            }
        }
        var used: Set<Substring> = []
        for reference in references {
            used.insert(reference.label)
            guard definitions[reference.label] == nil else { continue }
            log.append(Diagnostic(at: SourceLocation(file: file, line: reference.line, column: reference.column),
                                  "footnote '[^\(reference.label)]' has no definition, so it would print as it is written",
                                  note: "add '[^\(reference.label)]: …' on a line of its own, at the end of the text"))
        }
        for (label, place) in definitions.sorted(by: { $0.value.line < $1.value.line }) where !used.contains(label) {
            log.append(Diagnostic(.warning, at: SourceLocation(file: file, line: place.line, column: place.column),
                                  "footnote '[^\(label)]' is defined but never used, so it is not shown",
                                  note: "refer to it in the text as '[^\(label)]', or remove the definition"))
        }
    }
}
