import ArgumentParser
import Foundation
import ReportSite
import ReportSiteViews
import Templates

/// `reportsite build`: content in, website out, atomically.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "The site is written to a staging folder and replaces the output folder only when every page succeeded.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "Folder to write the site into; replaced as a whole.")
    var output = "Output"

    @Flag(help: "Include drafts: inspections and pages marked draft, or published later.")
    var drafts = false

    @Option(help: ArgumentHelp("Folder for the build's bookkeeping, never published (default: .reportsite-cache beside the content folder).",
                               valueName: "folder"))
    var cache: String?

    /// PDFs are a setting of the site, so that no build drops them: this says where it is.
    @Flag(help: .hidden)
    var pdf = false

    @Option(help: "The browser to print PDFs with, when site.yml says 'pdf: true'; found on PATH by default (chromium, chromium-browser, google-chrome).")
    var browser: String?

    @Option(help: ArgumentHelp("The address the site is published at, in place of site.yml's base_url, for this build (also: the REPORTSITE_BASE_URL environment variable).",
                               valueName: "url"))
    var baseURL: String?

    @Flag(help: "List every file written (an incremental build writes only what changed).")
    var verbose = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    /// For the benchmark: report pages and print versions cut to title and body.
    @Flag(help: .hidden)
    var bareReportPages = false

    /// For the benchmark: no search index, to measure what making it costs.
    @Flag(help: .hidden)
    var withoutSearchIndex = false

    /// For the tests and measurements: split a word's search postings past this many reports, so
    /// that a small site shows what a large one does (see `SearchIndex.splitLimit`).
    @Option(help: .hidden)
    var searchSplitLimit: Int?

    func run() async throws {
        var options = SiteBuilder.Options(
            templates: bareReportPages ? BareReportTemplates() as any PageTemplates : SiteTemplates(),
            content: folders.content, templatesFolder: folders.templates, output: output, includeDrafts: drafts, cacheRoot: cache)
        options.searchIndex = !withoutSearchIndex
        if let searchSplitLimit { options.searchSplitLimit = max(0, searchSplitLimit) }
        let address = BaseURLOverride.from(option: baseURL)
        options.baseURL = address
        options.waiting = { message in FileHandle.standardError.write(Data("\(message)\n".utf8)) }
        if pdf {
            FileHandle.standardError.write(Data("""
                reportsite: whether the site has PDFs is a setting of the site, so that every build keeps them: \
                put 'pdf: true' in \(folders.content)/site.yml and run 'reportsite build'\n
                """.utf8))
            throw ExitCode.failure
        }
        options.browser = browser
        let builder = SiteBuilder(options: options)
        do {
            let report = try await builder.build()
            // Checked on every build, an up-to-date one too: the address is what publication needs right.
            DiagnosticPrinter.print(report.warnings + SiteAddress.publicationWarnings(content: folders.content, override: address))
            if verbose { report.written.forEach { print($0) } }
            if timings {
                for stage in report.clock.stages { print(String(format: "%8.3f s  ", stage.seconds) + stage.name) }
            }
            let seconds = String(format: "%.2f", report.seconds)
            let site = "\(report.pageCount) pages (\(report.inspectionPages) inspections, \(report.regionPages) regions, \(report.pduPages) PDUs)"
            if report.wasUpToDate {
                print("\(output)/ is up to date: \(site), no input changed (checked in \(seconds) s)")
            } else {
                let drafts = report.draftsLeftOut == 0 ? "" : "; \(report.draftsLeftOut) draft\(report.draftsLeftOut == 1 ? "" : "s") left out"
                print("Built \(site) into \(output)/ in \(seconds) s; \(report.written.count) of \(report.fileCount) files written, the rest unchanged\(drafts)")
            }
            // Done: exit while the report still holds what the build made, rather than free memory
            // the system takes back anyway (the library keeps it with the report for this).
            withExtendedLifetime(report) { Foundation.exit(EXIT_SUCCESS) }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            let errorCount = error.errors.count
            FileHandle.standardError.write(Data("build failed: \(errorCount) error\(errorCount == 1 ? "" : "s"); \(output)/ was not changed\n".utf8))
            throw ExitCode.failure
        }
    }
}
