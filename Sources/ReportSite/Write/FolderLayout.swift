import Foundation

/// The folders a build or a preview works with (content, templates, output, cache, preview output),
/// checked before anything is written: none may lie inside another, followed through symbolic links,
/// and the cache and a preview may not lie inside any site reportsite made.
///
/// A cache inside the output would publish the decoded drafts it holds; an output inside the content
/// would be read back as content; a preview inside the published site would leave drafts and notes
/// there when it stops.
package struct FolderLayout: Sendable {
    /// One folder and what it is for, in words ("the output folder").
    package struct Folder: Sendable {
        package var role: String
        package var path: String
        /// Whether no site reportsite made may contain it (the cache and a preview's folder).
        package var keptOutOfSites: Bool

        package init(_ role: String, _ path: String, keptOutOfSites: Bool = false) {
            self.role = role
            self.path = path
            self.keptOutOfSites = keptOutOfSites
        }
    }

    package var folders: [Folder]

    package init(_ folders: [Folder]) {
        self.folders = folders
    }

    /// Throws one diagnostic for each pair of folders of which one is, or is inside, the other.
    package func check() throws(DiagnosticsError) {
        let resolved = folders.map { (folder: $0, path: Self.resolve($0.path)) }
        var problems: [Diagnostic] = []
        for (index, inner) in resolved.enumerated() {
            for (otherIndex, outer) in resolved.enumerated() where otherIndex != index {
                guard Self.isSame(inner.path, orInside: outer.path) else { continue }
                // The same folder twice is one problem, not two.
                if inner.path == outer.path && otherIndex < index { continue }
                let relation = inner.path == outer.path ? "is the same folder as" : "is inside"
                problems.append(Diagnostic(at: SourceLocation(file: inner.folder.path),
                    "\(inner.folder.role) (\(inner.folder.path)) \(relation) \(outer.folder.role) (\(outer.folder.path))",
                    note: "give each its own folder, side by side, such as Content, Output and .reportsite-cache"))
            }
            if inner.folder.keptOutOfSites, let site = Self.siteContaining(inner.path) {
                problems.append(Diagnostic(at: SourceLocation(file: inner.folder.path),
                    "\(inner.folder.role) (\(inner.folder.path)) is inside \(site), a site reportsite built, which is published as it is",
                    note: "choose a folder outside every built site"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// The nearest folder above `path` (not `path` itself) holding the marker of a site reportsite
    /// made, if any.
    static func siteContaining(_ path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        while folder != "/" && !folder.isEmpty {
            if FileManager.default.fileExists(atPath: folder + "/" + StagedOutput.markerName) { return folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The absolute path `path` leads to, its symbolic links followed as far as it exists; the rest
    /// (folders a build is yet to make) appended as written.
    static func resolve(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while existing != "/", !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real = existing.withCString { pointer -> String in
            guard let resolved = realpath(pointer, nil) else { return existing }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return rest.reduce(real) { ($0 as NSString).appendingPathComponent($1) }
    }

    static func isSame(_ path: String, orInside folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
