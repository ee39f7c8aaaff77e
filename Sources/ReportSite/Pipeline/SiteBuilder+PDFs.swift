import Foundation
import ReportSiteViews

extension SiteBuilder {
    /// Prints the PDF of each report whose pages were just made, from its print version in the
    /// staged site, unless the site in the output has its PDF printed from the very same print
    /// version (which is then kept); then makes the report's page again with a link to the PDF and
    /// its size. Any PDF that fails fails the build.
    func printPDFs(_ plan: BuildPlan, _ made: inout Rendered, into staged: StagedBuild, clock: inout StageClock) async throws(DiagnosticsError) {
        guard let browser = plan.browser, !made.printed.isEmpty else { return }
        let output = staged.output
        let inspections = plan.graph.inspections.filter { made.printed[$0.slug] != nil }
        let toPrint = inspections.filter { inspection in
            let pdf = Routes.pdf(inspection.slug)
            return plan.printedPDFs[pdf] != made.printed[inspection.slug] || !output.keep(pdf)
        }
        made.paths += try await PDFExporter(site: output.staging.path, browser: browser).export(toPrint.map(\.slug))
        let glossary = plan.graph.glossary, attachments = plan.graph.attachments
        for inspection in inspections {
            let pdf = Routes.pdf(inspection.slug), page = Routes.inspection(inspection.slug)
            let size = (try? FileManager.default.attributesOfItem(atPath: output.staging.appendingPathComponent(pdf).path))?[.size] as? Int ?? 0
            let body = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs, attachments: attachments).render(
                inspection.body.markdown, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            var view = plan.views.inspectionPage(inspection, body: body)
            view.pdf = .init(href: (pdf as NSString).lastPathComponent, size: Format.fileSize(size))
            try output.write(options.templates.inspection(view).data, to: page)
        }
        clock.mark("print \(toPrint.count) PDFs, keep \(inspections.count - toPrint.count)")
    }
}
