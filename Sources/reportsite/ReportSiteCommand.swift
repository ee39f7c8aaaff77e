import ArgumentParser
import Foundation
import ReportSite

/// `reportsite`: builds the probation inspection reports website.
@main
struct ReportSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportsite",
        abstract: "Publish probation inspection reports as a static website.",
        version: "reportsite 1.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, CleanCommand.self, NewCommand.self, PDFCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// Folders every subcommand reads.
struct SiteFolders: ParsableArguments {
    @Option(help: "Folder of content: site.yml, frameworks/, regions/, inspections/, pages/.")
    var content = "Content"

    @Option(help: "Templates folder: its assets/ (CSS, scripts, icon) is copied into the site; the page templates are compiled in.")
    var templates = "Templates"
}

/// Prints diagnostics the way compilers do, on standard error.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
