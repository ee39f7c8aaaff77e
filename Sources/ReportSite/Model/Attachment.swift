/// A file under `Content/files/` (a PDF, a spreadsheet, an image), copied into the site under `files/`
/// with the same path, for texts to link to or show.
struct Attachment: Sendable, Hashable {
    /// Its path in the site: `files/…`.
    var path: String
    /// Its file in the content folder.
    var source: String
    var size: Int64
    /// Its modification time (nanoseconds since 1970): with the size, what tells an incremental
    /// build that it changed.
    var modified: Int64

    /// The file's type as a reader knows it, from its extension: "PDF", "CSV", "PNG".
    var kind: String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "file" }
        return name[name.index(after: dot)...].uppercased()
    }
}

/// What an attachment's extension says it is, and whether it may be published: documents,
/// spreadsheets, presentations, raster images and plain text, which a browser shows or downloads
/// without running anything. A page (`.html`), a drawing (`.svg`), a script (`.js`) or XML would run
/// script when opened from the site, around the ban on raw HTML in texts, so they are refused.
enum AttachmentType {
    case allowed
    case runsScript(String)
    case unknown(String)

    /// Every extension an attachment may have, by kind.
    static let publishable: [(kind: String, extensions: [String])] = [
        ("documents", ["pdf", "doc", "docx", "odt", "rtf"]),
        ("spreadsheets", ["xls", "xlsx", "ods", "csv"]),
        ("presentations", ["ppt", "pptx", "odp"]),
        ("images", ["png", "jpg", "jpeg", "gif", "webp"]),
        ("plain text", ["txt"]),
    ]
    /// Extensions a browser runs script in, named as such in the refusal.
    static let scriptable: Set<String> = ["html", "htm", "xhtml", "shtml", "svg", "svgz", "js", "mjs", "xml", "xsl", "xslt", "swf"]

    init(fileName: String) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        if Self.publishable.contains(where: { $0.extensions.contains(ext) }) {
            self = .allowed
        } else if Self.scriptable.contains(ext) {
            self = .runsScript(ext)
        } else {
            self = .unknown(ext)
        }
    }

    var isPublishable: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// Why the file is not published.
    var refusal: String {
        switch self {
        case .allowed: return ""
        case .runsScript(let ext): return "a .\(ext) file is not published as an attachment: a browser would run any script in it"
        case .unknown(""): return "a file without an extension is not published as an attachment: readers could not tell what it is"
        case .unknown(let ext): return "a .\(ext) file is not published as an attachment: not a type the site publishes"
        }
    }

    static var allowedNote: String {
        "attachments may be " + publishable.map { "\($0.kind) (\($0.extensions.map { "." + $0 }.joined(separator: ", ")))" }.joined(separator: "; ")
            + "; to show a page or a chart, put it in the text or save it as PDF or PNG"
    }
}
