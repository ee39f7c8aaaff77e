import ArgumentParser
import Foundation
import ReportSite

/// `reportsite new`: starts a report file with every field to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new report or page: a draft with every field of the format to fill in.",
        subcommands: [Inspection.self, Page.self])

    struct Inspection: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write inspections/<slug>.md for a PDU's (or a region's) inspection, as a draft.",
            discussion: """
                The file has every field of the format, each standard and key question of the framework \
                as an empty placeholder with a comment, and the report's sections as headings. It passes \
                `reportsite check` as it is; remove `draft: true` when it is ready. The file is named after \
                the subject and the year; when a report of that year has the name, the month (and the day) \
                of --date are added, or --slug chooses the name. An existing file is never replaced.
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

        @Option(help: ArgumentHelp("The file's name, without .md (lower-case letters, digits, hyphens); by default from the subject and the date.",
                                   valueName: "name"))
        var slug: String?

        func validate() throws {
            guard (pdu == nil) != (region == nil) else { throw ValidationError("name either --pdu or --region") }
        }

        func run() throws {
            let subject: NewReport.Subject = pdu.map { .pdu($0) } ?? .region(region ?? "")
            do {
                let path = try NewReport(subject: subject, framework: framework, date: date, slug: slug).write(into: content)
                print("Wrote \(path): a draft. Fill it in, then run 'reportsite check' and 'reportsite serve'.")
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }

    struct Page: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write pages/<name>.md, a page of the site's own (about, contact, a statement), as a draft.",
            discussion: """
                NAME is the file's name (contact-us) or the page's title ("Contact us"), from which the \
                name is made. The page passes `reportsite check` as it is and shows in the preview; remove \
                `draft: true` to publish it, and link it from site.yml's navigation or footer with \
                {title: "...", page: NAME}. An existing file is never replaced.
                """)

        @Argument(help: "The page's file name (without .md) or its title.")
        var name: String

        @Option(help: "The page's title; by default made from NAME.")
        var title: String?

        @Option(help: "Folder of content.")
        var content = "Content"

        func run() throws {
            do {
                let path = try NewPage(name: name, title: title).write(into: content)
                print("Wrote \(path): a draft. Write the page, then run 'reportsite check' and 'reportsite serve'.")
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
