import Foundation

/// Runs the whole pipeline: load content, resolve the graph, render Markdown and templates, and write
/// the site atomically.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        public var includeDrafts: Bool

        public init(content: String = "Content", templates: String = "Templates", output: String = "Output",
                    includeDrafts: Bool = false) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includeDrafts = includeDrafts
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
        let (content, warnings) = try ContentLoader(root: options.content).load()
        let graph = try SiteGraph.build(content, includeDrafts: options.includeDrafts)
        let templates = try await TemplateSet.load(from: options.templates)
        let pages = renderPages(graph, templates: templates)

        let output = try StagedOutput(output: options.output, protecting: [options.content, options.templates])
        var written: [String] = []
        do throws(DiagnosticsError) {
            for (path, html) in pages {
                try output.write(Data(html.utf8), to: path)
                written.append(path)
            }
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
            warnings: warnings + graph.warnings, seconds: Date().timeIntervalSince(start))
    }

    /// Every page of the site as `(path, html)`.
    func renderPages(_ graph: SiteGraph, templates: TemplateSet) -> [(String, String)] {
        let views = ViewBuilder(graph: graph)
        var pages: [(String, String)] = [
            (Routes.home, templates.render(views.homePage(), with: "home")),
            (Routes.regions, templates.render(views.regionsIndex(), with: "regions")),
            (Routes.pdus, templates.render(views.pdusIndex(), with: "pdus")),
            (Routes.notFound, templates.render(views.notFound(), with: "404")),
        ]
        let inspectionMarkdown = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs)
        for inspection in graph.inspections {
            let view = views.inspectionPage(inspection, body: inspectionMarkdown.render(inspection.body))
            pages.append((Routes.inspection(inspection.slug), templates.render(view, with: "inspection")))
        }
        let regionMarkdown = MarkdownRenderer(reservedIDs: ["main", "top", "pdus", "ratings", "regional-inspections"])
        for region in graph.regions {
            let view = views.regionPage(region, body: regionMarkdown.render(region.body))
            pages.append((Routes.region(region.slug), templates.render(view, with: "region")))
        }
        for entry in graph.pdus.values.sorted(by: { $0.pdu.slug < $1.pdu.slug }) {
            pages.append((Routes.pdu(entry.pdu.slug), templates.render(views.pduPage(entry), with: "pdu")))
        }
        return pages
    }
}
