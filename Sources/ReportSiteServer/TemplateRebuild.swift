import Foundation
import ReportSite
import ReportSiteViews

/// What the preview does when a template's Swift file changes. The templates are compiled into the
/// binary, so the binary is built again (by default `swift build` in the configuration the running
/// binary was built with); meanwhile the pages show a "rebuilding" page that reloads itself once the
/// server answers with the site again. When the build succeeds the server restarts on the new binary;
/// when it fails, the compiler's errors, with file and line, are shown on the error page.
package struct TemplateRebuild: Sendable {
    /// The folder of the templates' Swift files (the package's `Templates/`).
    package var sources: String
    /// The command that builds the binary again, run in `directory`: a test injects its own.
    package var command: [String]
    package var directory: String
    /// Replaces the running server with the new binary; called once the command succeeded.
    package var restart: @Sendable () -> Void

    package init(sources: String, command: [String], directory: String, restart: @escaping @Sendable () -> Void) {
        self.sources = sources
        self.command = command
        self.directory = directory
        self.restart = restart
    }

    /// The stamps of the Swift files under `sources`.
    func snapshot() -> InputStamps {
        var stamps = InputStamps(folders: [sources])
        stamps.files = stamps.files.filter { $0.key.hasSuffix(".swift") }
        return stamps
    }

    /// Runs the command; nil when it succeeded, else what went wrong: the compiler's errors with their
    /// files and lines, or, when the output names none, its last lines.
    func run() async -> DiagnosticsError? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return DiagnosticsError([Diagnostic(at: SourceLocation(file: sources), "cannot run \(command.joined(separator: " ")): \(error)")])
        }
        // Read to the end before waiting, so that a long compiler log cannot fill the pipe and stall it.
        let output = await Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let text = String(decoding: output, as: UTF8.self)
        let found = Self.diagnostics(inCompilerOutput: text)
        if !found.isEmpty { return DiagnosticsError(found) }
        let tail = text.split(separator: "\n").suffix(20).joined(separator: "\n")
        return DiagnosticsError([Diagnostic(at: SourceLocation(file: sources),
                                            "\(command.joined(separator: " ")) failed (exit status \(process.terminationStatus))",
                                            note: tail.isEmpty ? nil : tail)])
    }

    /// The errors in a compiler's output: lines `path:line:column: error: message`, each once.
    static func diagnostics(inCompilerOutput text: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var found: [Diagnostic] = []
        for line in text.split(separator: "\n") {
            guard let marker = line.range(of: ": error: ") else { continue }
            let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else { continue }
            let file = place.dropLast(2).joined(separator: ":")
            guard seen.insert(String(line)).inserted else { continue }
            found.append(Diagnostic(at: SourceLocation(file: file, line: lineNumber, column: column), String(line[marker.upperBound...])))
        }
        return found
    }
}

/// The page shown while the binary is being built again (the templates make it): it asks for the page
/// every fifth of a second and reloads once the answer is no longer this page (the site, or the error page).
enum RebuildingPage {
    /// The response header that marks this page, for the script to tell it from the site.
    static let header = "X-Reportsite-Rebuilding"

    static let view = RebuildingView(markerHeader: header, pollInterval: 200)
}

