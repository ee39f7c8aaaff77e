import Foundation

/// Reads the `sources:` and `notes:` of a report or region file.
enum SourceDecoder {
    /// Each item is a document's name, a web address on its own, or `{ title: …, url: … }`.
    static func sources(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> [Source] {
        (value?.array(&log) ?? []).compactMap { source($0, &log) }
    }

    /// One source: a title and url, a web address, or a title alone.
    static func source(_ item: YAMLValue, _ log: inout DiagnosticLog) -> Source? {
        if case .mapping = item.node {
            guard let object = item.object(&log) else { return nil }
            object.rejectUnknownKeys(["title", "url"], &log)
            guard let title = object.required("title", &log, note: "name the public document a reader can find")?.string(&log) else { return nil }
            let url = object.optional("url").flatMap { link($0, &log) }
            warnIfLocal(title, item, &log)
            return Source(title: title, url: url)
        }
        guard let text = item.string(&log) else { return nil }
        if text.hasPrefix("https://") || text.hasPrefix("http://") { return Source(title: text, url: text) }
        warnIfLocal(text, item, &log)
        return Source(title: text)
    }

    /// Working notes for editors: one text, or a list of lines. Shown in the preview only.
    static func notes(_ value: YAMLValue?, _ log: inout DiagnosticLog) -> String? {
        guard let value, !value.isNull else { return nil }
        if case .sequence = value.node { return value.strings(&log)?.joined(separator: "\n") }
        return value.string(&log)
    }

    /// A link target from content: a web address, `mailto:` or a relative link, never a scheme that
    /// runs code (`javascript:`, `data:` …).
    static func link(_ value: YAMLValue, _ log: inout DiagnosticLog) -> String? {
        guard let text = value.string(&log) else { return nil }
        if let problem = LinkPolicy.problem(text) {
            log.append(value.diagnostic(problem.message, note: problem.note))
            return nil
        }
        return text
    }

    /// A local file name (`report.txt`), or a note of where a figure came from, is no source a
    /// reader can follow.
    private static func warnIfLocal(_ title: String, _ item: YAMLValue, _ log: inout DiagnosticLog) {
        let range = NSRange(title.startIndex..., in: title)
        guard let match = localFile.firstMatch(in: title, range: range), let found = Range(match.range, in: title) else { return }
        log.append(item.diagnostic(
            "source names a local file ('\(title[found])'), which a reader cannot find",
            note: "cite the public document by name (and url:); keep working notes in notes:, which is never published",
            .warning))
    }

    private static let localFile = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9_.:-]+\.(txt|csv|tsv|md|yml|yaml|json|xlsx?|docx?)\b|\bseed[: ]\d+|\brow \d+\b"#, options: [.caseInsensitive])
}
