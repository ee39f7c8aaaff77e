import Foundation

/// Starts a page of the site's own (`pages/<slug>.md`: about, contact, a statement) as a draft, with
/// every field the format takes. It passes `check` as it is; the preview shows it; a build leaves it
/// out until `draft: true` is removed.
public struct NewPage: Sendable {
    /// What the editor typed: a file name (`contact-us`) or a title (`Contact us`).
    public var name: String
    /// The page's title; by default made from `name`.
    public var title: String?

    public init(name: String, title: String? = nil) {
        self.name = name
        self.title = title
    }

    /// The page's slug: `name` itself when it is a valid one, else made from it.
    public var slug: String { Slug.isValid(name) ? name : Slug.make(name) }

    /// Writes the page into `content`'s pages folder; returns its path. Refuses a name the site uses
    /// for its own pages, and to replace a file that is there.
    public func write(into content: String) throws(DiagnosticsError) -> String {
        let (path, text) = try make(content: content)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "cannot write the new page: \(error.localizedDescription)")])
        }
        return path
    }

    /// The new page's path and text.
    func make(content: String) throws(DiagnosticsError) -> (path: String, text: String) {
        let folder = (content as NSString).appendingPathComponent("pages")
        let slug = self.slug
        guard !slug.isEmpty, Slug.isValid(slug) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: folder), "'\(name)' cannot name a page",
                                               note: "give a name with letters or digits, e.g. 'contact-us'")])
        }
        let path = (folder as NSString).appendingPathComponent("\(slug).md")
        if let owner = SitePageDecoder.takenNames[slug] {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "the page name '\(slug)' is taken: the site writes \(owner) at \(slug)/",
                                               note: "choose another name, e.g. about-\(slug)")])
        }
        if NewReport.slugs(in: folder).contains(slug) {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "a page named '\(slug)' is already there; refusing to replace it",
                                               note: "edit that page, or choose another name")])
        }
        let title = self.title ?? (Slug.isValid(name) ? Self.title(fromSlug: name) : name)
        let text = """
            ---
            # A page of the site's own, at \(slug)/index.html. Link it from the header or the footer in
            # site.yml with {title: "...", page: \(slug)}. While `draft: true` stays, only the preview shows it.
            title: \(Self.quoted(title))
            # One sentence for search engines and link previews:
            # description: "..."
            draft: true
            # The day the page last changed in substance, shown at its foot:
            # updated: YYYY-MM-DD
            ---
            Write the page here, in Markdown. Link other pages of the site by their path from this one,
            for example [the regions](../regions/index.html).

            """
        return (path, text)
    }

    /// `contact-us` -> `Contact us`.
    static func title(fromSlug slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
