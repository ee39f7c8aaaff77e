/// A file under `Content/files/` (a PDF, a spreadsheet, an image), copied into the site under `files/`
/// with the same path, for texts to link to or show.
public struct Attachment: Sendable, Hashable {
    /// Its path in the site: `files/…`.
    public var path: String
    /// Its file in the content folder.
    public var source: String
    public var size: Int64
    /// Its modification time (nanoseconds since 1970): with the size, what tells an incremental
    /// build that it changed.
    public var modified: Int64

    /// The file's type as a reader knows it, from its extension: "PDF", "CSV", "PNG".
    public var kind: String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "file" }
        return name[name.index(after: dot)...].uppercased()
    }
}
