import Foundation

// The stages of `SiteBuilder.build`, in the order it runs them.

/// What a build is made from before any content is read: the files' stamps, and the digest of
/// everything site-wide (options, binary, templates' assets, site-wide content) that the last
/// build's manifest must match for its pages to be trusted.
struct BuildInputs: Sendable {
    let start: Date
    let stamps: InputStamps
    /// When the stamps were taken (nanoseconds since 1970).
    let stampedAt: Int64
    let tokens: String
    let siteWide: ContentDigest
    var settings: String { siteWide.description }

    init(options: SiteBuilder.Options, stamps stamped: InputStamps?) {
        start = Date()
        stampedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        stamps = stamped ?? InputStamps(folders: options.inputFolders)
        tokens = TemplateAssets.designTokens(in: options.templatesFolder)
        siteWide = PageFingerprints.siteWide(
            inputs: stamps, content: options.content, templates: options.templatesFolder, look: options.templates.identity, tokens: tokens,
            options: ["drafts=\(options.includeDrafts)", "live-reload=\(options.liveReload)", "search-index=\(options.searchIndex)",
                      "base-url=\(options.baseURL?.url ?? "")",
                      // Which sitemap files there are, and what `sitemap.xml` holds, follow from it.
                      "sitemap-limit=\(options.sitemapLimit)",
                      // Which words' postings are split, and so what the shards hold, follow from it.
                      "search-split=\(options.searchSplitLimit)",
                      // Another content folder into the same output and cache is another site.
                      "content=\(FolderLayout.resolve(options.content))"],
            assets: options.fingerprintAssets)
    }
}

/// What the build will do, worked out from the loaded site and the last build: every job, those
/// whose files are stale, and what the last build left to keep.
struct BuildPlan: Sendable {
    let store: BuildStore
    let inputs: BuildInputs
    /// Everything loaded and found: the content, drafts included, and its diagnostics.
    let validation: SiteValidation
    /// The decoded reports, for the next build.
    let inspections: InspectionCache?
    let graph: SiteGraph
    let fingerprints: PageFingerprints
    let views: ViewBuilder
    let assets: SiteAssets
    let jobs: [SiteBuilder.PageJob]
    /// The jobs to run: all of them for a full build, the stale ones for an incremental one.
    let stale: [SiteBuilder.PageJob]
    /// The last build, when made with the same settings: this build patches the tree it put aside.
    let last: LastBuild?
    /// The files the last build made, with their digests (empty for a full build).
    let existing: [String: String]
    let keptFacts: [String: BodyFacts]
    let keptSearch: SearchPostings?
    /// Whether the output lacks a file (a path inside it) the last build made: a page to make again.
    let outputLacks: @Sendable (String) -> Bool
    /// The PDFs of the site now in the output, with the digests of the print versions they were
    /// printed from, whatever settings it was built with: a PDF whose print version is the same is
    /// kept, not printed again.
    let printedPDFs: [String: String]
    /// The browser that prints the PDFs, when the site has them.
    let browser: String?

    var isIncremental: Bool { last != nil }
}

/// What the stages after rendering made: the site's files with their digests, what was written,
/// and the state the next build starts from.
struct FinishedBuild: Sendable {
    var pages: [String: String]
    var written: [String]
    var manifest: BuildManifest
    var facts: [String: BodyFacts]
    var search: SearchPostings?
    var leftOut: [BodyFacts]
    var warnings: [Diagnostic]
}

/// The staged site, and beside it in the cache, the state for the next build (none when the store
/// is in memory).
struct StagedBuild: Sendable {
    let output: StagedOutput
    let bookkeeping: BuildCache.Staging?
    /// The stamps of the output's folders as the cache holds them, which describe the tree put
    /// aside once the output is switched (an incremental build's only).
    var outputStamps: Data?

    func discard() {
        output.discard()
        bookkeeping?.discard()
    }
}

extension SiteBuilder {
    /// The folders of this build, none of which may be inside another.
    var folders: FolderLayout {
        FolderLayout([
            .init("the content folder", options.content),
            .init("the templates folder", options.templatesFolder),
            .init("the output folder", options.output, keptOutOfSites: true),
            .init("the cache folder", options.cache.folder.path, keptOutOfSites: true),
        ])
    }

    /// The report of a build that found nothing to do.
    func upToDate(_ manifest: BuildManifest, inputs: BuildInputs, clock: StageClock) -> Report {
        var clock = clock
        clock.mark("compare with the manifest")
        return Report(siteFiles: Array(manifest.pages.keys), written: [], inspectionPages: manifest.inspectionPages,
                      regionPages: manifest.regionPages, pduPages: manifest.pduPages, warnings: [],
                      seconds: Date().timeIntervalSince(inputs.start), clock: clock, switchedOutput: false)
    }

    /// Loads and checks the content, taking from the last build the reports whose files have not
    /// changed since; throws every diagnostic when any is an error.
    func loadAndCheck(last: LastBuild?, inputs: BuildInputs, clock: inout StageClock) async throws(DiagnosticsError) -> SiteValidation {
        // The decoded reports are as trustworthy as the manifest beside them: made by this same binary.
        let validation = await SiteValidation.run(
            content: options.content, templates: options.templatesFolder, includeDrafts: options.includeDrafts,
            today: options.today, checkLinks: false,
            cache: last.flatMap { $0.inspections(settledBefore: $0.manifest.stampedAt - 2_000_000_000) }, makesCache: true,
            baseURL: options.baseURL, stamps: inputs.stamps)
        guard !validation.hasErrors, validation.graph != nil else { throw DiagnosticsError(validation.diagnostics) }
        clock.mark("load and check content and templates")
        if Task.isCancelled { throw .cancelled }
        return validation
    }

    /// Works out every job of the site and which are stale: a job is redone when any file it makes
    /// is missing or was made from other inputs.
    func plan(
        _ loaded: SiteValidation, last described: LastBuild?, kept: KeptTexts, inputs: BuildInputs, store: BuildStore, clock: inout StageClock
    ) throws(DiagnosticsError) -> BuildPlan {
        var validation = loaded
        let graph = validation.graph!
        let inspections = validation.cache
        validation.cache = nil
        let browser = try pdfBrowser(for: graph.settings)
        let (fingerprints, medians) = PageFingerprints.withMedians(graph: graph, siteWide: PageFingerprints.adding(pagesOf: graph, to: inputs.siteWide))
        let assets = try SiteAssets(templates: options.templatesFolder, fingerprinted: options.fingerprintAssets)
        let views = ViewBuilder(graph: graph, liveReload: options.liveReload, medians: medians, designTokens: inputs.tokens, assets: assets)
        let jobs = pageJobs(graph, templates: options.templates, fingerprints: fingerprints, views: views, assets: assets, pdfs: browser != nil)
        clock.mark("fingerprint pages")

        let last = described?.made(with: inputs.settings)
        let existing = last?.manifest.pages ?? [:]
        let keptFacts = kept.facts, keptSearch = kept.search
        let indexed = Set(keptSearch?.reports.map(\.slug) ?? [])
        // A report whose words the kept state lacks is rendered again, for them.
        let lacks = outputLacks(last)
        let isStale = jobs.concurrentMap { job in
            (job.paths + (job.pdf.map { [$0] } ?? [])).contains { path in
                (path == job.pdf ? existing[path] == nil : existing[path] != job.fingerprint.description) || lacks(path)
            } || job.factsPage.map { keptFacts[$0] == nil } ?? false || job.indexedSlug.map { !indexed.contains($0) } ?? false
        }
        let printedPDFs = (described?.manifest.pages ?? [:]).filter { $0.key.hasSuffix(".pdf") }
        clock.mark("find what changed")
        return BuildPlan(
            store: store, inputs: inputs, validation: validation, inspections: inspections, graph: graph, fingerprints: fingerprints,
            views: views, assets: assets, jobs: jobs, stale: zip(jobs, isStale).filter(\.1).map(\.0), last: last, existing: existing,
            keptFacts: keptFacts, keptSearch: keptSearch, outputLacks: lacks, printedPDFs: printedPDFs, browser: browser)
    }

    /// Whether the output lacks a file (a path inside it) that `last` made. None is missing when the
    /// last build was kept in memory (the folder is the caller's own), nor when the stamps of the
    /// output's folders have not moved since it took them; else each is looked for with `access`.
    private func outputLacks(_ last: LastBuild?) -> @Sendable (String) -> Bool {
        if let last, last.memory != nil || last.leftOutputUntouched(options.output) { return { _ in false } }
        let folder = options.output.hasSuffix("/") ? options.output : options.output + "/"
        return { access(folder + $0, F_OK) != 0 }
    }

    /// The browser to print PDFs with, when the site has them (`pdf: true` in `site.yml`); never for
    /// the preview.
    private func pdfBrowser(for settings: SiteSettings) throws(DiagnosticsError) -> String? {
        guard settings.printsPDFs, !options.liveReload else { return nil }
        switch PDFExporter.findBrowser(explicit: options.browser) {
        case .success(let path):
            return path
        case .failure(var diagnostic):
            if let setting = settings.pdfSetting { diagnostic.location = setting }
            throw DiagnosticsError([diagnostic])
        }
    }

    /// Prepares the tree the site is made in: for an incremental build, the tree the last switch put
    /// aside, made equal to the output by relinking what the last build changed (the record of that
    /// is taken out of the cache first, so a build that stops half-way leaves none, and the next one
    /// makes the tree afresh); for a full build, an empty one.
    func stage(_ plan: BuildPlan) throws(DiagnosticsError) -> StagedBuild {
        let output: StagedOutput
        var outputStamps: Data?
        if let last = plan.last {
            let differences = last.differences(), stamps = last.previousTreeFolders()
            outputStamps = last.memory == nil ? last.cache.read(BuildCache.foldersName) : nil
            try plan.store.cache.forgetPreviousTree()
            output = try StagedOutput.patching(output: options.output, protecting: [options.content, options.templatesFolder],
                                               differences: differences, siteFiles: Array(plan.existing.keys), stamps: stamps)
        } else {
            output = try StagedOutput(output: options.output, protecting: [options.content, options.templatesFolder])
        }
        guard case .disk(let cache) = plan.store else { return StagedBuild(output: output, bookkeeping: nil) }
        do throws(DiagnosticsError) {
            return StagedBuild(output: output, bookkeeping: try cache.staging(), outputStamps: outputStamps)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Renders and writes the stale pages (the decoded reports are written to the cache meanwhile);
    /// the facts it returns are those of every text of the site, kept or made.
    func render(_ plan: BuildPlan, into staged: StagedBuild, clock: inout StageClock) async throws(DiagnosticsError) -> Rendered {
        let newCache = plan.inspections.flatMap { $0.isUnchanged ? nil : $0 }
        async let cacheWritten = Self.write(newCache, to: staged.bookkeeping)
        var made = try await run(plan.stale, writingTo: staged.output, numbering: WordNumbers(plan.keptSearch?.words ?? []))
        try await cacheWritten.get()
        let textPages = Set(plan.jobs.compactMap(\.factsPage))
        // Kept as they are when every kept text is still on the site and none rendered moved: the
        // next build's file need not be written again, and is known so without comparing every text.
        var facts = plan.keptFacts
        if facts.keys.contains(where: { !textPages.contains($0) }) { facts = facts.filter { textPages.contains($0.key) } }
        made.keepsFacts = facts.count == plan.keptFacts.count && made.facts.allSatisfy { facts[$0.key] == $0.value }
        facts.merge(made.facts) { _, new in new }
        made.facts = facts
        clock.mark("render and write \(made.paths.count) files")
        return made
    }

    /// Writes the decoded reports into the cache's staging folder, when there are new ones to keep.
    private static func write(_ inspections: InspectionCache?, to bookkeeping: BuildCache.Staging?) -> Result<Void, DiagnosticsError> {
        guard let inspections, let bookkeeping else { return .success(()) }
        do throws(DiagnosticsError) {
            let files = inspections.files()
            if let whole = files.whole { try bookkeeping.write(whole, as: BuildCache.inspectionsName) }
            try bookkeeping.write(files.changes, as: BuildCache.inspectionChangesName)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// Publishes the attachments a published page links to, copied from the content folder; the
    /// others are left out, each with a warning.
    func publishAttachments(_ plan: BuildPlan, _ made: inout Rendered, into staged: StagedBuild, clock: inout StageClock) async throws(DiagnosticsError) {
        let linked = Self.linkedAttachments(plan.graph.attachments, from: made.facts.values)
        for attachment in plan.graph.attachments where !linked.contains(attachment) {
            made.warnings.append(Diagnostic(.warning, at: SourceLocation(file: attachment.source),
                "not linked from a published page, so not published",
                note: "link to it from a report or page as '../../\(attachment.path)', or remove it"))
        }
        let jobs = Self.attachmentJobs(plan.graph.attachments.filter { linked.contains($0) })
        let stale = jobs.filter { job in plan.existing[job.paths[0]] != job.fingerprint.description || plan.outputLacks(job.paths[0]) }
        let copied = try await run(stale, writingTo: staged.output)
        made.paths += copied.paths
        for job in jobs { made.attachments[job.paths[0]] = job.fingerprint.description }
        clock.mark("copy \(copied.paths.count) attachments")
    }

    /// The attachments that `texts` link to or show.
    static func linkedAttachments(_ attachments: [Attachment], from texts: some Sequence<BodyFacts>) -> Set<Attachment> {
        guard !attachments.isEmpty else { return [] }
        let byPath = Dictionary(attachments.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let folder = Array((Routes.attachmentsFolder + "/").utf8)
        var linked = Set<Attachment>()
        for text in texts {
            // Only a link naming the attachments' folder can lead to one: the others are not resolved.
            for link in text.links where link.destination.utf8.firstRange(of: folder) != nil {
                if let attachment = byPath[BodyLinkChecker.resolve(link.destination, from: text.page).path] { linked.insert(attachment) }
            }
        }
        return linked
    }

    /// The search index, the link check and the files kept for the next build, made side by side;
    /// nothing is switched in unless the link check passes.
    func finish(_ plan: BuildPlan, _ made: Rendered, into staged: StagedBuild, clock: inout StageClock) async throws(DiagnosticsError) -> FinishedBuild {
        let graph = plan.graph, existing = plan.existing, facts = made.facts
        var written = made.paths
        var pages: [String: String] = options.searchIndex ? [Routes.searchIndex: plan.fingerprints.searchIndex(headings: facts).description] : [:]
        for job in plan.jobs {
            for path in job.paths { pages[path] = job.fingerprint.description }
            if let pdf = job.pdf { pages[pdf] = made.printed[pdf] ?? existing[pdf] }
        }
        pages.merge(made.attachments) { _, new in new }
        // Only the reports rendered again, or whose names or headings moved, are scored again, and
        // only the shards their words are in are remade; a shard is written when its contents changed.
        let searchIndexStale = !plan.isIncremental || existing[Routes.searchIndex] != pages[Routes.searchIndex]
            || !made.scores.isEmpty || plan.keptSearch == nil
            || !FileManager.default.fileExists(atPath: (options.output as NSString).appendingPathComponent(Routes.searchIndex))
        var search = plan.keptSearch
        var searchFiles: [(path: String, data: Data)] = []
        if searchIndexStale && options.searchIndex {
            (searchFiles, search) = Self.searchIndexFiles(graph: graph, facts: facts, scores: made.scores, numbers: made.numbers,
                                                          kept: plan.keptSearch, existing: existing, output: options.output,
                                                          splitLimit: options.searchSplitLimit, pages: &pages)
        } else if options.searchIndex {
            for (path, digest) in existing where Routes.isCarriedSearchFile(path) { pages[path] = digest }
        }
        clock.mark("search index: names and shards")
        // The link check's targets are digested before the check: the manifest keeps the digest.
        let leftOut = Self.leftOutTexts(plan.validation.content, graph: graph)
        let checker = Self.linkChecker(facts: facts, leftOut: leftOut, graph: graph)
        let manifest = BuildManifest(
            settings: plan.inputs.settings, inputs: plan.inputs.stamps, stampedAt: plan.inputs.stampedAt,
            nextPublication: Self.nextPublication(graph), pages: pages, outputID: staged.output.id,
            inspectionPages: graph.inspections.count, regionPages: graph.regions.count, pduPages: graph.pdus.count,
            linkTargets: checker.targetsDigest())

        // The search index's files and the files kept for the next build are written side by
        // side: one after another they would be a large part of a one-file rebuild.
        // Files whose contents did not change are not written again.
        var extras: [Extra] = []
        if let bookkeeping = staged.bookkeeping {
            extras.append(Extra(path: BuildCache.manifestName, into: bookkeeping) { FileParts(manifest.encoded()) })
            if !plan.isIncremental || !made.keepsFacts {
                extras.append(Extra(path: BuildCache.factsName, into: bookkeeping) { BuildManifest.encoded(facts: facts) })
            }
            if let search, search != plan.keptSearch {
                extras.append(Extra(path: BuildCache.searchName, into: bookkeeping) { search.parts() })
            }
        }
        for file in searchFiles { extras.append(Extra(path: file.path) { FileParts(file.data) }) }
        // The link check runs beside them. Each file is written as soon as it is made, so that they
        // are not all in memory at once.
        let passed = plan.last.map { BodyLinkChecker.Passed(targets: $0.manifest.linkTargets, bodies: plan.keptFacts) }
        let targets = manifest.linkTargets
        let output = staged.output
        let work: [@Sendable () -> [Diagnostic]] = [{ Self.linkProblems(checker, since: passed, targets: targets) }]
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
        return FinishedBuild(pages: pages, written: written, manifest: manifest, facts: facts, search: search, leftOut: leftOut,
                             warnings: SiteValidation.inReadingOrder(plan.validation.diagnostics + made.warnings))
    }

    /// Switches the output to the staged site, holding exactly the files of this build's manifest,
    /// and keeps this build's state for the next one; the one way every build changes the output.
    /// The cache vouches for nothing while the output changes; once it has, the new state goes in,
    /// its manifest last. Returns the state to keep in memory, when the store is there.
    func commit(
        _ staged: StagedBuild, store: BuildStore, incremental: Bool, existing: [String: String], finished: FinishedBuild,
        clock: inout StageClock, remember: (_ differences: [String]?) -> BuildMemory?
    ) throws(DiagnosticsError) -> BuildMemory? {
        // What the tree put aside will lack of the new output: the next build relinks just that.
        let removed = incremental ? existing.keys.filter { finished.pages[$0] == nil } : []
        let differences = incremental ? finished.written + removed : nil
        var files = Set(finished.pages.keys)
        files.insert(StagedOutput.markerName)
        switch store {
        case .disk(let cache):
            try cache.invalidate()
            if !incremental { try cache.forgetPreviousTree() }
            let since = OutputFolders.now()
            let folders = try staged.output.commit(files: files, removed: removed)
            if let bookkeeping = staged.bookkeeping {
                let stamps = OutputFolders.taking(output: options.output, files: files, folders: folders, outputID: staged.output.id,
                                                  since: since)
                try bookkeeping.write([stamps.encoded()], as: BuildCache.foldersName)
                // The output just switched out is the tree now put aside.
                if incremental, let old = staged.outputStamps { try bookkeeping.write([old], as: BuildCache.previousFoldersName) }
            }
            if let differences { try staged.bookkeeping?.write([Data(differences.joined(separator: "\n").utf8)], as: BuildCache.previousTreeName) }
            try staged.bookkeeping?.commit()
            clock.mark("move the files in")
            return nil
        case .memory(_, let cache):
            try cache.forget()
            try staged.output.commit(files: files)
            clock.mark("move the files in")
            return remember(differences)
        }
    }

    /// `commit` for a build that ran every stage, with the model a preview keeps.
    func commit(_ staged: StagedBuild, plan: BuildPlan, finished: FinishedBuild, clock: inout StageClock) throws(DiagnosticsError) -> BuildMemory? {
        try commit(staged, store: plan.store, incremental: plan.isIncremental, existing: plan.existing, finished: finished, clock: &clock) { differences in
            guard let inspections = plan.inspections else { return nil }
            let model = BuildMemory.Model(graph: plan.graph, assets: plan.assets, fingerprints: plan.fingerprints, medians: plan.views.medians,
                                          leftOut: finished.leftOut, warnings: finished.warnings, rows: ListingRows(graph: plan.graph),
                                          today: options.today)
            return BuildMemory(output: options.output, manifest: finished.manifest, facts: finished.facts, search: finished.search,
                               inspections: inspections, model: model, differences: differences)
        }
    }

    /// What the build made, for the caller.
    func report(_ plan: BuildPlan, _ finished: FinishedBuild, clock: StageClock) -> Report {
        let graph = plan.graph
        return Report(
            siteFiles: Array(finished.pages.keys), written: finished.written.sorted(),
            inspectionPages: graph.inspections.count, regionPages: graph.regions.count, pduPages: graph.pdus.count,
            warnings: finished.warnings, seconds: Date().timeIntervalSince(plan.inputs.start), draftsLeftOut: graph.draftsLeftOut,
            clock: clock, model: BuiltModel(plan: plan, finished: finished))
    }
}
