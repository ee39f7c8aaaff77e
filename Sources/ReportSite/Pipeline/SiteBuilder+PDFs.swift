import Foundation

extension SiteBuilder {
    /// Prints the PDF of each report whose pages were just made (`pages`, among every page whose
    /// text was rendered) from its print version in staging, then makes its page again with a link
    /// to the PDF and its size; returns the PDFs' paths. Any PDF that fails fails the build.
    func makePDFs(
        of pages: some Collection<String>, graph: SiteGraph, views: ViewBuilder, templates: any PageTemplates,
        browser: String, in output: StagedOutput
    ) async throws(DiagnosticsError) -> [String] {
        let bySlug = Dictionary(graph.inspections.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let inspections = pages.compactMap { page -> Inspection? in
            let parts = page.split(separator: "/")
            guard parts.count == 3, parts[0] == "inspections" else { return nil }
            return bySlug[String(parts[1])]
        }.sorted { $0.slug < $1.slug }
        guard !inspections.isEmpty else { return [] }
        let made = try await PDFExporter(site: output.staging.path, browser: browser).export(inspections.map(\.slug))
        let glossary = graph.glossary
        for inspection in inspections {
            let pdf = Routes.pdf(inspection.slug), page = Routes.inspection(inspection.slug)
            let size = (try? FileManager.default.attributesOfItem(atPath: output.staging.appendingPathComponent(pdf).path))?[.size] as? Int ?? 0
            let body = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs, attachments: graph.attachments).render(
                inspection.body.markdown, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            var view = views.inspectionPage(inspection, body: body)
            view.pdf = .init(href: (pdf as NSString).lastPathComponent, size: Format.fileSize(size))
            try output.write(templates.inspection(view).data, to: page)
        }
        return made
    }
}
