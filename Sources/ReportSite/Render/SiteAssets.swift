import Foundation
import ReportSiteViews

/// The stylesheet, scripts and icon copied from the templates' assets folder, with the names they
/// get in the site.
///
/// A published site gives each a name with a digest of its contents (`css/site.3f2a9c1e04.css`), so
/// a browser or a CDN that keeps a file for long never pairs new pages with an old stylesheet: an
/// edited file is a new address. The preview keeps the plain names, so that a CSS edit remakes no
/// page; its server tells the browser not to reuse what it has.
struct SiteAssets: Sendable {
    struct File: Sendable {
        /// The path inside the assets folder.
        var source: String
        /// The path in the site.
        var path: String
        var data: Data
    }

    let files: [File]
    private let paths: [String: String]

    /// Reads every file of the assets folder under `templates`.
    init(templates: String, fingerprinted: Bool) throws(DiagnosticsError) {
        var files: [File] = []
        for asset in TemplateAssets.files(in: templates) {
            guard let data = FileManager.default.contents(atPath: asset.absolute) else {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: asset.absolute), "cannot read the asset")])
            }
            files.append(File(source: asset.relative, path: fingerprinted ? Self.fingerprinted(asset.relative, data) : asset.relative, data: data))
        }
        self.files = files
        paths = Dictionary(uniqueKeysWithValues: files.map { ($0.source, $0.path) })
    }

    /// `css/site.css` with a digest of `data` before its extension: `css/site.3f2a9c1e04.css`.
    static func fingerprinted(_ path: String, _ data: Data) -> String {
        var digest = ContentDigest()
        data.withUnsafeBytes { digest.combine(bytes: $0) }
        let hex = digest.description.prefix(10)
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let renamed = "\(name[..<dot]).\(hex)\(name[dot...])"
        return folder.isEmpty ? renamed : folder + "/" + renamed
    }

    /// The site path of the asset at `source` in the assets folder (as given when there is none, so
    /// the link check reports it).
    func path(_ source: String) -> String {
        paths[source] ?? source
    }

    /// The links every page's layout and its scripts need, from a page `root` away from the site root.
    func links(root: String) -> AssetLinks {
        Self.links(root: root, path: path)
    }

    /// The links, with `path` giving each asset's name in the site (by default its own).
    static func links(root: String, path: (String) -> String = { $0 }) -> AssetLinks {
        AssetLinks(stylesheet: root + path(TemplateAssets.stylesheet), favicon: root + path("favicon.svg"),
                   ratingsTableScript: root + path("js/ratings-table.js"), searchScript: root + path("js/search.js"))
    }
}
