import Foundation

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterDocument: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// Line of the file on which the body starts.
    var bodyFirstLine: Int
    /// Byte of the file at which the body starts; nil when line endings were changed, so that the
    /// body is not the file's bytes from there.
    var bodyOffset: Int?
}

/// Splits `---`-fenced front matter from a Markdown file.
enum FrontMatter {
    /// Splits `text`, read from `file`, or returns a diagnostic saying what is wrong with its fences.
    ///
    /// Works on the UTF-8 bytes and stops at the closing fence, so a long body costs one copy, not a
    /// walk over its lines: with thousands of reports this was the slowest part of loading.
    static func split(_ text: String, file: String) -> Result<FrontMatterDocument, Diagnostic> {
        // Windows line endings are normalised first; the number of lines, and so every line number, stays the same.
        // memchr: the generic `contains` walks a long body a byte at a time.
        let normalised = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0D, $0.count) != nil }
            ?? text.utf8.contains(UInt8(ascii: "\r"))
        let text = normalised ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let bytes = text.utf8
        // A byte-order mark before the opening fence is allowed.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.index(bytes.startIndex, offsetBy: 3) : bytes.startIndex
        var lines = LineCursor(bytes: bytes, position: start)
        guard let opening = lines.next(), isFence(bytes[opening]) else {
            return .failure(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "missing front matter",
                note: "start the file with a line '---', the YAML fields, and another line '---'"))
        }
        let yamlStart = lines.position
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            guard isFence(bytes[line]) else { continue }
            // The YAML keeps no trailing newline, as if its lines were joined.
            let yamlEnd = line.lowerBound > yamlStart ? bytes.index(before: line.lowerBound) : yamlStart
            return .success(FrontMatterDocument(
                yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                body: String(text[lines.position...]), bodyFirstLine: lineNumber + 1,
                bodyOffset: normalised ? nil : bytes.distance(from: bytes.startIndex, to: lines.position)))
        }
        return .failure(Diagnostic(
            at: SourceLocation(file: file, line: 1, column: 1),
            "front matter is not terminated",
            note: "add a line '---' after the last YAML field"))
    }

    /// Walks a text line by line, giving each line's range without its newline.
    private struct LineCursor {
        let bytes: String.UTF8View
        var position: String.Index
        private var done = false

        init(bytes: String.UTF8View, position: String.Index) {
            self.bytes = bytes
            self.position = position
        }

        mutating func next() -> Range<String.Index>? {
            guard !done else { return nil }
            let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = position..<end
            if end == bytes.endIndex { done = true; position = end } else { position = bytes.index(after: end) }
            return line
        }
    }

    /// `---`, with any trailing spaces or tabs.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(line[line.index(before: end)]) {
            end = line.index(before: end)
        }
        return line[line.startIndex..<end].elementsEqual("---".utf8)
    }
}
