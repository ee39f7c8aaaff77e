import ArgumentParser
import Foundation
import ReportSite

/// `reportsite check`: every check `build` runs, without writing anything.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates, and report every problem with its file and line.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Treat warnings as errors, and check the site's address as for publication (not a placeholder, https).")
    var strict = false

    @Option(help: ArgumentHelp("The address the site is published at, in place of site.yml's base_url (also: the REPORTSITE_BASE_URL environment variable).",
                               valueName: "url"))
    var baseURL: String?

    @Option(help: "How to print the diagnostics: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let diagnostics = await SiteChecker(content: folders.content, templates: folders.templates, strict: strict,
                                            baseURL: BaseURLOverride.from(option: baseURL), checksPublicAddress: strict).check()
        let report = DiagnosticReport(diagnostics)
        switch format {
        case .text:
            DiagnosticPrinter.print(diagnostics)
            print(report.summary)
        case .json:
            print(report.json())
        }
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
