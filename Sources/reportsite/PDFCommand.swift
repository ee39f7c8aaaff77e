import ArgumentParser
import Foundation

/// `reportsite pdf`: no longer a command of its own. Nothing writes into the output folder but a
/// build, so PDFs are made by the build when the site has them (`pdf: true` in `site.yml`).
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "PDFs are made by 'reportsite build' when site.yml says 'pdf: true'.",
        shouldDisplay: false)

    @Argument(parsing: .allUnrecognized)
    var ignored: [String] = []

    func run() throws {
        FileHandle.standardError.write(Data("""
            reportsite: PDFs are made by the build, so that nothing but a build changes the output folder: \
            put 'pdf: true' in site.yml and run 'reportsite build' (it prints only the reports whose print version changed)\n
            """.utf8))
        throw ExitCode.failure
    }
}
