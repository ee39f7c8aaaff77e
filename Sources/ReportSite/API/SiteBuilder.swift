import Foundation
import ReportSiteViews

/// Runs the whole pipeline: load content, resolve the graph, render Markdown and templates, and write
/// the site atomically.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The compiled templates every page is made with.
        public var templates: any PageTemplates
        public var content: String
        /// The templates folder, whose `assets/` (CSS, scripts, icon) is copied into the site.
        public var templatesFolder: String
        public var output: String
        /// Include drafts (marked `draft: true`, or published after `today`), each with a banner.
        public var includeDrafts: Bool
        /// Add the live-reload script the preview server answers; never in a published build.
        public var liveReload: Bool
        /// The day the site is built for.
        public var today: PartialDate
        /// The folder under which builds keep their bookkeeping (`BuildCache`); nil for
        /// `.reportsite-cache` beside the content folder.
        public var cacheRoot: String?
        /// Give the stylesheet, scripts and icon names with a digest of their contents (see
        /// `SiteAssets`): every build but the preview's.
        public var fingerprintAssets: Bool { !liveReload }
        /// The browser that prints each report's PDF when the site has PDFs (`pdf: true` in `site.yml`);
        /// nil to find Chromium on `PATH`. The preview never prints.
        public var browser: String?
        /// Make the search index (names, shards, the reports' texts); off only to measure what it costs
        /// (the benchmark's hidden `build --without-search-index`).
        public var searchIndex = true
        /// Told, once, when the build must wait for another build into the same output folder.
        public var waiting: (@Sendable (String) -> Void)?
        /// The site's address for this build (`build --base-url`), in place of `site.yml`'s `base_url`.
        public var baseURL: BaseURLOverride?
        /// How many addresses a sitemap file lists before `sitemap.xml` becomes an index of several:
        /// the protocol's limit, lowered only by the tests, which cannot build 50,000 pages.
        package var sitemapLimit = ViewBuilder.sitemapLimit
        /// How many reports a word of the search index is in before its shard holds only its best
        /// postings (`SearchIndex.splitLimit`), lowered by the tests and by the hidden
        /// `build --search-split-limit`, so that a small site shows what a large one does.
        package var searchSplitLimit = SearchIndex.splitLimit

        public init(templates: any PageTemplates, content: String = "Content", templatesFolder: String = "Templates", output: String = "Output",
                    includeDrafts: Bool = false, liveReload: Bool = false, today: PartialDate = PartialDate(day: Date()),
                    cacheRoot: String? = nil) {
            self.templates = templates
            self.content = content
            self.templatesFolder = templatesFolder
            self.output = output
            self.includeDrafts = includeDrafts
            self.liveReload = liveReload
            self.today = today
            self.cacheRoot = cacheRoot
        }

        /// The cache of this build's output folder.
        var cache: BuildCache {
            BuildCache(root: cacheRoot ?? BuildCache.defaultRoot(content: content), output: output)
        }

        /// The folders whose files a build reads: the content, and the assets beside the templates.
        /// The templates themselves are compiled into the binary, whose identity every fingerprint holds.
        package var inputFolders: [String] { [content, TemplateAssets.path(in: templatesFolder)] }
    }

    /// What a successful build made.
    public struct Report: Sendable {
        /// Every file of the site, relative to the output folder, in no particular order: sorted only
        /// when asked, since the preview's rebuild of a report's text need not sort every name.
        var siteFiles: [String]
        /// Every file of the site, relative to the output folder, sorted.
        public var files: [String] { siteFiles.sorted() }
        /// How many files the site has.
        public var fileCount: Int { siteFiles.count }
        /// How many of them are pages (HTML).
        public var pageCount: Int { siteFiles.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) } }
        /// The files made this time; the others were kept from the last build, their inputs unchanged.
        public var written: [String]
        public var inspectionPages: Int
        public var regionPages: Int
        public var pduPages: Int
        public var warnings: [Diagnostic]
        public var seconds: Double
        /// Drafts the site leaves out (0 when nothing was built).
        public var draftsLeftOut = 0
        /// Where the time went, stage by stage.
        public var clock = StageClock()
        /// What the build loaded and made, which lives as long as the report does: see `BuiltModel`.
        var model: BuiltModel?
        public var pages: [String] { files.filter { $0.hasSuffix(".html") } }
        /// Whether the output was switched to a newly staged site; not when nothing had changed since
        /// the last build, so nothing was read beyond the files' dates and the output's list of files.
        public var switchedOutput = true
        public var wasUpToDate: Bool { !switchedOutput }
    }

    /// The one place the build's memory is kept on purpose: the report holds the model the build
    /// loaded and made, so that it is freed when the caller lets go of the report rather than as
    /// the build returns. A command that exits right after printing the report never pays for
    /// freeing it (the system takes the memory back at exit); the preview, which keeps building,
    /// drops each report once it has logged it. What a preview keeps between builds is `BuildMemory`.
    struct BuiltModel: Sendable {
        let plan: BuildPlan
        let finished: FinishedBuild
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site, remaking only the pages whose inputs changed since the last build, or throws
    /// every diagnostic; on failure the output folder is left as it was.
    public func build() async throws(DiagnosticsError) -> Report {
        try await build(in: .disk(options.cache), inputs: nil).report
    }

    /// `build()`, taking what the last build left from `memory` instead of reading it back from the
    /// build cache, and leaving there what this one made; unchanged when the build fails.
    ///
    /// Such a build keeps its state (manifest, texts' facts, decoded reports, the site's model) in
    /// `memory` alone and takes it out of the build cache, so a later build without the memory makes
    /// the site afresh.
    public func build(remembering memory: inout BuildMemory?) async throws(DiagnosticsError) -> Report {
        try await build(remembering: &memory, inputs: nil)
    }

    /// `build(remembering:)` given the stamps of the content and template files, which the preview's
    /// watcher has just taken.
    package func build(remembering memory: inout BuildMemory?, inputs: InputStamps?) async throws(DiagnosticsError) -> Report {
        let (report, next) = try await build(in: .memory(memory, cache: options.cache), inputs: inputs)
        if let next { memory = next }
        return report
    }
}
