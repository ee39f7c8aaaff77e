import ArgumentParser
import Foundation
import ReportSite

/// `reportsite pdf`: PDFs of the print versions of a built site, with headless Chromium.
struct PDFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Make a PDF of every inspection's print version in a built site (needs Chromium).",
        discussion: """
            Run `reportsite build` first. Each PDF is written beside its print version: inspections/<slug>/<slug>.pdf. \
            A PDF whose report is no longer in the site is removed. To publish PDFs linked from their pages, \
            and remade whenever their report changes, build with `reportsite build --pdf` instead.
            """)

    @Option(help: "The built site.")
    var output = "Output"

    @Option(help: "Only this inspection (its slug); repeat for several.")
    var only: [String] = []

    @Option(help: "The browser to print with; found on PATH by default (chromium, chromium-browser, google-chrome).")
    var browser: String?

    func run() async throws {
        let browserPath: String
        switch PDFExporter.findBrowser(explicit: browser) {
        case .success(let path): browserPath = path
        case .failure(let diagnostic):
            DiagnosticPrinter.print([diagnostic])
            throw ExitCode.failure
        }
        let exporter = PDFExporter(site: output, browser: browserPath)
        for removed in exporter.removeOrphans() { print("Removed \(removed): its report is no longer in the site") }
        let slugs = only.isEmpty ? exporter.printableSlugs() : only
        if slugs.isEmpty {
            DiagnosticPrinter.print([Diagnostic(at: SourceLocation(file: output), "no print versions found", note: "run 'reportsite build' first")])
            throw ExitCode.failure
        }
        let start = Date()
        do {
            let made = try await exporter.export(slugs)
            print("Made \(made.count) PDF\(made.count == 1 ? "" : "s") in \(output)/ in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
