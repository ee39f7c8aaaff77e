import Foundation

/// `reportsite clean`: removes what builds made, the output folder and the build cache, and nothing
/// else. A folder is removed only when it bears reportsite's mark: the output's marker file
/// (`StagedOutput.markerName`), or a cache holding nothing but the cache's own files. Anything else
/// is reported and left as it is, so a mistyped `--output` or `--cache` cannot destroy a folder.
public struct SiteCleaner: Sendable {
    public var output: String
    /// The folder under which builds keep their bookkeeping; nil for `.reportsite-cache` beside `content`.
    public var cacheRoot: String?
    public var content: String

    public init(output: String = "Output", content: String = "Content", cacheRoot: String? = nil) {
        self.output = output
        self.content = content
        self.cacheRoot = cacheRoot
    }

    /// The cache folder this cleaner removes.
    public var cacheFolder: String { cacheRoot ?? BuildCache.defaultRoot(content: content) }

    /// Removes the output, the folders builds leave beside it, and the cache; returns the paths
    /// removed, as the user named them. Throws, having removed what it could, when a folder is not
    /// reportsite's.
    public func clean() async throws(DiagnosticsError) -> [String] {
        // A build running into the same output finishes first: its files are not pulled from under it.
        let lock = try await BuildLock.take(output: output)
        defer { withExtendedLifetime(lock) {} }
        var removed: [String] = []
        var problems: [Diagnostic] = []
        let fileManager = FileManager.default

        let resolved = StagedOutput.resolve(output)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: resolved.path, isDirectory: &isDirectory) {
            let marked = fileManager.fileExists(atPath: resolved.appendingPathComponent(StagedOutput.markerName).path)
            if !isDirectory.boolValue || !marked {
                let empty = isDirectory.boolValue && ((try? fileManager.contentsOfDirectory(atPath: resolved.path)) ?? ["?"]).isEmpty
                if !empty {
                    problems.append(Diagnostic(at: SourceLocation(file: output), "\(output) was not made by reportsite (it has no \(StagedOutput.markerName)); left as it is",
                                               note: "remove it yourself if it is yours to remove, or name the output with --output"))
                }
            } else if Self.isLink(output) {
                // The link is the user's: the folder it points to is emptied, the link kept, as builds keep it.
                for name in (try? fileManager.contentsOfDirectory(atPath: resolved.path)) ?? [] {
                    try remove(resolved.appendingPathComponent(name).path, shownAs: output + "/" + name)
                }
                removed.append(output + "/")
            } else {
                try remove(resolved.path, shownAs: output)
                removed.append(output + "/")
            }
        }
        // What builds leave beside the output: the tree put aside for the next incremental build,
        // and the staging folders of builds that were killed.
        let parent = resolved.deletingLastPathComponent()
        let prefix = ".\(resolved.lastPathComponent)."
        for name in ((try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count)
            guard suffix == "previous" || suffix.hasPrefix("staging-") || suffix.hasPrefix("old-") else { continue }
            let path = parent.appendingPathComponent(name).path
            guard fileManager.fileExists(atPath: (path as NSString).appendingPathComponent(StagedOutput.markerName)) || suffix.hasPrefix("old-") else { continue }
            try remove(path, shownAs: path)
            removed.append(path + "/")
        }

        let cache = cacheFolder
        if fileManager.fileExists(atPath: cache) {
            if let stranger = Self.firstStranger(inCache: cache) {
                problems.append(Diagnostic(at: SourceLocation(file: stranger), "\(cache) holds a file builds do not make; the cache was left as it is",
                                           note: "name the cache folder with --cache, or remove it yourself"))
            } else {
                try remove(cache, shownAs: cache)
                removed.append(cache + "/")
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return removed
    }

    /// The first file under a cache root that a build does not make, or nil when all are a build's:
    /// one folder per output, holding the cache's files and the staging folders of its writes.
    static func firstStranger(inCache root: String) -> String? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue, !isLink(root) else { return root }
        for folder in ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).sorted() {
            let path = (root as NSString).appendingPathComponent(folder)
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue, !isLink(path) else { return path }
            for name in ((try? fileManager.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let file = (path as NSString).appendingPathComponent(name)
                if BuildCache.fileNames.contains(name) && !isLink(file) { continue }
                if name.hasPrefix(".staging-"), firstStrangerInStaging(file) == nil { continue }
                return file
            }
        }
        return nil
    }

    private static func firstStrangerInStaging(_ folder: String) -> String? {
        if isLink(folder) { return folder }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !BuildCache.fileNames.contains(name) {
            return (folder as NSString).appendingPathComponent(name)
        }
        return nil
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func remove(_ path: String, shownAs name: String) throws(DiagnosticsError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: name), "cannot remove: \(error.localizedDescription)")])
        }
    }
}
