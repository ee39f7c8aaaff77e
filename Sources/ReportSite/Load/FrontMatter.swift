/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterDocument: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Line of the file on which the body starts.
    public var bodyFirstLine: Int
}

/// Splits `---`-fenced front matter from a Markdown file.
public enum FrontMatter {
    /// Splits `text`, read from `file`, or returns a diagnostic saying what is wrong with its fences.
    public static func split(_ text: String, file: String) -> Result<FrontMatterDocument, Diagnostic> {
        // Swift treats "\r\n" as one Character, so Windows line endings are normalised before splitting;
        // the number of lines, and so every line number, stays the same.
        let text = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard let first = lines.first, isFence(first) else {
            return .failure(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "missing front matter",
                note: "start the file with a line '---', the YAML fields, and another line '---'"))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1),
                "front matter is not terminated",
                note: "add a line '---' after the last YAML field"))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatterDocument(
            yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---"
    }
}
