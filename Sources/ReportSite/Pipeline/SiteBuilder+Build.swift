import Foundation

extension SiteBuilder {
    /// The build, stage by stage; what it leaves for the next one when the store is in memory.
    ///
    /// Every build ends the same way: the staged tree is made to hold exactly the files of this
    /// build's manifest, and only then switched in (`commit`).
    func build(in store: BuildStore, inputs stamped: InputStamps?) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory?) {
        // On threads of the build's own (see `BuildExecutor`), never the cooperative pool's.
        try await withTaskExecutorPreference(BuildExecutor.shared) { () async throws(DiagnosticsError) in
            try await stages(in: store, inputs: stamped)
        }
    }

    /// The stages of `build(in:inputs:)`, in order.
    private func stages(in store: BuildStore, inputs stamped: InputStamps?) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory?) {
        var clock = StageClock()
        try folders.check()
        let lock = try await BuildLock.take(output: options.output, waiting: options.waiting ?? { _ in })
        defer { withExtendedLifetime(lock) {} }
        StagedOutput.removeLeftovers(of: options.output)
        // The last build's manifest is read on one core while the input files are stamped on another.
        let output = options.output
        async let lastRead = store.lastBuild(of: output)
        let inputs = BuildInputs(options: options, stamps: stamped)
        let last = await lastRead
        clock.mark("read file dates and the last build's manifest")
        if let last, last.manifest.isUpToDate(settings: inputs.settings, inputs: inputs.stamps, today: options.today, output: options.output,
                                                  untouched: { last.leftOutputUntouched(options.output) }) {
            return (upToDate(last.manifest, inputs: inputs, clock: clock), nil)
        }
        // The last build, when its pages can be kept.
        let reusable = last?.made(with: inputs.settings)
        if let memory = reusable?.memory, let rebuilt = try await rebuildReports(from: memory, inputs: inputs, clock: &clock) {
            return rebuilt
        }
        // The texts' facts and the search state the last build left are read on one core while the
        // content loads, mostly on the other.
        async let reading = KeptTexts(of: reusable, searchIndex: options.searchIndex)
        let site = try await loadAndCheck(last: reusable, inputs: inputs, clock: &clock)
        let kept = await reading
        clock.mark("read the texts' facts and the search index's state")
        let plan = try plan(site, last: last, kept: kept, inputs: inputs, store: store, clock: &clock)
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
        existing: [String: String], output: String, splitLimit: Int, pages: inout [String: String]
    ) -> (files: [(path: String, data: Data)], postings: SearchPostings) {
        // The shards not remade are those the last build listed: without them all, every one is remade.
        let kept = kept.flatMap { kept in (0..<kept.shards).allSatisfy { existing[Routes.searchShard($0)] != nil } ? kept : nil }
        let index = SearchIndex(graph: graph, facts: facts, splitLimit: splitLimit)
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
        for path in pages.keys where Routes.isCarriedSearchFile(path) { pages[path] = nil }
        // The report lists change with the reports' names alone, so are written only when their contents moved.
        for (number, data) in index.reportNames() {
            let path = Routes.searchReports(number), digest = Self.digest(of: data)
            pages[path] = digest
            if existing[path] != digest { changed.append((path, data)) }
        }
        // A shard not remade keeps its file and the files of its split words' rests; a remade one
        // has the rests it makes now, and those it no longer makes leave the site.
        let remade = Set(shards.map(\.number))
        for number in 0..<postings.shards where !remade.contains(number) {
            let path = Routes.searchShard(number)
            pages[path] = existing[path]
        }
        for (path, digest) in existing where path.hasPrefix(Routes.searchRests) {
            let shard = Int(path.dropFirst(Routes.searchRests.count).prefix { $0 != "-" }) ?? -1
            if shard >= 0, shard < postings.shards, !remade.contains(shard) { pages[path] = digest }
        }
        for shard in shards {
            for (path, data) in [(Routes.searchShard(shard.number), shard.data)] + shard.rests {
                let digest = Self.digest(of: data)
                pages[path] = digest
                if existing[path] != digest { changed.append((path, data)) }
            }
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

    /// The link check of the report, region and page texts (`facts`, and `leftOut`) against the pages
    /// and anchors of the site.
    static func linkChecker(facts: [String: BodyFacts], leftOut: [BodyFacts], graph: SiteGraph) -> BodyLinkChecker {
        // A page of pages/ left out as a draft has no page to link to: a published page linking to
        // it would lead nowhere.
        // The methodology page is made without its text when the text is a draft.
        let draftPages = Set(leftOut.map(\.page).filter { !$0.hasPrefix("inspections/") && $0 != Routes.methodology })
        return BodyLinkChecker(bodies: Array(facts.values) + leftOut, regions: graph.regions, glossary: graph.glossary,
                               attachments: graph.attachments, frameworks: graph.frameworks, draftPages: draftPages)
    }

    /// The problems `checker` finds in the texts whose links or anchors changed since the check that
    /// `passed` (in every text, when the targets' digest `targets` is another), in reading order.
    static func linkProblems(_ checker: BodyLinkChecker, since passed: BodyLinkChecker.Passed?, targets: String) -> [Diagnostic] {
        checker.check(changedSince: passed, targets: targets)
            .sorted { ($0.location.file, $0.location.line ?? 0) < ($1.location.file, $1.location.line ?? 0) }
    }
}
