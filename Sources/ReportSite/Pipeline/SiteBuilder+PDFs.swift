import Foundation
import ReportSiteViews

extension SiteBuilder {
    /// Prints the PDF of each report whose pages were just made, in each language, from its print
    /// version in the staged site, unless the site in the output has its PDF printed from the very
    /// same print version (which is then kept); then makes the report's page again with a link to
    /// the PDF and its size. Any PDF that fails fails the build.
    func printPDFs(_ plan: BuildPlan, _ made: inout Rendered, into staged: StagedBuild, clock: inout StageClock) async throws(DiagnosticsError) {
        guard let browser = plan.browser, !made.printed.isEmpty else { return }
        let output = staged.output
        var printedCount = 0, keptCount = 0
        for language in SiteLanguage.all(of: plan.graph) {
            let views = plan.views.speaking(language)
            let inspections = views.graph.inspections.filter { made.printed[language.folder + Routes.pdf($0.slug)] != nil }
            let toPrint = inspections.filter { inspection in
                let pdf = language.folder + Routes.pdf(inspection.slug)
                return plan.printedPDFs[pdf] != made.printed[pdf] || !output.keep(pdf)
            }
            // The exporter works within one language's folder, where the paths are the default language's.
            let site = language.isDefault ? output.staging.path : output.staging.appendingPathComponent(language.folder).path
            made.paths += try await PDFExporter(site: site, browser: browser).export(toPrint.map(\.slug)).map { language.folder + $0 }
            printedCount += toPrint.count
            keptCount += inspections.count - toPrint.count
            let glossary = plan.graph.glossary, attachments = plan.graph.attachments
            for inspection in inspections {
                let pdf = language.folder + Routes.pdf(inspection.slug), page = Routes.inspection(inspection.slug)
                let size = (try? FileManager.default.attributesOfItem(atPath: output.staging.appendingPathComponent(pdf).path))?[.size] as? Int ?? 0
                var renderer = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs, attachments: attachments)
                renderer.sharedPrefix = views.sharedPrefix
                let body = renderer.render(inspection.body.markdown, glossary: glossary,
                                           glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
                var view = views.inspectionPage(inspection, body: body)
                view.pdf = .init(href: (pdf as NSString).lastPathComponent, size: Format.fileSize(size))
                try output.write(options.templates.inspection(view).data, to: language.folder + page)
            }
        }
        clock.mark("print \(printedCount) PDFs, keep \(keptCount)")
    }
}
