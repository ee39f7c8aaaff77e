import ArgumentParser
import Foundation
import ReportSite

/// `reportsite new`: starts a report file with every field to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new report: a draft with every field of the format to fill in.",
        subcommands: [Inspection.self])

    struct Inspection: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write inspections/<slug>.md for a PDU's (or a region's) inspection, as a draft.",
            discussion: """
                The file has every field of the format, each standard and key question of the framework \\
                as an empty placeholder with a comment, and the report's sections as headings. It passes \\
                `reportsite check` as it is; remove `draft: true` when it is ready.
                """)

        @Option(help: "Folder of content.")
        var content = "Content"

        @Option(help: "The PDU inspected, as its region file names it (or an alias).")
        var pdu: String?

        @Option(help: "The region inspected, for a regional inspection (its slug or name).")
        var region: String?

        @Option(help: "The framework (programme) id; by default the newest for PDUs or regions.")
        var framework: String?

        @Option(help: "Publication date: YYYY, YYYY-MM or YYYY-MM-DD; by default this year. Its year names the file.")
        var date: String?

        func validate() throws {
            guard (pdu == nil) != (region == nil) else { throw ValidationError("name either --pdu or --region") }
        }

        func run() throws {
            let subject: NewReport.Subject = pdu.map { .pdu($0) } ?? .region(region ?? "")
            do {
                let path = try NewReport(subject: subject, framework: framework, date: date).write(into: content)
                print("Wrote \(path): a draft. Fill it in, then run 'reportsite check' and 'reportsite serve'.")
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
