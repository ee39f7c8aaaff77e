import Foundation

/// The look of the site: one page of each kind made from its view. The `Templates` target implements
/// it in compiled Swift; the command line hands that implementation to `SiteBuilder`, so the pipeline
/// never depends on the look (in the spirit of Publish's `HTMLFactory`).
public protocol PageTemplates: Sendable {
    /// Names the templates and their version. The compiled templates are part of the binary, whose
    /// identity already goes into every page's fingerprint; this tells apart two looks in one binary
    /// (a test's, the site's), so that a page made by one is never kept for the other.
    var identity: String { get }

    func home(_ page: HomePageView) -> HTML
    func inspection(_ page: InspectionPageView) -> HTML
    /// The printable version of an inspection: one self-contained page, also the source of its PDF.
    func print(_ page: PrintPageView) -> HTML
    func region(_ page: RegionPageView) -> HTML
    func pdu(_ page: PDUPageView) -> HTML
    func regions(_ page: RegionsIndexView) -> HTML
    func pdus(_ page: PDUsIndexView) -> HTML
    func glossary(_ page: GlossaryPageView) -> HTML
    /// How scores and ratings work, from the framework files.
    func methodology(_ page: MethodologyPageView) -> HTML
    func search(_ page: SearchPageView) -> HTML
    /// A page of the site's own, from `Content/pages/`.
    func page(_ page: SitePageView) -> HTML
    func notFound(_ page: NotFoundView) -> HTML
    /// The Atom feed (XML: `HTML`'s escaping is right for it too).
    func feed(_ feed: FeedView) -> HTML
    /// `sitemap.xml`.
    func sitemap(_ sitemap: SitemapView) -> HTML
    /// `sitemap.xml` as the index of the sitemap files, when the site has more addresses than one may list.
    func sitemapIndex(_ index: SitemapIndexView) -> HTML
    /// `robots.txt`: plain text, in the same buffer type.
    func robots(_ robots: RobotsView) -> HTML
}

/// Where the files copied into the site as they are (CSS, scripts, the icon) live: `assets/` in the
/// templates folder.
public enum TemplateAssets {
    public static let folder = "assets"

    /// The assets folder under `templates`.
    public static func path(in templates: String) -> String {
        (templates as NSString).appendingPathComponent(folder)
    }

    /// The stylesheet whose `:root` block defines the look's colours and spacing.
    public static let stylesheet = "css/site.css"

    /// The `:root { … }` block of the stylesheet under `templates`: the colours and spacing, defined
    /// once, which the print version inlines (it stands alone, for printing and PDF); empty when the
    /// stylesheet has none. A "</" is written "<\\/" (the same in CSS) so that it cannot end the
    /// print version's `<style>` element.
    public static func designTokens(in templates: String) -> String {
        let path = (Self.path(in: templates) as NSString).appendingPathComponent(stylesheet)
        guard let css = try? String(contentsOfFile: path, encoding: .utf8),
              let start = css.range(of: ":root {"),
              let end = css.range(of: "}", range: start.upperBound..<css.endIndex) else { return "" }
        return String(css[start.lowerBound..<end.upperBound]).replacingOccurrences(of: "</", with: "<\\/") + "\n"
    }

    /// `(relative path, absolute path)` of every asset file under `templates`, sorted.
    static func files(in templates: String) -> [(relative: String, absolute: String)] {
        let base = path(in: templates)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [(String, String)] = []
        for case let relative as String in enumerator {
            let absolute = (base as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((relative, absolute))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
