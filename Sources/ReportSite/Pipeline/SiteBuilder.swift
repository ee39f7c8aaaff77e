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
        /// The browser that prints each report's PDF as part of the build; nil for a site without PDFs.
        public var pdfBrowser: String?
        /// Make the search index (names, shards, the reports' texts); off only to measure what it costs
        /// (the benchmark's hidden `build --without-search-index`).
        public var searchIndex = true
        /// Told, once, when the build must wait for another build into the same output folder.
        public var waiting: (@Sendable (String) -> Void)?
        /// The site's address for this build (`build --base-url`), in place of `site.yml`'s `base_url`.
        public var baseURL: BaseURLOverride?

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
        /// Nothing had changed since the last build, so nothing was read beyond the files' dates.
        public var wasUpToDate: Bool { written.isEmpty }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site, remaking only the pages whose inputs changed since the last build, or throws
    /// every diagnostic; on failure the output folder is left as it was.
    public func build() async throws(DiagnosticsError) -> Report {
        try await build(from: nil, remembering: false, inputs: nil).report
    }

    /// `build()`, taking what the last build left from `memory` instead of reading it back from the
    /// output folder, and leaving there what this one wrote; unchanged when the build fails.
    ///
    /// Such a build keeps its bookkeeping (manifest, texts' facts, decoded reports) in `memory` alone
    /// and takes it out of the build cache, so a later build without the memory makes the site
    /// afresh; writing it to disk was most of what is left of a one-file rebuild at 10,000 reports.
    /// `inputs` are the stamps of the content and template files when the caller has just taken them.
    public func build(remembering memory: inout BuildMemory?, inputs: InputStamps? = nil) async throws(DiagnosticsError) -> Report {
        let (report, next) = try await build(from: memory, remembering: true, inputs: inputs)
        if let next { memory = next }
        return report
    }

    /// The build, and what it leaves for the next one when asked to remember (nil when nothing was done).
    private func build(
        from memory: BuildMemory?, remembering: Bool, inputs stamped: InputStamps?
    ) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory?) {
        let start = Date()
        // Held until the build returns: one build at a time writes the output and its cache.
        let lock = try await BuildLock.take(output: options.output, waiting: options.waiting ?? { _ in })
        defer { withExtendedLifetime(lock) {} }
        StagedOutput.removeLeftovers(of: options.output)
        var clock = StageClock()
        let stampedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let inputs = stamped ?? InputStamps(folders: options.inputFolders)
        let tokens = TemplateAssets.designTokens(in: options.templates)
        let siteWide = PageFingerprints.siteWide(
            inputs: inputs, content: options.content, templates: options.templates, look: options.look.identity, tokens: tokens,
            options: ["drafts=\(options.includeDrafts)", "live-reload=\(options.liveReload)", "pdf=\(options.pdfBrowser != nil)",
                      "search-index=\(options.searchIndex)", "base-url=\(options.baseURL?.url ?? "")"],
            assets: options.fingerprintAssets)
        let cache = options.cache
        let remembered = memory.flatMap { $0.output == options.output ? $0 : nil }
        let previous = (remembered?.manifest ?? BuildManifest.read(from: cache))
            .flatMap { $0.settings == siteWide.description ? $0 : nil }
        clock.mark("read file dates and the manifest")
        if let previous, previous.isUpToDate(settings: siteWide.description, inputs: inputs, today: options.today, output: options.output) {
            clock.mark("compare with the manifest")
            let report = Report(siteFiles: Array(previous.pages.keys), written: [], inspectionPages: previous.inspectionPages,
                                regionPages: previous.regionPages, pduPages: previous.pduPages, warnings: [],
                                seconds: Date().timeIntervalSince(start), clock: clock)
            return (report, nil)
        }
        if let remembered, previous != nil,
           let rebuilt = try await rebuildReports(from: remembered, inputs: inputs, siteWide: siteWide, stampedAt: stampedAt,
                                                start: start, clock: &clock) {
            return (rebuilt.report, rebuilt.memory)
        }

        // The cache is as trustworthy as the manifest beside it: made by this same binary. It is
        // let go as soon as the content is loaded.
        var validation = await SiteValidation.run(
            content: options.content, templates: options.templates, includeDrafts: options.includeDrafts,
            today: options.today, checkLinks: false,
            cache: previous.map { previous in
                let settled = previous.stampedAt - 2_000_000_000
                return remembered?.inspections.settled(before: settled) ?? InspectionCache.read(from: cache, settledBefore: settled)
            },
            makesCache: true, baseURL: options.baseURL)
        let templates = options.look
        guard !validation.hasErrors, let graph = validation.graph else {
            throw DiagnosticsError(validation.diagnostics)
        }
        clock.mark("load and check content and templates")
        if Task.isCancelled { throw .cancelled }
        let medians = KeyQuestionMedians(of: graph)
        let fingerprints = PageFingerprints(graph: graph, siteWide: PageFingerprints.adding(pagesOf: graph, to: siteWide), medians: medians)
        let assets = try SiteAssets(templates: options.templates, fingerprinted: options.fingerprintAssets)
        let views = ViewBuilder(graph: graph, liveReload: options.liveReload, medians: medians, designTokens: tokens, assets: assets)
        let jobs = pageJobs(graph, templates: templates, fingerprints: fingerprints, views: views, assets: assets)
        clock.mark("fingerprint pages")

        // A job is redone when any file it makes is missing or was made from other inputs.
        let existing = previous?.pages ?? [:]
        let keptFacts = previous == nil ? [:] : remembered?.facts ?? BuildManifest.readFacts(from: cache)
        let keptSearch = previous == nil || !options.searchIndex
            ? nil : remembered?.search ?? cache.read(BuildCache.searchName).flatMap(SearchPostings.decode)
        let indexed = Set(keptSearch?.reports.map(\.slug) ?? [])
        clock.mark("read the texts' facts and the search index's state")
        // The files a remembered build made are taken to be there: the folder is the caller's own.
        // A report whose words the kept state lacks is rendered again, for them.
        // On every core, with `access` rather than FileManager: at 10,000 reports that is 30,000 files
        // looked for, a tenth of a one-file rebuild one at a time.
        let folder = options.output.hasSuffix("/") ? options.output : options.output + "/"
        let isStale = jobs.concurrentMap { job in
            job.paths.contains { path in
                existing[path] != job.fingerprint.description || remembered == nil && access(folder + path, F_OK) != 0
            } || job.factsPage.map { keptFacts[$0] == nil } ?? false || job.indexedSlug.map { !indexed.contains($0) } ?? false
        }
        let stale = zip(jobs, isStale).filter(\.1).map(\.0)
        // With a manifest to trust, only the stale files are made and moved in; without one the whole
        // site is made afresh and swapped in at once.
        let patching = previous != nil
        clock.mark("find what changed")

        // An incremental build patches the tree the last one put aside, made equal to the output by
        // relinking what the last build changed; the record of that is taken out of the cache first,
        // so a build that stops half-way leaves none, and the next one makes the tree afresh.
        let output: StagedOutput
        if patching && !remembering {
            let differences = cache.read(BuildCache.previousTreeName).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) }
            try cache.forgetPreviousTree()
            output = try StagedOutput.patching(output: options.output, protecting: [options.content, options.templates],
                                               differences: differences, siteFiles: Array(existing.keys))
        } else {
            output = try StagedOutput(output: options.output, protecting: [options.content, options.templates])
        }
        // A build that remembers keeps its bookkeeping in memory and none on disk.
        let bookkeeping: BuildCache.Staging?
        do throws(DiagnosticsError) {
            bookkeeping = remembering ? nil : try cache.staging()
        } catch {
            output.discard()
            throw error
        }
        do throws(DiagnosticsError) {
            // Written while the pages are made, then let go unless remembered: at 10,000 reports it
            // is 45 MB that need not be held to the end.
            let newCache = validation.cache.flatMap { $0.isUnchanged ? nil : $0 }
            let cacheToRemember = remembering ? validation.cache : nil
            validation.cache = nil
            async let cacheWritten = Self.write(bookkeeping == nil ? nil : newCache, to: bookkeeping)
            var made = try await run(patching ? stale : jobs, writingTo: output, numbering: WordNumbers(keptSearch?.words ?? []))
            try await cacheWritten.get()
            clock.mark("render and write \(made.paths.count) files")
            if let browser = options.pdfBrowser {
                made.paths += try await makePDFs(of: made.facts.keys, graph: graph, views: views, templates: templates,
                                                 browser: browser, in: output)
                clock.mark("print PDFs")
            }
            let textPages = Set(jobs.compactMap(\.factsPage))
            var facts = patching ? keptFacts.filter { textPages.contains($0.key) } : [:]
            facts.merge(made.facts) { _, new in new }

            var written = made.paths
            let searchIndexDigest = fingerprints.searchIndex(headings: facts)
            let searchIndexStale = patching == false || existing[Routes.searchIndex] != searchIndexDigest.description
                || !made.scores.isEmpty || keptSearch == nil
                || !FileManager.default.fileExists(atPath: (options.output as NSString).appendingPathComponent(Routes.searchIndex))
            var pages: [String: String] = options.searchIndex ? [Routes.searchIndex: searchIndexDigest.description] : [:]
            for job in jobs { for path in job.paths { pages[path] = job.fingerprint.description } }
            // Only the reports rendered again, or whose names or headings moved, are scored again, and
            // only the shards their words are in are remade; a shard is written when its contents changed.
            var search = keptSearch
            var searchFiles: [(path: String, data: Data)] = []
            if searchIndexStale && options.searchIndex {
                (searchFiles, search) = Self.searchIndexFiles(graph: graph, facts: facts, scores: made.scores, numbers: made.numbers,
                                                              kept: keptSearch, existing: patching ? existing : [:],
                                                              output: options.output, pages: &pages)
                // In the index's state now: let go before the caches are written.
                made.scores = [:]
            } else if options.searchIndex {
                for (path, digest) in existing where path.hasPrefix(Routes.searchShards) { pages[path] = digest }
            }
            clock.mark("search index: names and shards")
            let manifest = BuildManifest(
                settings: siteWide.description, inputs: inputs, stampedAt: stampedAt,
                nextPublication: Self.nextPublication(graph),
                pages: pages, inspectionPages: graph.inspections.count, regionPages: graph.regions.count, pduPages: graph.pdus.count)

            // The search index's files and the files kept for the next build are written side by
            // side: at 10,000 reports, one after another they were a third of a one-file rebuild.
            // Files whose contents did not change are not written again.
            let texts = facts
            // A preview keeps each inspection's part of the files listing them all, for its next save.
            let rows = remembering ? ListingRows(graph: graph) : nil
            var extras: [Extra] = []
            if let bookkeeping {
                extras.append(Extra(path: BuildCache.manifestName, into: bookkeeping) { FileParts(manifest.encoded()) })
                if !patching || texts != keptFacts {
                    extras.append(Extra(path: BuildCache.factsName, into: bookkeeping) { BuildManifest.encoded(facts: texts) })
                }
                if let search, search != keptSearch {
                    extras.append(Extra(path: BuildCache.searchName, into: bookkeeping) { search.parts() })
                }
            }
            for file in searchFiles { extras.append(Extra(path: file.path) { FileParts(file.data) }) }
            // The link check runs beside them; nothing is moved in unless it passes. Each file is
            // written as soon as it is made, so that they are not all in memory at once.
            let leftOut = Self.leftOutTexts(validation.content, graph: graph)
            let work: [@Sendable () -> [Diagnostic]] = [{ Self.linkProblems(facts: texts, leftOut: leftOut, graph: graph) }]
                + extras.map { extra in {
                    do throws(DiagnosticsError) {
                        if let cache = extra.cache {
                            try cache.write(extra.make(), as: extra.path)
                        } else {
                            try output.write(extra.make(), to: extra.path)
                        }
                        return []
                    } catch {
                        return error.diagnostics
                    }
                } }
            let problems = work.concurrentMap { $0() }.flatMap { $0 }
            if !problems.isEmpty { throw DiagnosticsError(problems) }
            written += searchFiles.map(\.path)
            clock.mark("check links; search index, manifest and caches")
            // The cache vouches for nothing while the output changes; once it has, the new
            // bookkeeping goes in, its manifest last.
            if remembering { try cache.forget() } else { try cache.invalidate() }
            let obsolete = Set(existing.keys).subtracting(pages.keys).sorted()
            if patching && remembering {
                try output.commitPatch(files: written, removing: obsolete)
            } else if patching {
                try output.commit(removing: obsolete)
                // What the tree now put aside lacks of the output: the next build relinks just that.
                try bookkeeping?.write([Data((written + obsolete).joined(separator: "\n").utf8)], as: BuildCache.previousTreeName)
            } else {
                // A full build leaves no tree aside: the record of one would describe nothing.
                try cache.forgetPreviousTree()
                try output.commit()
            }
            try bookkeeping?.commit()
            clock.mark("move the files in")
            var next: BuildMemory?
            if let cache = cacheToRemember, let rows {
                let model = BuildMemory.Model(graph: graph, assets: assets, fingerprints: fingerprints, medians: views.medians,
                                              leftOut: leftOut, warnings: validation.diagnostics, rows: rows, today: options.today)
                next = BuildMemory(output: options.output, manifest: manifest, facts: texts, search: search, inspections: cache, model: model)
            }
            let report = Report(
                siteFiles: Array(pages.keys), written: written.sorted(),
                inspectionPages: graph.inspections.count, regionPages: graph.regions.count, pduPages: graph.pdus.count,
                warnings: validation.diagnostics, seconds: Date().timeIntervalSince(start), draftsLeftOut: graph.draftsLeftOut, clock: clock,
                model: [validation, graph, jobs, texts, fingerprints, made.facts, keptFacts, search, keptSearch] as [any Sendable])
            return (report, next)
        } catch {
            output.discard()
            bookkeeping?.discard()
            throw error
        }
    }

    /// Writes the decoded reports into the cache's staging folder, when there are new ones to keep.
    private static func write(_ inspections: InspectionCache?, to bookkeeping: BuildCache.Staging?) -> Result<Void, DiagnosticsError> {
        guard let inspections, let bookkeeping else { return .success(()) }
        do throws(DiagnosticsError) {
            try bookkeeping.write(inspections.chunks(), as: BuildCache.inspectionsName)
            return .success(())
        } catch {
            return .failure(error)
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
        for path in pages.keys where path.hasPrefix(Routes.searchShards) { pages[path] = nil }
        for number in 0..<postings.shards {
            let path = Routes.searchShard(number)
            pages[path] = existing[path]
        }
        for (number, data) in shards {
            let path = Routes.searchShard(number)
            let digest = data.withUnsafeBytes { bytes in
                var digest = ContentDigest()
                digest.combine(bytes: bytes)
                return digest.description
            }
            pages[path] = digest
            if existing[path] != digest { changed.append((path, data)) }
        }
        return (changed, postings)
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

    /// A file made after the pages, from what rendering them found: for the site, or for the next
    /// build when `cache` is given.
    struct Extra: Sendable {
        var path: String
        var cache: BuildCache.Staging?
        /// The file's contents, made a part at a time as they are written.
        var make: @Sendable () -> FileParts

        init(path: String, into cache: BuildCache.Staging? = nil, make: @escaping @Sendable () -> FileParts) {
            self.path = path
            self.cache = cache
            self.make = make
        }
    }

    /// One or more files made together (an inspection and its print version share one Markdown
    /// rendering), with the digest of what they are made from.
    struct PageJob: Sendable {
        var paths: [String]
        var fingerprint: ContentDigest
        /// The page whose text this job renders, whose facts the link check and search index need.
        var factsPage: String?
        /// The report whose words this job scores for the search index.
        var indexedSlug: String?
        var render: @Sendable () -> Made

        /// What a job made: its files; of a text, its facts; of a report, its words' scores in the search index.
        struct Made: Sendable {
            var files: [(path: String, data: Data)]
            var facts: BodyFacts? = nil
            var search: (slug: String, scores: [ScoredWord])? = nil
        }

        init(path: String, _ fingerprint: ContentDigest, _ render: @escaping @Sendable () -> HTML) {
            paths = [path]
            self.fingerprint = fingerprint
            self.render = { Made(files: [(path, render().data)]) }
        }

        init(paths: [String], _ fingerprint: ContentDigest, factsPage: String?, _ render: @escaping @Sendable () -> Made) {
            self.paths = paths
            self.fingerprint = fingerprint
            self.factsPage = factsPage
            self.render = render
        }
    }

    /// Every file of the site but the search index (made last, from every text's headings), in a fixed order.
    func pageJobs(
        _ graph: SiteGraph, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder, assets: SiteAssets
    ) -> [PageJob] {
        var jobs = nationalJobs(graph, templates: templates, fingerprints: fingerprints, views: views)
        for page in graph.pages {
            jobs.append(sitePageJob(page, templates: templates, fingerprints: fingerprints, views: views))
        }
        for inspection in graph.inspections {
            jobs.append(inspectionJob(inspection, templates: templates, fingerprints: fingerprints, views: views))
        }
        for region in graph.regions {
            jobs.append(regionJob(region, templates: templates, fingerprints: fingerprints, views: views))
        }
        for entry in graph.pdus.values.sorted(by: { $0.pdu.slug < $1.pdu.slug }) {
            jobs.append(pduJob(entry, templates: templates, fingerprints: fingerprints, views: views))
        }
        for attachment in graph.attachments {
            var digest = ContentDigest(attachment.path)
            digest.combine(UInt64(bitPattern: attachment.size))
            digest.combine(UInt64(bitPattern: attachment.modified))
            jobs.append(PageJob(paths: [attachment.path], digest, factsPage: nil) {
                PageJob.Made(files: [(attachment.path, FileManager.default.contents(atPath: attachment.source) ?? Data())])
            })
        }
        for asset in assets.files {
            var digest = ContentDigest(asset.path)
            asset.data.withUnsafeBytes { digest.combine(bytes: $0) }
            jobs.append(PageJob(paths: [asset.path], digest, factsPage: nil) { PageJob.Made(files: [(asset.path, asset.data)]) })
        }
        return jobs
    }

    /// The pages about the whole site: home, indexes, feed, sitemap, open data (from `rows` when
    /// given) and the pages that show no inspection.
    func nationalJobs(
        _ graph: SiteGraph, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder, rows: ListingRows? = nil
    ) -> [PageJob] {
        let listings = fingerprints.listings, tables = fingerprints.tables
        return [
            PageJob(path: Routes.home, tables) { templates.home(views.homePage()) },
            PageJob(path: Routes.regions, tables) { templates.regions(views.regionsIndex()) },
            PageJob(path: Routes.pdus, tables) { templates.pdus(views.pdusIndex()) },
            PageJob(path: Routes.notFound, fingerprints.siteWide) { templates.notFound(views.notFound()) },
            PageJob(path: Routes.search, fingerprints.siteWide) { templates.search(views.searchPage()) },
            PageJob(path: Routes.glossary, fingerprints.siteWide) { templates.glossary(views.glossaryPage()) },
            methodologyJob(templates: templates, fingerprints: fingerprints, views: views),
            PageJob(path: Routes.feed, listings) { templates.feed(views.feed()) },
            PageJob(path: Routes.sitemap, tables) { templates.sitemap(views.sitemap()) },
            PageJob(path: Routes.robots, fingerprints.siteWide) { templates.robots(views.robots()) },
            PageJob(paths: [Routes.dataCSV], listings, factsPage: nil) {
                PageJob.Made(files: [(Routes.dataCSV, rows?.csv(graph) ?? OpenData(graph: graph).csv())])
            },
            PageJob(paths: [Routes.dataJSON], listings, factsPage: nil) {
                PageJob.Made(files: [(Routes.dataJSON, rows?.json(graph) ?? OpenData(graph: graph).json())])
            },
        ]
    }

    /// How scores and ratings work, opened by the methodology text when there is one.
    func methodologyJob(templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        guard let text = views.graph.methodologyText else {
            return PageJob(path: Routes.methodology, fingerprints.methodology) { templates.methodology(views.methodologyPage()) }
        }
        return textPageJob(text, path: Routes.methodology, fingerprints.methodology, views: views) {
            templates.methodology(views.methodologyPage(intro: $0))
        }
    }

    /// A page of `Content/pages/`, with its text.
    func sitePageJob(_ sitePage: SitePage, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        textPageJob(sitePage, path: Routes.page(sitePage.slug), fingerprints.page(sitePage), views: views) {
            templates.page(views.sitePage(sitePage, body: $0))
        }
    }

    /// The page at `path` that `make` makes from a text of `Content/pages/`, rendered, with the
    /// facts of the text that the link check needs.
    private func textPageJob(
        _ text: SitePage, path: String, _ fingerprint: ContentDigest, views: ViewBuilder,
        make: @escaping @Sendable (RenderedMarkdown) -> HTML
    ) -> PageJob {
        let renderer = MarkdownRenderer(reservedIDs: ViewBuilder.reservedIDs(of: text, frameworks: views.graph.frameworks),
                                        attachments: views.graph.attachments)
        return PageJob(paths: [path], fingerprint, factsPage: path) {
            let body = renderer.render(text.body, glossary: [], glossaryPage: "", page: path)
            return PageJob.Made(files: [(path, make(body).data)], facts: BodyFacts(body, page: path, file: text.location.file, firstLine: text.bodyFirstLine))
        }
    }

    /// A region's page, with its text.
    func regionJob(_ region: Region, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        let page = Routes.region(region.slug)
        let glossary = views.graph.glossary, attachments = views.graph.attachments
        return PageJob(paths: [page], fingerprints.region(region.slug), factsPage: page) {
            let body = MarkdownRenderer(reservedIDs: RegionPageView.reservedIDs, attachments: attachments).render(
                region.body, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            let html = templates.region(views.regionPage(region, body: body))
            return PageJob.Made(files: [(page, html.data)], facts: BodyFacts(body, page: page, file: region.location.file, firstLine: region.bodyFirstLine))
        }
    }

    /// A PDU's page.
    func pduJob(_ entry: SiteGraph.PDUEntry, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        PageJob(path: Routes.pdu(entry.pdu.slug), fingerprints.pdu(entry.pdu.slug)) { templates.pdu(views.pduPage(entry)) }
    }

    /// A report's page and print version, made from one rendering of its text (and its PDF, made
    /// from the print version once every page is written: see `makePDFs`).
    func inspectionJob(_ inspection: Inspection, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        let page = Routes.inspection(inspection.slug), print = Routes.printVersion(inspection.slug)
        let text = Routes.searchText(inspection.slug)
        let glossary = views.graph.glossary, attachments = views.graph.attachments
        let indexed = options.searchIndex
        let paths = [page, print] + (indexed ? [text] : []) + (options.pdfBrowser == nil ? [] : [Routes.pdf(inspection.slug)])
        var job = PageJob(paths: paths, fingerprints.inspection(inspection), factsPage: page) {
            var renderer = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs, attachments: attachments)
            renderer.collectsText = indexed
            let body = renderer.render(
                inspection.body.markdown, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            let pageView = views.inspectionPage(inspection, body: body)
            // The search index's words and the snippets' text come from the text as rendered, as a reader sees it.
            let files = [
                (page, templates.inspection(pageView).data),
                (print, templates.print(views.printPage(inspection, page: pageView)).data),
            ]
            var made = PageJob.Made(files: files, facts: BodyFacts(body, page: page, file: inspection.location.file, firstLine: inspection.bodyFirstLine))
            if indexed {
                made.files.append((text, SearchIndex.text(slug: inspection.slug, title: inspection.title,
                                                          details: SearchIndex.details(of: inspection, graph: views.graph), text: body.text[...])))
                made.search = (inspection.slug, SearchIndex.scores(of: inspection, graph: views.graph, headings: body.headings, text: body.text))
            }
            return made
        }
        job.indexedSlug = indexed ? inspection.slug : nil
        return job
    }

    /// Renders and writes `jobs` on as many cores as there are, a bounded number at a time so that
    /// memory stays flat however many reports there are; returns the files written and the texts' facts.
    /// `numbering` numbers the words of the reports' scores, which are packed as each page comes back.
    func run(_ jobs: [PageJob], writingTo output: StagedOutput, numbering: WordNumbers = WordNumbers()) async throws(DiagnosticsError) -> Rendered {
        typealias Outcome = Result<PageJob.Made, DiagnosticsError>
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let result: Result<Rendered, DiagnosticsError> = await withTaskGroup(of: Outcome.self) { group in
            var next = 0
            var rendered = Rendered(numbers: numbering)
            var failure: DiagnosticsError?
            func enqueue() {
                // A cancelled build (a newer save in the preview) starts no more pages.
                guard next < jobs.count, !Task.isCancelled else { return }
                let job = jobs[next]
                next += 1
                group.addTask {
                    do throws(DiagnosticsError) {
                        var made = job.render()
                        for file in made.files { try output.write(file.data, to: file.path) }
                        // Written: only the paths are kept.
                        made.files = made.files.map { ($0.path, Data()) }
                        return .success(made)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for _ in 0..<min(width * 2, jobs.count) { enqueue() }
            for await outcome in group {
                switch outcome {
                case .success(let made):
                    rendered.paths.append(contentsOf: made.files.map(\.path))
                    if let fact = made.facts { rendered.facts[fact.page] = fact }
                    if let search = made.search { rendered.scores[search.slug] = rendered.numbers.pack(search.scores) }
                case .failure(let error):
                    failure = failure ?? error
                }
                if failure == nil { enqueue() }
            }
            if let failure { return .failure(failure) }
            if Task.isCancelled { return .failure(.cancelled) }
            return .success(rendered)
        }
        return try result.get()
    }

    /// What `run` made: the files written, the texts' facts by page, and the reports' scores by slug,
    /// packed with `numbers`.
    struct Rendered: Sendable {
        var paths: [String] = []
        var facts: [String: BodyFacts] = [:]
        var scores: [String: [UInt64]] = [:]
        var numbers: WordNumbers
    }
}
