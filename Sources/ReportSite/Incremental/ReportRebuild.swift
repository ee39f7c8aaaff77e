import Foundation

extension SiteBuilder {
    /// The rebuild after a save that changed reports of the last build and nothing else, from the
    /// model the last build left in `memory`; nil when anything else changed (a report added or
    /// removed, a template, a region, settings), for the full incremental build.
    ///
    /// Only the changed reports are read and checked; the site's model (graph, page digests, medians,
    /// the parts of open data and the search index) is patched around them rather than made again,
    /// and only the pages whose digest moved are made: for a text, the report's own pages; for front
    /// matter, also its PDU's and region's pages, the feed, open data and the search index, and the
    /// pages that tabulate every report, its PDU's nearest reports and the reports whose medians it
    /// moved when what they show changed, rather than loading, resolving and fingerprinting every
    /// report again. The result is the site, diagnostics and memory the
    /// full build would make (see `RememberedBuildTests`).
    func rebuildReports(
        from memory: BuildMemory, inputs build: BuildInputs, clock: inout StageClock
    ) async throws(DiagnosticsError) -> (report: Report, memory: BuildMemory?)? {
        let model = memory.model, before = memory.manifest, inputs = build.stamps
        guard model.today == options.today, before.settings == build.settings else { return nil }
        let changed = inputs.changes(since: before.inputs)
        guard !changed.isEmpty, let edits = reportsOfTheLastBuild(changed, model: model, inputs: inputs, before: before) else { return nil }

        // Read and check each report as the full build would, keeping its problems with the others'.
        let loader = ContentLoader(root: options.content)
        var graph = model.graph
        var inspections = memory.inspections
        var found: [Diagnostic] = []
        var moved: [(old: Inspection, new: Inspection)] = []
        for (path, old) in edits {
            let (decoded, log) = loader.decodeReport(at: path, slug: old.slug)
            found += log.diagnostics
            guard let new = decoded else { continue }
            let check = graph.check(new)
            found += check.log.diagnostics
            guard check.placeable else { continue }
            // A report that becomes a draft leaves the site: its pages go, which the full build sees to.
            if new.isDraft(today: options.today) && !options.includeDrafts { return nil }
            graph = graph.moving(old, to: new)
            moved.append((old, new))
            if log.diagnostics.isEmpty, let stamp = inputs.files[path] {
                inspections.store(InspectionCache.record(for: new, size: stamp.size, modified: stamp.modified), for: path)
            } else {
                inspections.forget(path)
            }
        }
        let changedFiles = Set(edits.map(\.path))
        let warnings = SiteValidation.inReadingOrder(model.warnings.filter { !changedFiles.contains($0.location.file) } + found)
        if warnings.contains(where: { $0.severity == .error }) { throw DiagnosticsError(warnings) }

        // Medians change only with a figure, or a report moving to another programme or region.
        // Drafts never count, so a report made a draft (or published) moves them too.
        let sameFigures = moved.allSatisfy {
            $0.old.keyQuestions == $0.new.keyQuestions && $0.old.frameworkID == $0.new.frameworkID && $0.old.regionSlug == $0.new.regionSlug
                && $0.old.isDraft(today: options.today) == $0.new.isDraft(today: options.today)
        }
        let medians = sameFigures ? model.medians : KeyQuestionMedians(of: graph)
        let fingerprints = model.fingerprints.updating(graph: graph, moved: moved, medians: medians)
        clock.mark("read the changed reports")

        var facts = memory.facts
        var rows = model.rows
        rows.update(moved.map(\.new), graph: graph)
        // Unchanged since the last build: they are in `siteWide`, which matched.
        let views = ViewBuilder(graph: graph, liveReload: options.liveReload, medians: medians,
                                designTokens: TemplateAssets.designTokens(in: options.templatesFolder), assets: model.assets)
        let templates = options.templates
        let jobs = inEveryLanguage(graph, views: views) { views in
            var jobs = fingerprints.listings == model.fingerprints.listings
                ? [] : nationalJobs(graph, templates: templates, fingerprints: fingerprints, views: views, rows: rows)
            for inspection in affectedReports(moved, graph: graph, medians: (model.medians, medians)) {
                jobs.append(inspectionJob(inspection, templates: templates, fingerprints: fingerprints, views: views))
            }
            for slug in Set(moved.flatMap { [$0.old.regionSlug, $0.new.regionSlug] }).sorted() {
                if let region = graph.region(slug) { jobs.append(regionJob(region, templates: templates, fingerprints: fingerprints, views: views)) }
            }
            for slug in Set(moved.flatMap { [graph.pduSlug(of: $0.old), graph.pduSlug(of: $0.new)] }.compactMap { $0 }).sorted() {
                if let entry = graph.pdus[slug] { jobs.append(pduJob(entry, templates: templates, fingerprints: fingerprints, views: views)) }
            }
            return jobs
        }
        let stale = jobs.filter { job in job.paths.contains { before.pages[$0] != job.fingerprint.description } }

        var pages = before.pages
        clock.mark("find what changed")

        let output = try StagedOutput.patching(output: options.output, protecting: [options.content, options.templatesFolder],
                                               differences: memory.differences, siteFiles: Array(before.pages.keys))
        let staged = StagedBuild(output: output, bookkeeping: nil)
        do throws(DiagnosticsError) {
            var made = try await run(stale, writingTo: output, numbering: WordNumbers(memory.search?.words ?? []))
            clock.mark("render and write \(made.paths.count) files")

            // Links are checked again only when a text's links or anchors changed: otherwise the
            // last build's check, which passed, still holds.
            let linksMoved = made.facts.contains { page, new in memory.facts[page].map { !$0.hasSameLinks(as: new) } ?? true }
            facts.merge(made.facts) { _, new in new }
            var linkTargets = before.linkTargets
            if linksMoved {
                let checker = Self.linkChecker(facts: facts, leftOut: model.leftOut, graph: graph)
                linkTargets = checker.targetsDigest()
                let problems = Self.linkProblems(checker, since: BodyLinkChecker.Passed(targets: before.linkTargets, bodies: memory.facts),
                                                 targets: linkTargets)
                if !problems.isEmpty { throw DiagnosticsError(problems) }
                // A text may link to an attachment no published page linked to before, or no more.
                let linked = Self.linkedAttachments(graph.attachments, from: facts.values)
                for path in pages.keys where path.hasPrefix(Routes.attachmentsFolder + "/") && !linked.contains(where: { $0.path == path }) {
                    pages[path] = nil
                }
                let copies = Self.attachmentJobs(graph.attachments.filter { linked.contains($0) && pages[$0.path] == nil })
                made.paths += try await run(copies, writingTo: output).paths
                for job in copies { pages[job.paths[0]] = job.fingerprint.description }
            }
            var written = made.paths
            for job in stale { for path in job.paths { pages[path] = job.fingerprint.description } }
            let digest = fingerprints.searchIndex(headings: facts).description
            var search = memory.search
            if options.searchIndex, pages[Routes.searchIndex] != digest || !made.scores.isEmpty {
                let index = Self.searchIndexFiles(graph: graph, facts: facts, scores: made.scores, numbers: made.numbers, kept: memory.search,
                                                  existing: before.pages, output: options.output, splitLimit: options.searchSplitLimit, pages: &pages)
                for file in index.files {
                    try output.write(file.data, to: file.path)
                    written.append(file.path)
                }
                search = index.postings
                pages[Routes.searchIndex] = digest
            }
            clock.mark("check links; search index")

            let manifest = BuildManifest(
                settings: before.settings, inputs: inputs, stampedAt: build.stampedAt, nextPublication: Self.nextPublication(graph),
                pages: pages, outputID: output.id, inspectionPages: before.inspectionPages, regionPages: before.regionPages, pduPages: before.pduPages,
                linkTargets: linkTargets)
            let finished = FinishedBuild(pages: pages, written: written, manifest: manifest, facts: facts, search: search,
                                         leftOut: model.leftOut, warnings: warnings)
            var next = model
            next.graph = graph
            next.fingerprints = fingerprints
            next.medians = medians
            next.warnings = warnings
            next.rows = rows
            let remembered = try commit(staged, store: .memory(memory, cache: options.cache), incremental: true, existing: before.pages,
                                        finished: finished, clock: &clock) { differences in
                BuildMemory(output: options.output, manifest: manifest, facts: facts, search: search, inspections: inspections,
                            model: next, differences: differences)
            }
            let report = Report(
                siteFiles: Array(pages.keys), written: written.sorted(), inspectionPages: before.inspectionPages,
                regionPages: before.regionPages, pduPages: before.pduPages, warnings: warnings,
                seconds: Date().timeIntervalSince(build.start), draftsLeftOut: graph.draftsLeftOut, clock: clock)
            return (report, remembered)
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The changed files with the inspections the last build made of them, when every one is a
    /// report the last build placed, still there; nil otherwise.
    private func reportsOfTheLastBuild(
        _ changed: [String], model: BuildMemory.Model, inputs: InputStamps, before: BuildManifest
    ) -> [(path: String, old: Inspection)]? {
        let reports = (options.content as NSString).appendingPathComponent("inspections") + "/"
        var edits: [(path: String, old: Inspection)] = []
        for path in changed {
            guard path.hasPrefix(reports), path.hasSuffix(".md"), before.inputs.files[path] != nil, inputs.files[path] != nil else { return nil }
            let slug = String(path.split(separator: "/").last!.dropLast(3))
            guard let old = model.graph.inspections.first(where: { $0.slug == slug }), old.location.file == path else { return nil }
            edits.append((path, old))
        }
        return edits
    }

    /// The reports whose pages may show what `moved` changed, in the graph's order: the moved reports,
    /// the other reports of their PDUs (the history list), and every report of a programme and region
    /// whose medians moved.
    private func affectedReports(
        _ moved: [(old: Inspection, new: Inspection)], graph: SiteGraph, medians: (before: KeyQuestionMedians, after: KeyQuestionMedians)
    ) -> [Inspection] {
        var slugs = Set(moved.map(\.new.slug))
        for slug in Set(moved.flatMap { [graph.pduSlug(of: $0.old), graph.pduSlug(of: $0.new)] }.compactMap { $0 }) {
            for inspection in graph.pdus[slug]?.inspections ?? [] { slugs.insert(inspection.slug) }
        }
        // A regional report shows the ratings of its region's inspection before it.
        for region in Set(moved.flatMap { [$0.old, $0.new] }.filter { $0.kind == .region }.map(\.regionSlug)) {
            for inspection in graph.regionalInspections(of: region) { slugs.insert(inspection.slug) }
        }
        func mediansMoved(_ framework: String, _ region: String?) -> Bool {
            medians.before.digest(framework, region: region) != medians.after.digest(framework, region: region)
        }
        return graph.inspections.filter { inspection in
            slugs.contains(inspection.slug)
                || mediansMoved(inspection.frameworkID, nil) || mediansMoved(inspection.frameworkID, inspection.regionSlug)
        }
    }
}
