import ArgumentParser
import Foundation
import ReportSite
import ReportSiteServer

/// `reportsite serve`: preview the site, drafts included, reloading the browser on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with its drafts; open pages reload when a content or template file changes.",
        discussion: "The preview is built into its own folder (never the output folder) and served on 127.0.0.1 unless --host says otherwise.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "Address to listen on. Only this machine can connect to the default.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8000

    @Option(help: "Folder for the preview build (default: a new folder under the system's temporary folder).")
    var previewOutput: String?

    @Flag(help: "Print how long each stage of every rebuild took.")
    var timings = false

    func run() async throws {
        let folder: PreviewFolder
        do {
            if let previewOutput { folder = try PreviewFolder.named(previewOutput) } else { folder = try PreviewFolder.temporary() }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let site = folder.site
        let server = PreviewServer(options: .init(
            content: folders.content, templates: folders.templates, previewFolder: site, host: host, port: port, timings: timings))
        let host = self.host, content = folders.content
        // The folder made for this preview goes when the server does: after a stop, a failed start,
        // or (from the signal handler) a stop that took too long.
        defer { folder.removeMadeFolder() }
        try await server.run(cleanup: { folder.removeMadeFolder() }) { port in
            // Written straight to the descriptor: tests and scripts read the port from this line.
            let line = "Previewing \(content)/ at http://\(host):\(port)/ (preview build in \(site)); Ctrl+C stops\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
