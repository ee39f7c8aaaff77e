import CAtomicRename
import Foundation

/// Writes a whole site into a staging folder beside the output folder, then switches the output to it
/// in one step only when every page succeeded: a failed build leaves the last good site untouched,
/// and a build killed at any instant leaves the old site or the new one, never a mix or nothing.
///
/// The switch is one `renameat2` exchange of the two folders. A full build writes a new tree. An
/// incremental build reuses the tree the last switch put aside (`.Output.previous`, the site before
/// the last build, its unchanged files hard links to the output's): it brings it up to the output's
/// state by relinking the few files the last build changed (`patching(…)`), writes the changed files
/// into it, and swaps it in, so its cost follows what changed, not the size of the site. Whatever a
/// killed build left beside the output is removed by the next build, under the output's lock
/// (`BuildLock`).
struct StagedOutput: Sendable {
    /// Marks a folder as made by reportsite, so that a folder the user keeps something else in is never replaced.
    static let markerName = ".reportsite-output"

    /// The output folder; when the path given is a symbolic link, the folder it leads to, which is
    /// updated through the link.
    let output: URL
    let staging: URL
    /// `staging`'s path, without a trailing slash.
    let stagingPath: String
    /// The id of the site this build makes, written in its marker.
    let id: String
    /// Whether `staging` is the previous tree, whose files may be hard links to the output's: a file
    /// is then unlinked before it is written, never written through.
    let reusesPreviousTree: Bool
    /// The stamps of this tree's folders taken when it was last the output, when it is the tree put
    /// aside, patched, and they are known to be of it: a folder that still has its stamp at the
    /// switch holds what the site needs there, and is not read (`commit`).
    let lastStamps: OutputFolders?

    /// Prepares a fresh staging folder for `output`, refusing outputs that would destroy something:
    /// a folder that contains any of `protected` (the content, the templates) or a folder not made by reportsite.
    init(output path: String, protecting protected: [String]) throws(DiagnosticsError) {
        let output = try Self.checkedOutput(path, protecting: protected)
        let staging = Self.sibling(of: output, "staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: staging.path), "cannot create the staging folder: \(error.localizedDescription)")])
        }
        self.init(output: output, staging: staging, reusesPreviousTree: false)
        try writeMarker()
    }

    private init(output: URL, staging: URL, reusesPreviousTree: Bool, lastStamps: OutputFolders? = nil) {
        self.output = output
        self.staging = staging
        stagingPath = staging.path.hasSuffix("/") ? String(staging.path.dropLast()) : staging.path
        self.reusesPreviousTree = reusesPreviousTree
        self.lastStamps = lastStamps
        id = UUID().uuidString.lowercased()
    }

    /// The marker of the site being made, holding its id: a new one for every build, kept by the
    /// cache beside the manifest, so that a cache never vouches for a site another build made.
    private func writeMarker() throws(DiagnosticsError) {
        let marker = staging.appendingPathComponent(Self.markerName)
        unlink(marker.path)
        do {
            try Data("reportsite \(id)\n".utf8).write(to: marker)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: marker.path), "cannot write the output's marker: \(error.localizedDescription)")])
        }
    }

    /// The id of the site in the output folder `path` (see `id`), or nil when it has none.
    static func id(of path: String) -> String? {
        id(ofTree: resolve(path))
    }

    /// The id in the marker of the tree `folder`, or nil when it has none.
    private static func id(ofTree folder: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(markerName).path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("reportsite ") else { return nil }
        return String(text.dropFirst("reportsite ".count).prefix { $0 != "\n" })
    }

    /// The output folder `path` names, refused when it contains any of `protected` (the content, the
    /// templates) or is a folder not made by reportsite.
    private static func checkedOutput(_ path: String, protecting protected: [String]) throws(DiagnosticsError) -> URL {
        let output = resolve(path)
        for other in protected {
            let otherURL = URL(fileURLWithPath: other).standardizedFileURL
            if isSame(otherURL, orInside: output) {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path),
                    "the output folder contains \(other); building would replace it",
                    note: "choose an output folder of its own, such as Output")])
            }
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
            let madeByUs = fileManager.fileExists(atPath: output.appendingPathComponent(markerName).path)
            if !isDirectory.boolValue || (!contents.isEmpty && !madeByUs) {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path),
                    "\(path) exists and was not made by reportsite; refusing to replace it",
                    note: "move it away or choose another --output")])
            }
        }
        return output
    }

    /// The tree an incremental build patches: the one the last switch put aside, first made equal to
    /// the output by relinking `differences` (the paths the last build wrote or removed), or, when
    /// they are not known (nil), made afresh as a tree of hard links to `siteFiles`, the site's own
    /// files in the output (anything else there is left behind). The output itself is not touched; a
    /// build that fails leaves no tree aside, so the next makes it afresh. `stamps` are those of the
    /// tree's folders taken when it was the output, kept for `commit` when the tree's marker shows
    /// they are its own.
    static func patching(
        output path: String, protecting protected: [String], differences: [String]?, siteFiles: [String], stamps: OutputFolders? = nil
    ) throws(DiagnosticsError) -> StagedOutput {
        let output = try checkedOutput(path, protecting: protected), previous = Self.previousTree(of: output)
        let fileManager = FileManager.default
        if let differences, fileManager.fileExists(atPath: previous.path) {
            let ownStamps = stamps.flatMap { stamps in id(ofTree: previous) == stamps.outputID ? stamps : nil }
            let staged = StagedOutput(output: output, staging: previous, reusesPreviousTree: true, lastStamps: ownStamps)
            for path in differences where staged.resolve(path) != nil {
                try staged.relink(path)
            }
            try staged.writeMarker()
            return staged
        }
        let staged = StagedOutput(output: output, staging: previous, reusesPreviousTree: true)
        try? fileManager.removeItem(at: previous)
        do {
            try fileManager.createDirectory(at: previous, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: previous.path), "cannot create the staging folder: \(error.localizedDescription)")])
        }
        for relative in siteFiles where staged.resolve(relative) != nil {
            try staged.relink(relative)
        }
        try staged.writeMarker()
        return staged
    }

    /// `.<output>.previous`: the site before the last switch, kept for the next incremental build.
    static func previousTree(of output: URL) -> URL {
        sibling(of: output, "previous")
    }

    /// Makes `relative` in the staging tree what it is in the output: a hard link to the output's
    /// file, or nothing (with its emptied folders) when the output has none.
    private func relink(_ relative: String) throws(DiagnosticsError) {
        let source = output.appendingPathComponent(relative).path, target = staging.appendingPathComponent(relative)
        if unlink(target.path) != 0 && errno != ENOENT && errno != ENOTDIR {
            try failed("cannot replace \(relative) in the staging folder", errno)
        }
        guard FileManager.default.fileExists(atPath: source) else {
            Self.removeEmptyFolders(from: target.deletingLastPathComponent(), upTo: staging)
            return
        }
        if link(source, target.path) == 0 { return }
        var error = errno
        if error == ENOENT, (try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)) != nil {
            if link(source, target.path) == 0 { return }
            error = errno
        }
        // A file system without hard links: a copy does the same, more slowly.
        if error == EPERM || error == EXDEV || error == EMLINK, (try? FileManager.default.copyItem(atPath: source, toPath: target.path)) != nil { return }
        try failed("cannot keep \(relative) from the last build", error)
    }

    private static func removeEmptyFolders(from folder: URL, upTo root: URL) {
        var folder = folder
        while folder.path.count > root.path.count, rmdir(folder.path) == 0 { folder.deleteLastPathComponent() }
    }

    /// The folder `path` names, through a symbolic link if it is one.
    static func resolve(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// `.<output name>.<suffix>` beside the output folder, on the same file system, so that renames
    /// between them are single steps.
    static func sibling(of output: URL, _ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    /// Removes the staging and old folders that builds killed before they finished left beside the
    /// output folder `path`; only called with the output's lock held, so no build is using them.
    static func removeLeftovers(of path: String) {
        let output = resolve(path)
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Writes `data` at `relativePath` inside the staging folder. The path must stay inside it.
    func write(_ data: Data, to relativePath: String) throws(DiagnosticsError) {
        try write([data], to: relativePath)
    }

    /// Writes `chunks`, one after another, as the file at `relativePath` inside the staging folder.
    func write(_ chunks: [Data], to relativePath: String) throws(DiagnosticsError) {
        try write(FileParts(count: chunks.count) { chunks[$0] }, to: relativePath)
    }

    /// Writes `parts`, each made when its turn comes, as the file at `relativePath` inside the staging folder.
    func write(_ parts: FileParts, to relativePath: String) throws(DiagnosticsError) {
        guard let target = resolve(relativePath) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: relativePath), "refusing to write outside the output folder")])
        }
        // In the previous tree a file may be the output's own, linked: replaced, never written through.
        if reusesPreviousTree { unlink(target) }
        do {
            try FileWriter.write(parts, to: target, within: stagingPath)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: relativePath), "cannot write: \(error.localizedDescription)")])
        }
    }

    /// Copies the file at `source` (an attachment of the content folder) to `relativePath` inside
    /// the staging folder, a megabyte at a time, never following a symbolic link: however large the
    /// file, only a megabyte of it is in memory.
    func copy(_ source: String, to relativePath: String) throws(DiagnosticsError) {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: source), "cannot read: \(String(cString: strerror(errno)))")])
        }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: source), "not a regular file")])
        }
        let chunk = 1 << 20, size = Int(info.st_size)
        // Each part is read when its turn comes, at its own offset, so the parts need no shared position.
        let parts = FileParts(count: max(1, (size + chunk - 1) / chunk)) { index in
            var data = Data(count: min(chunk, max(0, size - index * chunk)))
            let count = data.count
            let read = data.withUnsafeMutableBytes { pread(input, $0.baseAddress, count, off_t(index * chunk)) }
            return read == count ? data : Data(data.prefix(max(0, read)))
        }
        try write(parts, to: relativePath)
    }

    /// Makes `relativePath` in the staging folder the output's file of that path, unchanged (a PDF
    /// whose print version did not change); false when the output has no such file.
    func keep(_ relativePath: String) -> Bool {
        guard resolve(relativePath) != nil, FileManager.default.fileExists(atPath: output.appendingPathComponent(relativePath).path) else { return false }
        return (try? relink(relativePath)) != nil
    }

    /// Makes the staged tree hold exactly `files` (paths relative to it, its marker included), removing
    /// anything else (a file no build made, one a build made but this one does not keep), then
    /// switches the output folder to it in one step. The old site goes (a full build), or is kept
    /// aside as the previous tree for the next incremental build (a build that patched it).
    ///
    /// The one way a build changes the output: whatever was put into the output or the tree aside
    /// by hand, or left by an older build, cannot survive into the site.
    ///
    /// A patched tree with its stamps (`lastStamps`) is read only where it changed since they were
    /// taken: `removed`, the files of the output's site that this one lacks, go first.
    ///
    /// `files` are the site's files, the marker included. Returns the site's folders, each with its
    /// stamp when the switch found or took it (`OutputFolders.taking`).
    @discardableResult
    func commit(files kept: Set<String>, removed: [String] = []) throws(DiagnosticsError) -> [OutputFolders.Found] {
        let missing: [String], folders: [OutputFolders.Found]
        if let lastStamps {
            for path in removed {
                if let target = resolve(path) { unlink(target) }
            }
            let siteFolders = SiteTree.folders(holding: kept)
            let unchanged: [String: OutputFolders.Stamp]
            (missing, unchanged) = SiteTree.removeAllBut(kept, folders: siteFolders, in: stagingPath, record: lastStamps)
            // The site's own folder is renamed into place below, which moves its stamp.
            folders = siteFolders.keys.map { ($0, $0.isEmpty ? nil : unchanged[$0]) }
        } else {
            (_, missing, folders) = SiteTree.removeAllBut(kept, in: stagingPath)
        }
        if !missing.isEmpty {
            discard()
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: output.path),
                "the staged site lacks \(missing.count) of its files, such as \(missing[0]); the output was not changed",
                note: "build again; if this repeats, remove the build cache (.reportsite-cache)")])
        }
        try exchange()
        return folders
    }

    private func exchange() throws(DiagnosticsError) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            if reportsite_exchange(staging.path, output.path) == 0 {
                // The staging folder's name now holds the old site.
                if !reusesPreviousTree {
                    let previous = Self.previousTree(of: output)
                    try? fileManager.removeItem(at: previous)
                    try? fileManager.removeItem(at: staging)
                }
                return
            }
            guard errno == ENOSYS || errno == EINVAL || errno == EXDEV else { try failed("cannot replace the output folder", errno) }
            // A kernel or file system that cannot exchange: the old site is moved aside first, so
            // a build killed between the two renames leaves no output folder, but the old site beside it.
            let old = Self.sibling(of: output, "old-\(UUID().uuidString)")
            guard rename(output.path, old.path) == 0 else { try failed("cannot move the old site aside", errno) }
            if rename(staging.path, output.path) != 0 {
                let error = errno
                // Put the last good site back before reporting.
                _ = rename(old.path, output.path)
                try failed("cannot replace the output folder", error)
            }
            try? fileManager.removeItem(at: old)
            return
        }
        guard rename(staging.path, output.path) == 0 else { try failed("cannot move the site into place", errno) }
    }

    /// Throws a diagnostic for the failed system call, having removed the staging folder.
    private func failed(_ message: String, _ error: Int32) throws(DiagnosticsError) -> Never {
        discard()
        throw DiagnosticsError([Diagnostic(at: SourceLocation(file: output.path), "\(message): \(String(cString: strerror(error)))")])
    }

    /// Removes the staging folder, leaving the output as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The path of `relativePath` inside staging, or nil if it is absolute, empty or climbs out with `..`.
    /// Joined as strings: `URL.appendingPathComponent` asks the file system whether the result is a
    /// folder, a system call for each of the site's files.
    func resolve(_ relativePath: String) -> String? {
        let components = relativePath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
              components.allSatisfy({ component in
                  !component.isEmpty && !component.elementsEqual(".".utf8) && !component.elementsEqual("..".utf8)
                      && !component.contains(0)
              })
        else { return nil }
        return stagingPath + "/" + relativePath
    }

    private static func isSame(_ url: URL, orInside folder: URL) -> Bool {
        let path = url.resolvingSymlinksInPath().path, folderPath = folder.resolvingSymlinksInPath().path
        return path == folderPath || path.hasPrefix(folderPath.hasSuffix("/") ? folderPath : folderPath + "/")
    }
}
