import CAtomicRename
import Foundation

/// Every entry of a site's folder, hidden ones included, as the invariant needs them: the output
/// holds the files this build made for the public and nothing else.
enum SiteTree {
    /// Paths relative to `folder`, in no particular order: the regular files, and every other entry
    /// (a symbolic link, a pipe, a folder that cannot be read), which a site never holds. Links are
    /// not followed.
    static func entries(in folder: String) -> (files: [String], folders: [String], others: [String]) {
        var files: [String] = [], folders: [String] = [], others: [String] = []
        walk(folder, relative: "", files: &files, folders: &folders, others: &others)
        return (files, folders, others)
    }

    private static func walk(_ directory: String, relative: String, files: inout [String], folders all: inout [String], others: inout [String]) {
        guard let entries = read(directory) else {
            if !relative.isEmpty { others.append(relative) }
            return
        }
        var folders: [String] = []
        for (name, kind) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .folder: folders.append(path)
            case .file: files.append(path)
            case .other: others.append(path)
            }
        }
        for path in folders {
            all.append(path)
            walk(directory + "/" + (path as NSString).lastPathComponent, relative: path, files: &files, folders: &all, others: &others)
        }
    }

    /// What an entry of a folder is; a symbolic link is `other`, never followed.
    private enum Kind { case folder, file, other }

    /// The entries of `directory` (without `.` and `..`) and what each is; nil when it is not a
    /// folder (a link to one included) or cannot be opened. The folder is closed before the caller
    /// changes anything in it.
    private static func read(_ directory: String) -> [(name: String, kind: Kind)]? {
        guard let handle = open(directory, in: AT_FDCWD) else { return nil }
        defer { closedir(handle) }
        return entries(of: handle)
    }

    /// The folder `name` in the folder open as `parent` (`AT_FDCWD`: `name` is a path), opened for
    /// reading, never through a link, its access time left alone: reading every folder of a fresh
    /// site would otherwise write each one's inode back. Nil when it is not a folder or cannot be opened.
    private static func open(_ name: String, in parent: Int32) -> OpaquePointer? {
        let descriptor = reportsite_open_folder(parent, name)
        guard descriptor >= 0 else { return nil }
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        return handle
    }

    /// The entries of the open folder `handle` (without `.` and `..`) and what each is, read with `readdir`.
    private static func entries(of handle: OpaquePointer) -> [(name: String, kind: Kind)] {
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // A file system that does not say: ask, without following a link.
                var info = stat()
                type = fstatat(dirfd(handle), name, &info, AT_SYMLINK_NOFOLLOW) != 0 ? Int32(DT_LNK)
                    : info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            entries.append((name, type == Int32(DT_DIR) ? .folder : type == Int32(DT_REG) ? .file : .other))
        }
        return entries
    }

    /// The entries of `directory`, nil when it cannot be read or holds anything but files and folders.
    static func listing(_ directory: String) -> [OutputFolders.Entry]? {
        guard let entries = read(directory) else { return nil }
        var listing: [OutputFolders.Entry] = []
        listing.reserveCapacity(entries.count)
        for (name, kind) in entries {
            switch kind {
            case .file: listing.append(.init(name: name, isFolder: false))
            case .folder: listing.append(.init(name: name, isFolder: true))
            case .other: return nil
            }
        }
        return listing
    }

    /// The folders of a site whose files are `files` (relative paths), each file's folder and their
    /// ancestors ("" standing for the site's root), with the number of `files` directly in each.
    static func folders(holding files: some Sequence<String>) -> [String: Int] {
        var folders: [String: Int] = ["": 0]
        for path in files {
            // Worked out on the paths' bytes: a `Character` search would find grapheme breaks on every file.
            guard let slash = lastSlash(in: path, before: path.utf8.endIndex) else {
                folders[""]! += 1
                continue
            }
            let parent = String(path[..<slash])
            if folders[parent] != nil {
                folders[parent]! += 1
                continue
            }
            folders[parent] = 1
            // Its ancestors, up to the first one already in.
            var end = slash
            while let slash = lastSlash(in: path, before: end) {
                let ancestor = String(path[..<slash])
                guard folders[ancestor] == nil else { break }
                folders[ancestor] = 0
                end = slash
            }
        }
        return folders
    }

    private static func lastSlash(in path: String, before end: String.Index) -> String.Index? {
        path.utf8[..<end].lastIndex(of: UInt8(ascii: "/"))
    }

    /// A relative path's folder ("" at the root) and name.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// Whether `folder` holds exactly `expected` (relative paths) and nothing else: no other file, no
    /// link, no folder without one of them.
    static func holdsExactly(_ folder: String, _ expected: Set<String>) -> Bool {
        var strays = 0, found = 0, folders: [OutputFolders.Found] = []
        visit(folder, kept: expected, found: &found, folders: &folders) { _, _ in strays += 1 }
        return strays == 0 && found == expected.count
    }

    /// Removes from `folder` every entry that is not one of `kept`, and the folders left empty;
    /// returns what was removed, those of `kept` that are not there, and the folders left (`""` for
    /// `folder`, without a stamp), each with the stamp it had when read unless the walk changed it since.
    @discardableResult
    static func removeAllBut(_ kept: Set<String>, in folder: String) -> (removed: [String], missing: [String], folders: [OutputFolders.Found]) {
        var removed: [String] = [], found = 0, folders: [OutputFolders.Found] = []
        visit(folder, kept: kept, found: &found, folders: &folders) { path, isFolder in
            remove(folder + "/" + path, isFolder: isFolder)
            removed.append(path)
        }
        // Every kept file is there when as many were found.
        let missing = found == kept.count ? [] : kept.filter { access(folder + "/" + $0, F_OK) != 0 }.sorted()
        return (removed.sorted(), missing, folders)
    }

    /// `removeAllBut(_:in:)` for a tree whose folders' stamps were taken when it last held exactly
    /// the files of a site (`record`, see `OutputFolders`), and that has been changed since only by
    /// adding, replacing or removing the files in which that site and `kept` differ. A folder of the
    /// site (`folders`, with `""` for `root`) that still has its stamp then holds exactly its entries
    /// of `kept`, and is not read: only the folders changed since, and those of the old site that
    /// the new one lacks, are. Returns the stamps found unchanged, with the same `missing` as
    /// `removeAllBut(_:in:)` for the folders read.
    ///
    /// The walk follows no link: a folder read is reached through its parent, read before it, and
    /// an entry that stands where the site has a folder but is not one makes it read the whole tree.
    static func removeAllBut(
        _ kept: Set<String>, folders: [String: Int], in root: String, record: OutputFolders
    ) -> (missing: [String], unchanged: [String: OutputFolders.Stamp]) {
        let stamps = record.settledStamps, siteFolders = Array(folders.keys)
        let recorded = siteFolders.compactMap { folder in stamps[folder].map { (folder: folder, stamp: $0) } }
        let unchanged = Dictionary(OutputFolders.unchanged(recorded, in: root).map { ($0.folder, $0.stamp) }, uniquingKeysWith: { first, _ in first })
        // The rest, shallowest first, so that a stray in a folder is gone before anything below it is read.
        let read = siteFolders.filter { unchanged[$0] == nil }
        let gone = (record.settled.map(\.folder) + record.fresh.keys).filter { folders[$0] == nil }
        let depth = { (path: String) in path.isEmpty ? 0 : 1 + path.utf8.count { $0 == UInt8(ascii: "/") } }
        var foundKept = 0, expected = 0
        for folder in (read + gone).sorted(by: { depth($0) < depth($1) }) {
            let full = folder.isEmpty ? root : root + "/" + folder
            guard let files = folders[folder] else {
                removeTree(full)
                continue
            }
            expected += files
            guard let entries = Self.read(full) else { continue }
            for (name, kind) in entries {
                let path = folder.isEmpty ? name : folder + "/" + name
                switch kind {
                case .file where kept.contains(path):
                    foundKept += 1
                case .folder where folders[path] != nil:
                    continue
                case .folder:
                    removeTree(full + "/" + name)
                default:
                    // Something other than a folder where the site has one: a folder below it may
                    // have been reached through it, so nothing found unchanged is trusted.
                    if folders[path] != nil { return (removeAllBut(kept, in: root).missing, [:]) }
                    remove(full + "/" + name, isFolder: false)
                }
            }
        }
        // Every kept file of the folders read is there when as many were found.
        guard foundKept != expected else { return ([], unchanged) }
        let readFolders = Set(read)
        let missing = kept.filter { readFolders.contains(split($0).folder) && access(root + "/" + $0, F_OK) != 0 }.sorted()
        return (missing, unchanged)
    }

    /// Removes the folder `path` and everything in it, following no link: when `path` is not a
    /// folder, it alone goes.
    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        if isFolder { removeAllBut([], in: path) }
        remove(path, isFolder: isFolder)
    }

    /// Removes one entry (a folder, emptied already): by the system call, or by Foundation when that fails.
    private static func remove(_ path: String, isFolder: Bool) {
        if isFolder ? rmdir(path) != 0 : unlink(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Walks the folder `root`, counting in `found` the files of `kept`, and handing `stray` every
    /// other entry, deepest first: a file that is not kept, a link or other entry, and a folder that
    /// holds no kept file (after its own strays). Adds to `folders` each folder left. One pass, with
    /// no list of every path: it runs at every full build's switch.
    private static func visit(
        _ root: String, kept: Set<String>, found: inout Int, folders: inout [OutputFolders.Found],
        stray: (_ path: String, _ isFolder: Bool) -> Void
    ) {
        guard let handle = open(root, in: AT_FDCWD) else { return }
        defer { closedir(handle) }
        _ = visit(handle, relative: "", kept: kept, found: &found, folders: &folders, stray: stray)
    }

    /// `visit(_:kept:found:folders:stray:)` of the open folder `handle`, `relative` inside the site;
    /// returns whether it holds a kept file. Each folder's stamp is taken from the open folder before
    /// its entries are read, so an entry added while the walk reads it moves the folder's stamp past
    /// the one recorded; a folder the walk changes is recorded without one.
    private static func visit(
        _ handle: OpaquePointer, relative: String, kept: Set<String>, found: inout Int, folders: inout [OutputFolders.Found],
        stray: (_ path: String, _ isFolder: Bool) -> Void
    ) -> Bool {
        let stamp = OutputFolders.stamp(ofOpen: dirfd(handle))
        var holdsKept = false
        var subfolders: [(name: String, path: String)] = []
        var strays: [String] = []
        for (name, kind) in entries(of: handle) {
            let path = relative.isEmpty ? name : relative + "/" + name
            if kind == .folder {
                subfolders.append((name, path))
            } else if kind == .file && kept.contains(path) {
                found += 1
                holdsKept = true
            } else {
                strays.append(path)
            }
        }
        // Removed once the folder is read to its end: the walk never reads a folder it is changing.
        for path in strays { stray(path, false) }
        var changed = !strays.isEmpty
        for (name, path) in subfolders {
            if let folder = open(name, in: dirfd(handle)) {
                let holds = visit(folder, relative: path, kept: kept, found: &found, folders: &folders, stray: stray)
                closedir(folder)
                if holds {
                    holdsKept = true
                    continue
                }
            }
            stray(path, true)
            changed = true
        }
        // The site's own folder is renamed into place after the walk, which moves its stamp.
        if relative.isEmpty {
            folders.append((relative, nil))
        } else if holdsKept {
            folders.append((relative, changed ? nil : stamp))
        }
        return holdsKept
    }
}
