import ArgumentParser
import Foundation
import ReportSite

/// `reportsite clean`: the output folder and the build cache removed, for a build from nothing.
struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the output folder and the build cache.",
        discussion: """
            Removes the output folder, the folders builds leave beside it (.Output.previous, and the staging \
            folders of builds that were stopped) and the build cache (.reportsite-cache beside the content \
            folder). Only folders reportsite made are removed: the output must hold the marker file \
            .reportsite-output that every build writes, and the cache nothing but a build's files; \
            anything else is reported and left as it is (exit status 1). The next build is a full one.
            """)

    @Option(help: "Folder of content; the cache is beside it unless --cache says otherwise.")
    var content = "Content"

    @Option(help: "The output folder to remove.")
    var output = "Output"

    @Option(help: ArgumentHelp("The build cache's folder, as given to build --cache (default: .reportsite-cache beside the content folder).",
                               valueName: "folder"))
    var cache: String?

    func run() async throws {
        let cleaner = SiteCleaner(output: output, content: content, cacheRoot: cache)
        do {
            let removed = try await cleaner.clean()
            print(removed.isEmpty ? "Nothing to clean: no \(output)/ and no build cache" : "Removed \(removed.joined(separator: ", "))")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
