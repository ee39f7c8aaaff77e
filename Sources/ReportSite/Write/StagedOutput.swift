import Foundation

/// Writes a whole site into a staging folder beside the output folder, then swaps it in only when
/// every page succeeded, so a failed build leaves the last good site untouched.
public struct StagedOutput: Sendable {
    /// Marks a folder as made by reportsite, so that a folder the user keeps something else in is never replaced.
    public static let markerName = ".reportsite-output"

    public let output: URL
    public let staging: URL

    /// Prepares a fresh staging folder for `output`, refusing outputs that would destroy something:
    /// a folder that contains any of `protected` (the content, the templates) or a folder not made by reportsite.
    public init(output path: String, protecting protected: [String]) throws(DiagnosticsError) {
        let output = URL(fileURLWithPath: path).standardizedFileURL
        for other in protected {
            let otherURL = URL(fileURLWithPath: other).standardizedFileURL
            if Self.isSame(otherURL, orInside: output) {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path),
                    "the output folder contains \(other); building would replace it",
                    note: "choose an output folder of its own, such as Output")])
            }
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
            let madeByUs = fileManager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path)
            if !isDirectory.boolValue || (!contents.isEmpty && !madeByUs) {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path),
                    "\(path) exists and was not made by reportsite; refusing to replace it",
                    note: "move it away or choose another --output")])
            }
        }
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: staging.path), "cannot create the staging folder: \(error.localizedDescription)")])
        }
        self.output = output
        self.staging = staging
    }

    /// Writes `data` at `relativePath` inside the staging folder. The path must stay inside it.
    public func write(_ data: Data, to relativePath: String) throws(DiagnosticsError) {
        try write([data], to: relativePath)
    }

    /// Writes `chunks`, one after another, as the file at `relativePath` inside the staging folder.
    public func write(_ chunks: [Data], to relativePath: String) throws(DiagnosticsError) {
        guard let target = resolve(relativePath) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: relativePath), "refusing to write outside the output folder")])
        }
        do {
            try FileWriter.write(chunks, to: target.path)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: relativePath), "cannot write: \(error.localizedDescription)")])
        }
    }

    /// Replaces the output folder with the staging folder.
    public func commit() throws(DiagnosticsError) {
        let fileManager = FileManager.default
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        do {
            let hadOutput = fileManager.fileExists(atPath: output.path)
            if hadOutput { try fileManager.moveItem(at: output, to: old) }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                // Put the last good site back before reporting.
                if hadOutput { try? fileManager.moveItem(at: old, to: output) }
                throw error
            }
            if hadOutput { try? fileManager.removeItem(at: old) }
        } catch {
            discard()
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: output.path), "cannot replace the output folder: \(error.localizedDescription)")])
        }
    }

    /// Moves `files` from the staging folder into the output folder, each replacing its old version
    /// in one rename, then deletes `removing` from the output, and the staging folder.
    ///
    /// For an incremental build, whose pages are all made before this is called, so a failed build
    /// still changes nothing. Were the build killed half-way through the renames, every file would
    /// still be whole, and the build cache, whose manifest is taken away before this is called,
    /// would make the next build a full one.
    public func commitPatch(files: [String], removing: [String]) throws(DiagnosticsError) {
        let fileManager = FileManager.default
        for path in files {
            guard let source = resolve(path) else { continue }
            let target = output.appendingPathComponent(path)
            do {
                // Most files replace one in a folder that is there: its folder is made only when missing.
                if rename(source.path, target.path) != 0 {
                    guard errno == ENOENT else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path]) }
                    try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if rename(source.path, target.path) != 0 {
                        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
                    }
                }
            } catch {
                discard()
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: target.path), "cannot update the output folder: \(error.localizedDescription)")])
            }
        }
        for path in removing {
            guard resolve(path) != nil else { continue }
            let target = output.appendingPathComponent(path)
            try? fileManager.removeItem(at: target)
            // A page's folder goes with its last file.
            let folder = target.deletingLastPathComponent()
            if folder.path != output.path, (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                try? fileManager.removeItem(at: folder)
            }
        }
        discard()
    }

    /// Removes the staging folder, leaving the output as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The URL of `relativePath` inside staging, or nil if it is absolute, empty or climbs out with `..`.
    func resolve(_ relativePath: String) -> URL? {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else { return nil }
        return staging.appendingPathComponent(relativePath)
    }

    private static func isSame(_ url: URL, orInside folder: URL) -> Bool {
        let path = url.resolvingSymlinksInPath().path, folderPath = folder.resolvingSymlinksInPath().path
        return path == folderPath || path.hasPrefix(folderPath.hasSuffix("/") ? folderPath : folderPath + "/")
    }
}
