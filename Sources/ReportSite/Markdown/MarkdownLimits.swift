/// Limits on a Markdown body that keep cmark-gfm's time linear in the text, checked before the
/// library sees it.
///
/// The system's cmark-gfm takes time that grows with the product of two things in two places:
/// open block quotes and lists times the lines that continue them, and a table's columns times its
/// rows. Long lines, emphasis, brackets, links and backticks stay linear (docs/limits.md has the
/// measurements and how to repeat them with `bench/markdown_shapes.py`).
/// So nesting, the cells in one row and the cells in all tables are bounded; each limit is far
/// above what a report uses (the real content nests 2 deep and has 3 columns). The text's size is
/// bounded too, since memory grows with it for every shape, and so are the headings and links, which
/// cost the build more each than other text (docs/limits.md has the measured table).
enum MarkdownLimits {
    /// Bytes of one text. cmark-gfm's memory grows with the text at up to a few hundred bytes per
    /// byte for the densest inline shapes (emphasis openers, brackets, strikethrough, task items,
    /// autolinks), and its time with it; at this size every shape measured renders within the
    /// bounds docs/limits.md gives. The longest real report is a small fraction of it.
    static let maximumBytes = 256 << 10
    /// Headings in one text (`#` lines, and lines of `=` or `-` under a line of text, which may be
    /// setext headings): each becomes an entry of the page's contents, an id and a search section.
    static let maximumHeadings = 2_000
    /// Links, autolinks and email addresses in one text, as `](`, `www.`, `://` and `@` count them:
    /// each link is resolved and checked, and each email address cost cmark-gfm's autolinker
    /// thousands of bytes.
    static let maximumLinks = 10_000
    /// Block quotes and list items open at once, as the `>` and list markers starting a line count them.
    static let maximumNesting = 32
    /// Spaces before a line's text outside fenced code: a staircase of indented lists nests one
    /// level per two spaces, so this bounds the nesting that markers alone do not show.
    static let maximumIndent = 128
    /// Cells in one table row (the delimiter row's columns, or the `|`-separated parts of any row).
    static let maximumColumns = 128
    /// Cells in all the tables of one body, counting each row as wide as its table or wider.
    static let maximumTableCells = 200_000

    /// The first limit `body` goes over, as an error at its line and column, or nil.
    /// `firstLine` is the file's line on which the body starts.
    static func firstProblem(in body: String, file: String, firstLine: Int) -> Diagnostic? {
        var text = body
        return text.withUTF8 { bytes in
            if bytes.count > maximumBytes {
                // Where the limit is crossed, so that the author sees how much is over.
                let before = UnsafeBufferPointer(rebasing: bytes[..<maximumBytes])
                var line = 0, lineStart = 0
                for (index, byte) in before.enumerated() where byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
                return Diagnostic(at: SourceLocation(file: file, line: firstLine + line, column: maximumBytes - lineStart + 1),
                                  "the text is larger than \(maximumBytes >> 10) KB (it has \(bytes.count) bytes); the limit is crossed here",
                                  note: "cmark-gfm's memory and time grow with the text; split it, or publish long material as a file")
            }
            var scan = Scan(bytes: bytes)
            guard let problem = scan.run() else { return nil }
            return Diagnostic(at: SourceLocation(file: file, line: firstLine + problem.line - 1, column: problem.column),
                              problem.message, note: problem.note)
        }
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var line = 0
        var fence: (marker: UInt8, length: Int)?
        /// Columns of the table being read, nil outside a table.
        var tableColumns: Int?
        var tableCells = 0
        var headings = 0, links = 0
        /// Whether the line before held text, under which `===` or `---` makes a setext heading.
        var previousHadText = false
        /// Cells of the line before, the header row should this line be a delimiter row.
        var previousCells = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() -> (line: Int, column: Int, message: String, note: String)? {
            var start = 0
            while start <= bytes.count {
                line += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let problem = check(start..<end) { return problem }
                start = end + 1
            }
            return nil
        }

        private mutating func check(_ range: Range<Int>) -> (line: Int, column: Int, message: String, note: String)? {
            // Read before the containers: a lone `-` under a line of text underlines a heading, and
            // would otherwise pass for a list marker.
            let underline = fence == nil && isSetextUnderline(range)
            // The containers opening the line: spaces, tabs, `>` and list markers.
            var index = range.lowerBound
            var markers = 0
            var indent = 0
            while index < range.upperBound {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") { indent += 1; index += 1; continue }
                if byte == UInt8(ascii: "\t") { indent += 4; index += 1; continue }
                if fence == nil, byte == UInt8(ascii: ">") { markers += 1; index += 1; continue }
                if fence == nil, let after = listMarkerEnd(at: index, in: range) { markers += 1; index = after; continue }
                break
            }
            let column = index - range.lowerBound + 1
            if markers > maximumNesting {
                return (line, column, "block quotes and lists are nested more than \(maximumNesting) deep",
                        "cmark-gfm slows down with every level; a report never needs this many")
            }
            let rest = index..<range.upperBound
            if let open = fence {
                if startsFence(rest)?.marker == open.marker, (startsFence(rest)?.length ?? 0) >= open.length { fence = nil }
                return nil
            }
            if indent > maximumIndent {
                return (line, column, "the line is indented by more than \(maximumIndent) spaces",
                        "deep indentation nests lists that cmark-gfm reads slowly; indent less")
            }
            if let opened = startsFence(rest) { fence = opened; tableColumns = nil; previousHadText = false; return nil }

            if underline || isHeading(rest) { headings += 1 }
            defer { previousHadText = !rest.isEmpty && !underline }
            if headings > maximumHeadings {
                return (line, column, "the text has more than \(maximumHeadings) headings",
                        "each heading is an entry of the page's contents; a report has tens, so split the text")
            }
            if let at = countLinks(rest) {
                return (line, at - range.lowerBound + 1, "the text has more than \(maximumLinks) links, web addresses or email addresses",
                        "each is resolved, checked and rendered; a report has tens or hundreds, so split the text")
            }

            let rowCells = cells(in: rest)
            defer { previousCells = rowCells }
            if rest.isEmpty {
                tableColumns = nil
                return nil
            }
            if rowCells > maximumColumns, tableColumns != nil || isDelimiterRow(rest) {
                return (line, column, "a table row has more than \(maximumColumns) cells",
                        "cmark-gfm reads a row in time that grows with the square of its cells; split the table")
            }
            if tableColumns == nil, isDelimiterRow(rest) {
                if previousCells > maximumColumns {
                    return (line - 1, 1, "a table row has more than \(maximumColumns) cells",
                            "cmark-gfm reads a row in time that grows with the square of its cells; split the table")
                }
                tableColumns = max(1, rowCells)
                tableCells += 2 * tableColumns!
            } else if let columns = tableColumns {
                tableCells += max(columns, rowCells)
            }
            if tableCells > maximumTableCells {
                return (line, column, "the tables of this text have more than \(maximumTableCells) cells",
                        "cmark-gfm takes about a microsecond a cell; publish data this large as a file, not a table")
            }
            return nil
        }

        /// An ATX heading: one to six `#` then a space or the line's end.
        private func isHeading(_ range: Range<Int>) -> Bool {
            guard let first = range.first.map({ bytes[$0] }), first == UInt8(ascii: "#") else { return false }
            var after = range.lowerBound
            while after < range.upperBound, bytes[after] == UInt8(ascii: "#") { after += 1 }
            return after - range.lowerBound <= 6
                && (after == range.upperBound || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t"))
        }

        /// A line of only `=` or only `-` (after up to three spaces) under a line of text: a setext
        /// heading, or a rule (over-counting is what a limit wants).
        private func isSetextUnderline(_ range: Range<Int>) -> Bool {
            guard previousHadText else { return false }
            var start = range.lowerBound
            while start < range.upperBound, start - range.lowerBound < 3, bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < range.upperBound, bytes[start] == UInt8(ascii: "=") || bytes[start] == UInt8(ascii: "-") else { return false }
            var end = range.upperBound
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            return (start..<end).allSatisfy { bytes[$0] == bytes[start] }
        }

        /// Adds the line's `](`, `www.`, `://` and `@` to the count; the index of the one that goes
        /// over the limit, or nil.
        private mutating func countLinks(_ range: Range<Int>) -> Int? {
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                var found = false
                switch byte {
                case UInt8(ascii: "@"): found = true
                case UInt8(ascii: "]"): found = index + 1 < range.upperBound && bytes[index + 1] == UInt8(ascii: "(")
                case UInt8(ascii: ":"): found = index + 2 < range.upperBound && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
                case UInt8(ascii: "w"), UInt8(ascii: "W"):
                    found = index + 3 < range.upperBound && bytes[index + 3] == UInt8(ascii: ".")
                        && (bytes[index + 1] | 0x20) == UInt8(ascii: "w") && (bytes[index + 2] | 0x20) == UInt8(ascii: "w")
                default: break
                }
                if found {
                    links += 1
                    if links > maximumLinks { return index }
                }
                index += 1
            }
            return nil
        }

        /// Where the text after a list marker (`-`, `*`, `+`, `1.`, `1)` followed by a space or the
        /// line's end) starts, or nil when there is none at `index`.
        private func listMarkerEnd(at index: Int, in range: Range<Int>) -> Int? {
            var after = index
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                after += 1
            } else {
                while after < range.upperBound, after - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[after]) { after += 1 }
                guard after > index, after < range.upperBound, bytes[after] == UInt8(ascii: ".") || bytes[after] == UInt8(ascii: ")") else { return nil }
                after += 1
            }
            guard after == range.upperBound || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") else { return nil }
            return after
        }

        /// The fence a line opens or closes (three or more backticks or tildes), or nil.
        private func startsFence(_ range: Range<Int>) -> (marker: UInt8, length: Int)? {
            guard let first = range.first.map({ bytes[$0] }), first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
            var length = 0
            while range.lowerBound + length < range.upperBound, bytes[range.lowerBound + length] == first { length += 1 }
            return length >= 3 ? (first, length) : nil
        }

        /// A GFM table's delimiter row: only `|`, `-`, `:` and spaces, with a `-` and a `|`.
        /// An over-estimate (the header's cells are not compared), which is what a limit wants.
        private func isDelimiterRow(_ range: Range<Int>) -> Bool {
            var dash = false, pipe = false
            for index in range {
                switch bytes[index] {
                case UInt8(ascii: "-"): dash = true
                case UInt8(ascii: "|"): pipe = true
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
                default: return false
                }
            }
            return dash && pipe
        }

        /// Cells of a row: its `|`-separated parts, leaving out the empty ends of `|a|b|`.
        private func cells(in range: Range<Int>) -> Int {
            var parts = 1
            for index in range where bytes[index] == UInt8(ascii: "|") { parts += 1 }
            var trimmed = range
            while let first = trimmed.first, bytes[first] == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, bytes[last] == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
            if trimmed.first.map({ bytes[$0] == UInt8(ascii: "|") }) ?? false { parts -= 1 }
            if trimmed.count > 1, trimmed.last.map({ bytes[$0] == UInt8(ascii: "|") }) ?? false { parts -= 1 }
            return parts
        }
    }
}
