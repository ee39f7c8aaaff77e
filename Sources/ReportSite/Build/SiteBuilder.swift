import Foundation

/// Runs the whole pipeline: load content, resolve the graph, render Markdown and templates, and write
/// the site atomically.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        /// Include drafts (marked `draft: true`, or published after `today`), each with a banner.
        public var includeDrafts: Bool
        /// Add the live-reload script the preview server answers; never in a published build.
        public var liveReload: Bool
        /// The day the site is built for.
        public var today: PartialDate

        public init(content: String = "Content", templates: String = "Templates", output: String = "Output",
                    includeDrafts: Bool = false, liveReload: Bool = false, today: PartialDate = PartialDate(day: Date())) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includeDrafts = includeDrafts
            self.liveReload = liveReload
            self.today = today
        }
    }

    /// What a successful build made.
    public struct Report: Sendable {
        /// Every file written, relative to the output folder, sorted.
        public var files: [String]
        public var inspectionPages: Int
        public var regionPages: Int
        public var pduPages: Int
        public var warnings: [Diagnostic]
        public var seconds: Double
        public var pages: [String] { files.filter { $0.hasSuffix(".html") } }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site, or throws every diagnostic; on failure the output folder is left as it was.
    public func build() async throws(DiagnosticsError) -> Report {
        let start = Date()
        let validation = await SiteValidation.run(
            content: options.content, templates: options.templates, includeDrafts: options.includeDrafts, today: options.today)
        guard !validation.hasErrors, let graph = validation.graph, let templates = validation.templates else {
            throw DiagnosticsError(validation.diagnostics)
        }
        let output = try StagedOutput(output: options.output, protecting: [options.content, options.templates])
        var written: [String] = []
        do throws(DiagnosticsError) {
            written = try await writePages(graph, templates: templates, to: output)
            for asset in templates.assets() {
                guard let data = FileManager.default.contents(atPath: asset.absolute) else {
                    throw DiagnosticsError([Diagnostic(at: SourceLocation(file: asset.absolute), "cannot read the asset")])
                }
                try output.write(data, to: asset.relative)
                written.append(asset.relative)
            }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        return Report(
            files: written.sorted(),
            inspectionPages: graph.inspections.count, regionPages: graph.regions.count, pduPages: graph.pdus.count,
            warnings: validation.diagnostics, seconds: Date().timeIntervalSince(start))
    }

    /// Pages made together (an inspection and its print version share one Markdown rendering).
    struct PageJob: Sendable {
        var render: @Sendable () -> [(path: String, html: String)]

        init(_ render: @escaping @Sendable () -> [(path: String, html: String)]) {
            self.render = render
        }

        init(path: String, _ render: @escaping @Sendable () -> String) {
            self.render = { [(path, render())] }
        }
    }

    /// Every page of the site, in a fixed order.
    func pageJobs(_ graph: SiteGraph, templates: TemplateSet) -> [PageJob] {
        let views = ViewBuilder(graph: graph, liveReload: options.liveReload)
        var jobs: [PageJob] = [
            PageJob(path: Routes.home) { templates.render(views.homePage(), with: "home") },
            PageJob(path: Routes.regions) { templates.render(views.regionsIndex(), with: "regions") },
            PageJob(path: Routes.pdus) { templates.render(views.pdusIndex(), with: "pdus") },
            PageJob(path: Routes.notFound) { templates.render(views.notFound(), with: "404") },
            PageJob(path: Routes.search) { templates.render(views.searchPage(), with: "search") },
            PageJob(path: Routes.glossary) { templates.render(views.glossaryPage(), with: "glossary") },
            PageJob(path: Routes.searchIndex) { SearchIndex(graph: graph).javascript() },
            PageJob(path: Routes.feed) { templates.render(views.feed(), with: "feed") },
            PageJob(path: Routes.sitemap) { templates.render(views.sitemap(), with: "sitemap") },
            PageJob(path: Routes.robots) { templates.render(views.robots(), with: "robots") },
            PageJob(path: Routes.dataCSV) { OpenData(graph: graph).csv() },
            PageJob(path: Routes.dataJSON) { OpenData(graph: graph).json() },
        ]
        let inspectionMarkdown = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs)
        for inspection in graph.inspections {
            jobs.append(PageJob {
                let body = inspectionMarkdown.render(
                    inspection.body, glossary: graph.glossary,
                    glossaryPage: Routes.rootPrefix(from: Routes.inspection(inspection.slug)) + Routes.glossary)
                return [
                    (Routes.inspection(inspection.slug), templates.render(views.inspectionPage(inspection, body: body), with: "inspection")),
                    (Routes.printVersion(inspection.slug), templates.render(views.printPage(inspection, body: body), with: "print")),
                ]
            })
        }
        let regionMarkdown = MarkdownRenderer(reservedIDs: RegionPageView.reservedIDs)
        for region in graph.regions {
            jobs.append(PageJob(path: Routes.region(region.slug)) {
                let body = regionMarkdown.render(
                    region.body, glossary: graph.glossary, glossaryPage: Routes.rootPrefix(from: Routes.region(region.slug)) + Routes.glossary)
                return templates.render(views.regionPage(region, body: body), with: "region")
            })
        }
        for entry in graph.pdus.values.sorted(by: { $0.pdu.slug < $1.pdu.slug }) {
            jobs.append(PageJob(path: Routes.pdu(entry.pdu.slug)) { templates.render(views.pduPage(entry), with: "pdu") })
        }
        return jobs
    }

    /// Renders and writes every page, on as many cores as there are, a bounded number at a time so
    /// that memory stays flat however many reports there are.
    func writePages(_ graph: SiteGraph, templates: TemplateSet, to output: StagedOutput) async throws(DiagnosticsError) -> [String] {
        let jobs = pageJobs(graph, templates: templates)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let result: Result<[String], DiagnosticsError> = await withTaskGroup(of: Result<[String], DiagnosticsError>.self) { group in
            var next = 0
            var written: [String] = []
            var failure: DiagnosticsError?
            func enqueue() {
                guard next < jobs.count else { return }
                let job = jobs[next]
                next += 1
                group.addTask {
                    do throws(DiagnosticsError) {
                        let pages = job.render()
                        for page in pages { try output.write(Data(page.html.utf8), to: page.path) }
                        return .success(pages.map(\.path))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for _ in 0..<min(width * 2, jobs.count) { enqueue() }
            for await outcome in group {
                switch outcome {
                case .success(let paths): written.append(contentsOf: paths)
                case .failure(let error): failure = failure ?? error
                }
                if failure == nil { enqueue() }
            }
            if let failure { return .failure(failure) }
            return .success(written)
        }
        return try result.get()
    }
}
