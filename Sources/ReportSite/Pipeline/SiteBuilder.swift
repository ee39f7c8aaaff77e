import Foundation

/// Runs the whole pipeline: load content, resolve the graph, render Markdown and templates, and write
/// the site atomically.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The compiled templates every page is made with.
        public var look: any PageTemplates
        public var content: String
        /// The templates folder, whose `assets/` (CSS, scripts, icon) is copied into the site.
        public var templates: String
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
        public var sitemapLimit = ViewBuilder.sitemapLimit

        public init(look: any PageTemplates, content: String = "Content", templates: String = "Templates", output: String = "Output",
                    includeDrafts: Bool = false, liveReload: Bool = false, today: PartialDate = PartialDate(day: Date()),
                    cacheRoot: String? = nil) {
            self.look = look
            self.content = content
            self.templates = templates
            self.output = output
            self.includeDrafts = includeDrafts
            self.liveReload = liveReload
            self.today = today
            self.cacheRoot = cacheRoot
        }

        /// The cache of this build's output folder.
        public var cache: BuildCache {
            BuildCache(root: cacheRoot ?? BuildCache.defaultRoot(content: content), output: output)
        }

        /// The folders whose files a build reads: the content, and the assets beside the templates.
        /// The templates themselves are compiled into the binary, whose identity every fingerprint holds.
        public var inputFolders: [String] { [content, TemplateAssets.path(in: templates)] }
    }

    /// What a successful build made.
    public struct Report: Sendable {
        /// Every file of the site, relative to the output folder, in no particular order: sorting
        /// 20,000 names took longer than the preview's rebuild of a report's text.
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
        /// What the build loaded and made, kept with the report rather than freed as the build
        /// returns: at 10,000 reports freeing it took a tenth of a second, which a command that
        /// exits right after printing need not spend (see `BuildCommand`).
        var model: (any Sendable)?
        public var pages: [String] { files.filter { $0.hasSuffix(".html") } }
        /// Whether the output was switched to a newly staged site; not when nothing had changed since
        /// the last build, so nothing was read beyond the files' dates and the output's list of files.
        public var switchedOutput = true
        public var wasUpToDate: Bool { !switchedOutput }
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
    /// the site afresh. `inputs` are the stamps of the content and template files when the caller
    /// has just taken them.
    public func build(remembering memory: inout BuildMemory?, inputs: InputStamps? = nil) async throws(DiagnosticsError) -> Report {
        let (report, next) = try await build(in: .memory(memory, cache: options.cache), inputs: inputs)
        if let next { memory = next }
        return report
    }

    /// The build, stage by stage; what it leaves for the next one when the store is in memory.
    ///
    /// Every build ends the same way: the staged tree is made to hold exactly the files of this
    /// build's manifest, and only then switched in (`commit`).
    private func build(in store: BuildStore, inputs stamped: InputStamps?) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory?) {
        var clock = StageClock()
        try folders.check()
        let lock = try await BuildLock.take(output: options.output, waiting: options.waiting ?? { _ in })
        defer { withExtendedLifetime(lock) {} }
        StagedOutput.removeLeftovers(of: options.output)
        let inputs = BuildInputs(options: options, stamps: stamped)
        let last = store.lastBuild(of: options.output)
        clock.mark("read file dates and the last build's state")
        if let last, last.manifest.isUpToDate(settings: inputs.settings, inputs: inputs.stamps, today: options.today, output: options.output) {
            return (upToDate(last.manifest, inputs: inputs, clock: clock), nil)
        }
        if let memory = last?.made(with: inputs.settings)?.memory,
           let rebuilt = try await rebuildReports(from: memory, inputs: inputs, clock: &clock) {
            return rebuilt
        }
        let site = try await loadAndCheck(last: last?.made(with: inputs.settings), inputs: inputs, clock: &clock)
        let plan = try plan(site, last: last, inputs: inputs, store: store, clock: &clock)
        let staged = try stage(plan)
        do throws(DiagnosticsError) {
            var made = try await render(plan, into: staged, clock: &clock)
            try await printPDFs(plan, &made, into: staged, clock: &clock)
            try await publishAttachments(plan, &made, into: staged, clock: &clock)
            let finished = try await finish(plan, made, into: staged, clock: &clock)
            let next = try commit(staged, plan: plan, finished: finished, clock: &clock)
            return (report(plan, finished, clock: clock), next)
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The first date after `graph.today` on which an inspection is published, after which the site
    /// must be built again.
    static func nextPublication(_ graph: SiteGraph) -> String? {
        graph.inspections.compactMap(\.published).filter { graph.today.isDefinitelyBefore($0) }.min()?.description
    }

    /// The search index's files of `graph` that differ from those the manifest lists in `existing`
    /// (the names, from the file in `output`), with the index's new state: `scores` are those of the
    /// reports this build rendered, `kept` the state the last build left, `facts` every text's
    /// headings. Each shard's digest (of its contents) goes into `pages`.
    static func searchIndexFiles(
        graph: SiteGraph, facts: [String: BodyFacts], scores: [String: [UInt64]], numbers: WordNumbers, kept: SearchPostings?,
        existing: [String: String], output: String, pages: inout [String: String]
    ) -> (files: [(path: String, data: Data)], postings: SearchPostings) {
        // The shards not remade are those the last build listed: without them all, every one is remade.
        let kept = kept.flatMap { kept in (0..<kept.shards).allSatisfy { existing[Routes.searchShard($0)] != nil } ? kept : nil }
        let index = SearchIndex(graph: graph, facts: facts)
        // Without the kept state, the numbers still go on from its words: a word no report uses
        // is in no shard, and the next full build starts the table afresh.
        let (postings, shards) = index.update(fresh: scores, numbers: numbers, kept: kept)
        var changed: [(path: String, data: Data)] = []
        // Its digest in the manifest is that of its inputs; it changes with a report's front matter,
        // not with a text, so it is compared with the file the last build wrote.
        let names = index.names(shards: postings.shards)
        if existing.isEmpty || FileManager.default.contents(atPath: (output as NSString).appendingPathComponent(Routes.searchIndex)) != names {
            changed.append((Routes.searchIndex, names))
        }
        for path in pages.keys where path.hasPrefix(Routes.searchShards) || path.hasPrefix(Routes.searchReportLists) { pages[path] = nil }
        // The report lists change with the reports' names alone, so are written only when their contents moved.
        for (number, data) in index.reportNames() {
            let path = Routes.searchReports(number), digest = Self.digest(of: data)
            pages[path] = digest
            if existing[path] != digest { changed.append((path, data)) }
        }
        for number in 0..<postings.shards {
            let path = Routes.searchShard(number)
            pages[path] = existing[path]
        }
        for (number, data) in shards {
            let path = Routes.searchShard(number)
            let digest = Self.digest(of: data)
            pages[path] = digest
            if existing[path] != digest { changed.append((path, data)) }
        }
        return (changed, postings)
    }

    /// The digest of a search file's contents, by which the manifest tells whether to write it again.
    private static func digest(of data: Data) -> String {
        data.withUnsafeBytes { bytes in
            var digest = ContentDigest()
            digest.combine(bytes: bytes)
            return digest.description
        }
    }

    /// The texts of the drafts left out of this build: still link targets, as `check` sees them.
    static func leftOutTexts(_ content: SiteContent, graph: SiteGraph) -> [BodyFacts] {
        let builtPages = Set(graph.pages.map(\.slug) + (graph.methodologyText.map { [$0.slug] } ?? []))
        let pages = BodyFacts.render(pages: content.pages.filter { !builtPages.contains($0.slug) }, frameworks: graph.frameworks)
        guard content.inspections.count != graph.inspections.count else { return pages }
        let built = Set(graph.inspections.map(\.slug))
        return BodyFacts.render(inspections: content.inspections.filter { !built.contains($0.slug) }, regions: []) + pages
    }

    /// Checks every link in the report, region and page texts (`facts`, and `leftOut`) against the pages
    /// and anchors of the site.
    static func linkProblems(facts: [String: BodyFacts], leftOut: [BodyFacts], graph: SiteGraph) -> [Diagnostic] {
        // A page of pages/ left out as a draft has no page to link to: a published page linking to
        // it would lead nowhere.
        // The methodology page is made without its text when the text is a draft.
        let draftPages = Set(leftOut.map(\.page).filter { !$0.hasPrefix("inspections/") && $0 != Routes.methodology })
        let problems = BodyLinkChecker(bodies: Array(facts.values) + leftOut, regions: graph.regions, glossary: graph.glossary,
                                       attachments: graph.attachments, frameworks: graph.frameworks, draftPages: draftPages).check()
        return problems.sorted { ($0.location.file, $0.location.line ?? 0) < ($1.location.file, $1.location.line ?? 0) }
    }

}
