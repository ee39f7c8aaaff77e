import Foundation

/// The folder where a build keeps what the next one needs to remake only what changed: the manifest,
/// the facts of every rendered text and the decoded reports.
///
/// It lives outside the output folder because the output folder is uploaded as it is, and these
/// files hold every report's front matter, drafts' included. Like other generators' caches it can be
/// deleted at any time: the next build is then a full one. There is one folder per output folder, so
/// builds into different folders never trust each other's bookkeeping.
struct BuildCache: Sendable {
    static let manifestName = "manifest.bin"
    static let factsName = "texts.tsv"
    static let inspectionsName = "inspections.bin"
    /// The decoded reports changed or removed since `inspectionsName` was written (`InspectionCache`).
    static let inspectionChangesName = "inspections-changes.bin"
    static let searchName = "search.bin"
    /// The paths in which the tree put aside beside the output (`StagedOutput.patching`) differs from it.
    static let previousTreeName = "previous-tree.txt"
    /// The stamps of the output's folders (`OutputFolders`), by which a build with nothing to do
    /// checks the output without reading every entry.
    static let foldersName = "folders.bin"
    /// The stamps of the folders of the tree put aside, taken when it was the output: by them the
    /// build that patches it reads only its folders that changed (`SiteTree.removeAllBut`).
    static let previousFoldersName = "previous-folders.bin"
    /// Every file the cache holds; the manifest first, as it is the one that vouches for the others.
    static let fileNames = [manifestName, factsName, inspectionsName, inspectionChangesName, searchName, previousTreeName, foldersName, previousFoldersName]

    /// The folder of this output's files.
    let folder: URL

    /// The cache of the output folder `output`, in a folder of its own under `root`: the folder the
    /// path leads to, through symbolic links, so that two ways of naming one output share a cache.
    init(root: String, output: String) {
        let outputURL = URL(fileURLWithPath: FolderLayout.resolve(output))
        // The name says which output it serves; the digest of the whole path keeps two outputs of
        // the same name apart.
        let name = "\(outputURL.lastPathComponent)-\(ContentDigest(outputURL.path).description.prefix(12))"
        folder = URL(fileURLWithPath: root).standardizedFileURL.appendingPathComponent(name)
    }

    /// Where caches go unless told: `.reportsite-cache` beside the content folder, at the project's root.
    static func defaultRoot(content: String) -> String {
        URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".reportsite-cache").path
    }

    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// The file's bytes, mapped rather than copied: the inspections and texts files of a large site
    /// are tens of megabytes, of which a one-file rebuild uses every entry but copies none. A cache
    /// file is only ever replaced by a rename, never changed in place, so the mapped bytes stay.
    func read(_ name: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: path(name)), options: .alwaysMapped)
    }

    /// Takes the manifest away, so that the other files are trusted no longer: done before the
    /// output folder changes, which a killed build could leave half-changed.
    func invalidate() throws(DiagnosticsError) {
        try remove([Self.manifestName])
    }

    /// Takes away the records of the tree put aside beside the output, before that tree changes.
    func forgetPreviousTree() throws(DiagnosticsError) {
        try remove([Self.previousTreeName, Self.previousFoldersName])
    }

    /// Takes every file away (a build that keeps its bookkeeping in memory leaves none on disk).
    func forget() throws(DiagnosticsError) {
        try remove(Self.fileNames)
    }

    private func remove(_ names: [String]) throws(DiagnosticsError) {
        for name in names where unlink(path(name)) != 0 && errno != ENOENT {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path(name)), "cannot remove: \(String(cString: strerror(errno)))")])
        }
    }

    /// A fresh folder inside the cache, for files that replace the cache's own only once the output
    /// folder has changed.
    func staging() throws(DiagnosticsError) -> Staging {
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: staging.path), "cannot create the build cache: \(error.localizedDescription)")])
        }
        return Staging(cache: self, folder: staging)
    }

    /// Files written for the next build, moved into the cache by `commit`.
    struct Staging: Sendable {
        let cache: BuildCache
        let folder: URL

        func write(_ chunks: [Data], as name: String) throws(DiagnosticsError) {
            try write(FileParts(count: chunks.count) { chunks[$0] }, as: name)
        }

        func write(_ parts: FileParts, as name: String) throws(DiagnosticsError) {
            let target = folder.appendingPathComponent(name).path
            do {
                try FileWriter.write(parts, to: target)
            } catch {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: target), "cannot write the build cache: \(error.localizedDescription)")])
            }
        }

        /// Moves the written files into the cache, the manifest last: until it is there, the cache
        /// vouches for nothing.
        func commit() throws(DiagnosticsError) {
            defer { discard() }
            for name in BuildCache.fileNames.reversed() {
                let source = folder.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: source) else { continue }
                if rename(source, cache.path(name)) != 0 {
                    throw DiagnosticsError([Diagnostic(at: SourceLocation(file: cache.path(name)),
                                                       "cannot update the build cache: \(String(cString: strerror(errno)))")])
                }
            }
        }

        func discard() {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
