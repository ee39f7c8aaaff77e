/// Mistakes in a report's or region's text that cmark-gfm would render without a word: a level-1
/// heading, written `# Heading` or underlined with `===` (the page's title is the only one; a second
/// breaks the contents list), and footnotes whose reference or definition is missing (printed as a
/// literal `[^1]`, or never shown).
///
/// Footnotes are found by a scan of the UTF-8 bytes, line by line, skipping fenced code as cmark-gfm
/// does: every report's text is scanned at every full build, so it runs at memory speed (columns are
/// counted in bytes, as cmark-gfm counts them). Headings are what cmark-gfm's own tree says they are,
/// since a line of `=` is a heading or not by rules a scan would only imitate (under a paragraph, not
/// in a list item's lazy continuation, not in code); the scan only decides whether a text has a line
/// that could be one, so that most texts are not parsed twice.
enum TextChecks {
    static func check(_ text: String, file: String, firstLine: Int, _ log: inout DiagnosticLog) {
        var text = text
        var problems: [Diagnostic] = []
        var mayHaveHeading = false
        text.withUTF8 { bytes in (problems, mayHaveHeading) = scan(bytes, file: file, firstLine: firstLine) }
        if mayHaveHeading {
            for heading in MarkdownRenderer.levelOneHeadings(in: text) {
                let place = SourceLocation(file: file, line: firstLine + heading.line - 1, column: heading.column)
                problems.append(heading.underlined
                    ? Diagnostic(at: place, "a heading underlined with '===' in the text: that is a level-1 heading, and the page's title is the only one",
                                 note: "underline it with '---' instead, or write it as '## Heading'")
                    : Diagnostic(at: place, "a heading at '#' in the text: '#' is the page's title",
                                 note: "start the text's headings at '##' (and their subheadings at '###')"))
            }
        }
        for problem in Diagnostic.limited(problems) { log.append(problem) }
    }

    private static let hash = UInt8(ascii: "#"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    private static let open = UInt8(ascii: "["), caret = UInt8(ascii: "^"), close = UInt8(ascii: "]"), colon = UInt8(ascii: ":")
    private static let backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~"), equals = UInt8(ascii: "="), quote = UInt8(ascii: ">")

    /// The footnote problems, and whether a line starts with `#` or `=` outside fenced code.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int) -> ([Diagnostic], Bool) {
        var problems: [Diagnostic] = []
        var mayHaveHeading = false
        // The fence that is open: its character and length.
        var fence: (byte: UInt8, count: Int)?
        var references: [(label: [UInt8], line: Int, column: Int)] = []
        var definitions: [[UInt8]: (line: Int, column: Int)] = [:]
        var line = firstLine
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            defer { start = end + 1; line += 1 }
            var first = start
            while first < end, bytes[first] == space { first += 1 }
            let indent = first - start
            guard indent < 4, first < end else { continue }
            let lead = bytes[first]
            if lead == backtick || lead == tilde {
                var run = first
                while run < end, bytes[run] == lead { run += 1 }
                if run - first >= 3 {
                    if let open = fence {
                        if open.byte == lead, run - first >= open.count, (run..<end).allSatisfy({ bytes[$0] == space || bytes[$0] == tab }) { fence = nil }
                    } else {
                        fence = (lead, run - first)
                    }
                    continue
                }
            }
            guard fence == nil else { continue }
            if !mayHaveHeading {
                // `# ` or a line of `=`, also inside a block quote: most texts have neither and are not parsed again.
                var at = first
                while at < end, bytes[at] == space || bytes[at] == tab || bytes[at] == quote { at += 1 }
                if at < end, bytes[at] == hash, at + 1 == end || bytes[at + 1] == space || bytes[at + 1] == tab { mayHaveHeading = true }
                if at < end, bytes[at] == equals, (at..<end).allSatisfy({ bytes[$0] == equals || bytes[$0] == space || bytes[$0] == tab }) {
                    mayHaveHeading = true
                }
            }
            var at = first
            while at + 1 < end {
                guard bytes[at] == open, bytes[at + 1] == caret else { at += 1; continue }
                var closing = at + 2
                while closing < end, bytes[closing] != close, bytes[closing] != space, bytes[closing] != tab { closing += 1 }
                guard closing < end, bytes[closing] == close, closing > at + 2 else { at += 2; continue }
                let label = Array(bytes[(at + 2)..<closing])
                if at == first, closing + 1 < end, bytes[closing + 1] == colon {
                    if definitions[label] == nil { definitions[label] = (line, indent + 1) }
                } else {
                    references.append((label, line, at - start + 1))
                }
                at = closing + 1
            }
        }
        var used: Set<[UInt8]> = []
        for reference in references {
            used.insert(reference.label)
            guard definitions[reference.label] == nil else { continue }
            let label = String(decoding: reference.label, as: UTF8.self)
            problems.append(Diagnostic(at: SourceLocation(file: file, line: reference.line, column: reference.column),
                                       "footnote '[^\(label)]' has no definition, so it would print as it is written",
                                       note: "add '[^\(label)]: …' on a line of its own, at the end of the text"))
        }
        for (labelBytes, place) in definitions.sorted(by: { $0.value.line < $1.value.line }) where !used.contains(labelBytes) {
            let label = String(decoding: labelBytes, as: UTF8.self)
            problems.append(Diagnostic(.warning, at: SourceLocation(file: file, line: place.line, column: place.column),
                                       "footnote '[^\(label)]' is defined but never used, so it is not shown",
                                       note: "refer to it in the text as '[^\(label)]', or remove the definition"))
        }
        return (problems, mayHaveHeading)
    }
}
