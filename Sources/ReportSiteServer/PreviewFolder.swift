import Foundation
import ReportSite

/// Where a preview is built: a folder of its own under the system's temporary folder, or one the
/// author names, which must not be a published site.
package struct PreviewFolder: Sendable {
    /// Marks a folder the preview server builds into (every build with live reload makes it), set
    /// apart from the output marker every build leaves, so that `--preview-output` can tell a preview
    /// from a published site.
    package static let markerName = Routes.previewMarker

    /// The folder the site is built into.
    package let site: String
    /// The folder made for this preview (removed when the server ends), nil when the author named one.
    package let madeFolder: String?

    /// A new folder `reportsite-preview-XXXXXX` made by `mkdtemp`, so its name cannot be guessed and
    /// nothing placed in advance (a symbolic link) is followed; the site is built in `site` inside it.
    package static func temporary() throws(DiagnosticsError) -> PreviewFolder {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("reportsite-preview-XXXXXX")
        var template = Array(base.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: base), "cannot make the preview folder: \(String(cString: strerror(errno)))")])
        }
        let folder = String(cString: made)
        return PreviewFolder(site: (folder as NSString).appendingPathComponent("site"), madeFolder: folder)
    }

    /// The folder the author named, made absolute; refused when a plain build made it (it has the
    /// output marker but not the preview marker), since drafts and the live-reload script would
    /// replace the published site.
    package static func named(_ path: String) throws(DiagnosticsError) -> PreviewFolder {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let fileManager = FileManager.default
        let isOutput = fileManager.fileExists(atPath: (absolute as NSString).appendingPathComponent(Routes.outputMarker))
        let isPreview = fileManager.fileExists(atPath: (absolute as NSString).appendingPathComponent(markerName))
        if isOutput && !isPreview {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path),
                "\(path) holds a site made by 'reportsite build', not a preview; refusing to put drafts in it",
                note: "choose another --preview-output, or leave it out for a temporary folder")])
        }
        return PreviewFolder(site: absolute, madeFolder: nil)
    }

    /// Removes the folder made for this preview, if any. A build may still be writing beside the
    /// site when the server is stopped, so removal is tried a few times.
    package func removeMadeFolder() {
        guard let madeFolder else { return }
        // A build still running may be writing into it: removed, and removed again until it stays gone.
        var goneTimes = 0
        for _ in 0..<50 where goneTimes < 3 {
            try? FileManager.default.removeItem(atPath: madeFolder)
            if FileManager.default.fileExists(atPath: madeFolder) { goneTimes = 0 } else { goneTimes += 1 }
            usleep(2_000)
        }
    }
}
