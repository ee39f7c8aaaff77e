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

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How to print the diagnostics: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let diagnostics = await SiteChecker(content: folders.content, templates: folders.templates, strict: strict).check()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .text:
            DiagnosticPrinter.print(diagnostics)
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        case .json:
            print(try DiagnosticPrinter.json(diagnostics, errors: errors, warnings: warnings))
        }
        if errors > 0 { throw ExitCode.failure }
    }
}
