import ArgumentParser
import Foundation
import ReportSite

/// `reportsite`: builds the probation inspection reports website.
@main
struct ReportSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportsite",
        abstract: "Publish probation inspection reports as a static website.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// Folders every subcommand reads.
struct SiteFolders: ParsableArguments {
    @Option(help: "Folder of content: site.yml, frameworks/, regions/, inspections/.")
    var content = "Content"

    @Option(help: "Folder of Mustache templates (and assets/ to copy).")
    var templates = "Templates"
}

/// Prints diagnostics the way compilers do, on standard error.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    /// Diagnostics as JSON, for editors and CI.
    static func json(_ diagnostics: [Diagnostic], errors: Int, warnings: Int) throws -> String {
        struct Entry: Encodable {
            var severity: String, file: String, line: Int?, column: Int?, field: String?, message: String, note: String?
        }
        struct Document: Encodable {
            var diagnostics: [Entry], errors: Int, warnings: Int
        }
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                  column: $0.location.column, field: $0.field, message: $0.message, note: $0.note)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(diagnostics: entries, errors: errors, warnings: warnings)), as: UTF8.self)
    }
}
