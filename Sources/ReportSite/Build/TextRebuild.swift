import Foundation

extension SiteBuilder {
    /// The rebuild after a save that changed the text of reports and nothing else, from the model the
    /// last build left in `memory`; nil when anything else changed, for the full incremental build.
    ///
    /// A report's text is shown on its own page and print version alone, and known elsewhere only by
    /// its headings (the search index) and its links and anchors (the link check). So when every
    /// changed file is a report of the last build whose front matter is byte for byte what it was,
    /// the site's model is the same but for those reports' text digests: their pages are made again,
    /// the links checked, and the search index remade if a heading changed. Loading, resolving and
    /// fingerprinting 10,000 reports again was what a preview spent most of a save on.
    func rebuildTexts(
        from memory: BuildMemory, inputs: InputStamps, siteWide: ContentDigest, stampedAt: Int64,
        start: Date, clock: inout StageClock
    ) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory)? {
        let model = memory.model, before = memory.manifest
        guard model.today == options.today, before.settings == siteWide.description else { return nil }
        let changed = inputs.changes(since: before.inputs)
        guard !changed.isEmpty else { return nil }

        // Each changed file must be a report of the last build, still there, that read without a
        // problem, with the same front matter in the same place.
        let loader = ContentLoader(root: options.content)
        var inspections = memory.inspections
        var graph = model.graph
        var edited: [Inspection] = []
        for path in changed {
            guard let stamp = inputs.files[path], let old = memory.inspections.records[path]?.inspection, old.body.held.file?.path == path,
                  let document = loader.reportDocument(at: path, slug: old.slug),
                  ContentDigest(document.yaml) == old.frontMatterDigest, document.bodyFirstLine == old.bodyFirstLine,
                  let offset = document.bodyOffset, offset == old.body.held.file?.offset,
                  graph.inspections.contains(where: { $0.slug == old.slug })
            else { return nil }
            var new = old
            new.bodyDigest = ContentDigest(document.body)
            inspections.store(InspectionCache.record(for: new, size: stamp.size, modified: stamp.modified), for: path)
            graph = graph.replacing(new)
            edited.append(new)
        }
        clock.mark("read the changed texts")

        let views = ViewBuilder(graph: graph, liveReload: options.liveReload, medians: model.medians)
        let jobs = edited.map { inspectionJob($0, templates: model.templates, fingerprints: model.fingerprints, views: views) }
        let stale = jobs.filter { job in job.paths.contains { before.pages[$0] != job.fingerprint.description } }
        let output = try StagedOutput(output: options.output, protecting: [options.content, options.templates])
        do throws(DiagnosticsError) {
            let made = try await run(stale, writingTo: output)
            var facts = memory.facts
            facts.merge(made.facts) { _, new in new }
            clock.mark("render and write \(made.paths.count) files")

            let problems = Self.linkProblems(facts: facts, leftOut: model.leftOut, graph: graph)
            if !problems.isEmpty { throw DiagnosticsError(problems) }
            var pages = before.pages
            for job in jobs { for path in job.paths { pages[path] = job.fingerprint.description } }
            var written = made.paths
            let searchIndexDigest = model.fingerprints.searchIndex(headings: facts).description
            if pages[Routes.searchIndex] != searchIndexDigest {
                try output.write(Self.searchIndexFile(graph: graph, facts: facts), to: Routes.searchIndex)
                pages[Routes.searchIndex] = searchIndexDigest
                written.append(Routes.searchIndex)
            }
            clock.mark("check links; search index")
            try output.commitPatch(files: written, removing: [], forgetting: Self.bookkeeping)
            clock.mark("move the files in")

            let manifest = BuildManifest(
                settings: before.settings, inputs: inputs, stampedAt: stampedAt, nextPublication: before.nextPublication,
                pages: pages, inspectionPages: before.inspectionPages, regionPages: before.regionPages, pduPages: before.pduPages)
            var next = model
            next.graph = graph
            let report = Report(
                siteFiles: Array(pages.keys), written: written.sorted(), inspectionPages: before.inspectionPages,
                regionPages: before.regionPages, pduPages: before.pduPages, warnings: model.warnings,
                seconds: Date().timeIntervalSince(start), clock: clock)
            return (report, BuildMemory(output: options.output, manifest: manifest, facts: facts, inspections: inspections, model: next))
        } catch {
            output.discard()
            throw error
        }
    }

    /// The files a build that remembers takes out of the output folder (see `build(remembering:inputs:)`).
    static let bookkeeping = [BuildManifest.fileName, BuildManifest.factsFileName, InspectionCache.fileName]
}
