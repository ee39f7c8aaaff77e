import ArgumentParser
import Foundation
import Synchronization
import ReportSite
import ReportSiteServer
import Templates

/// `reportsite serve`: preview the site, drafts included, reloading the browser on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with its drafts; open pages reload when a content or template file changes.",
        discussion: """
            The preview is built into its own folder (never the output folder) and served on 127.0.0.1 unless --host says otherwise. \
            When a template's Swift file changes, the binary is built again (swift build, same configuration) and the server restarts on it.
            """)

    @OptionGroup var folders: SiteFolders

    @Option(help: "Address to listen on. Only this machine can connect to the default.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8000

    @Option(help: "Folder for the preview build (default: a new folder under the system's temporary folder).")
    var previewOutput: String?

    @Flag(help: "Print how long each stage of every rebuild took.")
    var timings = false

    /// For tests: the shell command run instead of `swift build` when a template changes.
    @Option(help: .hidden)
    var templateRebuildCommand: String?

    func run() async throws {
        do {
            try PortProbe.check(host: host, port: port)
        } catch {
            FileHandle.standardError.write(Data("reportsite: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let folder: PreviewFolder
        do {
            if let previewOutput {
                // Drafts, notes and the live-reload script must not land in a published site.
                try FolderLayout([
                    .init("the content folder", folders.content),
                    .init("the templates folder", folders.templates),
                    .init("the preview's folder", previewOutput, keptOutOfSites: true),
                ]).check()
                folder = try PreviewFolder.named(previewOutput)
            } else {
                folder = try PreviewFolder.temporary()
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let site = folder.site
        let bound = BoundPort()
        // A restart on a rebuilt binary makes its own folder: this one goes first.
        let rebuild = templateRebuild(bound: bound, beforeRestart: { folder.removeMadeFolder() })
        let server = PreviewServer(options: .init(
            templates: SiteTemplates(), content: folders.content, templatesFolder: folders.templates, previewFolder: site, host: host, port: port,
            timings: timings, templateRebuild: rebuild))
        let host = self.host, content = folders.content
        if rebuild == nil {
            FileHandle.standardOutput.write(Data("(a template's Swift file is not watched: \(folders.templates)/ is not the package's Templates/ of this binary)\n".utf8))
        }
        // The folder made for this preview goes when the server does: after a stop, a failed start,
        // or (from the signal handler) a stop that took too long.
        defer { folder.removeMadeFolder() }
        do {
            try await server.run(cleanup: { folder.removeMadeFolder() }) { port in
                bound.set(port)
                // Written straight to the descriptor: tests and scripts read the port from this line.
                let line = "Previewing \(content)/ at http://\(host):\(port)/ (preview build in \(site)); Ctrl+C stops\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch is CancellationError {
            // Ctrl+C or SIGTERM: the stop asked for, already said ("stopping"), is no failure.
        }
    }

    /// How to build again when a template changes: the injected command, or `swift build` in the
    /// package this binary was built from, in its configuration, when `--templates` is that package's
    /// `Templates/` (otherwise the edits would not be in what it builds); nil when neither applies.
    func templateRebuild(bound: BoundPort, beforeRestart: @escaping @Sendable () -> Void) -> TemplateRebuild? {
        let binary = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let arguments = CommandLine.arguments
        let restart: @Sendable () -> Void = {
            beforeRestart()
            Restart.exec(binary, arguments: arguments, port: bound.get())
        }
        let cwd = FileManager.default.currentDirectoryPath
        if let templateRebuildCommand {
            return TemplateRebuild(sources: folders.templates, command: ["sh", "-c", templateRebuildCommand], directory: cwd, restart: restart)
        }
        guard let marker = binary.range(of: "/.build/") else { return nil }
        let package = String(binary[..<marker.lowerBound])
        let templates = URL(fileURLWithPath: folders.templates, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
        guard templates == URL(fileURLWithPath: package + "/Templates").standardizedFileURL.path else { return nil }
        let release = binary[marker.upperBound...].hasPrefix("release/")
        let command = ["swift", "build", "--product", "reportsite"] + (release ? ["-c", "release"] : [])
        return TemplateRebuild(sources: templates, command: command, directory: package, restart: restart)
    }
}

/// The port the server bound, for a restart to bind the same one (`--port 0` would pick another).
final class BoundPort: Sendable {
    private let port = Mutex(0)

    func set(_ value: Int) { port.withLock { $0 = value } }
    func get() -> Int { port.withLock { $0 } }
}

/// Replaces the running process with a new binary at the same path, with the same arguments and
/// the port it had bound.
enum Restart {
    static func exec(_ binary: String, arguments: [String], port: Int) -> Never {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--port" { index += 2; continue }
            if argument.hasPrefix("--port=") { index += 1; continue }
            kept.append(argument)
            index += 1
        }
        kept += ["--port", String(port)]
        // Every descriptor but the standard three is closed by the exec itself (close-on-exec): the
        // listening socket above all, which the new server must bind again. Closing them here would
        // pull them from under the server's threads, which are still running.
        if let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            for name in names {
                if let fd = Int32(name), fd > 2 { _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC) }
            }
        }
        let argv = kept.map { strdup($0) } + [nil]
        execv(binary, argv)
        FileHandle.standardError.write(Data("cannot restart \(binary): \(String(cString: strerror(errno)))\n".utf8))
        exit(EXIT_FAILURE)
    }
}
