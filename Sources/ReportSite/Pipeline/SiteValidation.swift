import Foundation

/// Every check of the content and the templates, shared by `build` and `check` so that the two can
/// never disagree about what is wrong.
struct SiteValidation: Sendable {
    /// Everything found, errors and warnings, in the order the stages found them.
    var diagnostics: [Diagnostic]
    /// The resolved site, when the content has no errors.
    var graph: SiteGraph?
    /// Everything loaded, drafts included.
    var content: SiteContent
    /// The inspection cache for the next build, when asked for.
    var cache: InspectionCache?

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Runs every stage that can run: a broken file does not stop the others from being checked.
    ///
    /// `build` passes `checkLinks: false` and checks the links itself from the pages it renders, so
    /// that no text is rendered twice.
    static func run(
        content contentFolder: String, templates templatesFolder: String, includeDrafts: Bool,
        today: PartialDate = PartialDate(day: Date()), checkLinks: Bool = true,
        cache: InspectionCache? = nil, makesCache: Bool = false, baseURL: BaseURLOverride? = nil, stamps: InputStamps? = nil
    ) async -> SiteValidation {
        let loader = ContentLoader(root: contentFolder, cache: cache, makesCache: makesCache, baseURL: baseURL, stamps: stamps?.files ?? [:])
        let (content, loadDiagnostics, newCache) = loader.readCaching()
        let (graph, graphDiagnostics) = SiteGraph.resolve(content, includeDrafts: includeDrafts, today: today)
        let linkDiagnostics = checkLinks
            ? BodyLinkChecker(bodies: BodyFacts.render(inspections: content.inspections, regions: content.regions)
                                + BodyFacts.render(pages: content.pages, frameworks: content.frameworks)
                                + BodyFacts.render(unplaced: content.unplacedTexts, frameworks: content.frameworks),
                              regions: content.regions, glossary: content.glossary, attachments: content.attachments,
                              frameworks: content.frameworks).check()
            : []
        let diagnostics = inReadingOrder(loadDiagnostics + graphDiagnostics + linkDiagnostics + assetDiagnostics(templatesFolder))
        return SiteValidation(diagnostics: diagnostics, graph: graph, content: content, cache: newCache)
    }

    /// The templates are compiled in; what remains of the templates folder is its assets, which
    /// every page links to: a folder without them would make a site without its styles.
    static func assetDiagnostics(_ templatesFolder: String) -> [Diagnostic] {
        var isDirectory: ObjCBool = false
        let assets = TemplateAssets.path(in: templatesFolder)
        guard FileManager.default.fileExists(atPath: assets, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [Diagnostic(at: SourceLocation(file: assets), "assets folder not found",
                               note: "the templates folder must hold \(TemplateAssets.folder)/ (CSS, scripts, icon), copied into the site")]
        }
        return []
    }

    /// `diagnostics` file by file, top to bottom, as an author fixes them; those at the same place
    /// in the order the stages found them.
    static func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { lhs, rhs in
                let a = lhs.element.location, b = rhs.element.location
                if a.file != b.file { return a.file < b.file }
                if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
                if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
