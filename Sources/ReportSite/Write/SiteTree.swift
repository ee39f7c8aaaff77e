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

    /// The entries of `directory` (without `.` and `..`) and what each is, read with `readdir`; nil
    /// when it cannot be opened. The folder is closed before the caller changes anything in it.
    private static func read(_ directory: String) -> [(name: String, kind: Kind)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
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
                type = lstat(directory + "/" + name, &info) != 0 ? Int32(DT_LNK)
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

    /// Whether `folder` holds exactly `expected` (relative paths) and nothing else: no other file, no
    /// link, no folder without one of them.
    static func holdsExactly(_ folder: String, _ expected: Set<String>) -> Bool {
        var strays = 0, found = 0
        _ = visit(folder, relative: "", kept: expected, found: &found) { _, _ in strays += 1 }
        return strays == 0 && found == expected.count
    }

    /// Removes from `folder` every entry that is not one of `kept`, and the folders left empty;
    /// returns what was removed, and those of `kept` that are not there.
    @discardableResult
    static func removeAllBut(_ kept: Set<String>, in folder: String) -> (removed: [String], missing: [String]) {
        var removed: [String] = [], found = 0
        _ = visit(folder, relative: "", kept: kept, found: &found) { path, isFolder in
            let full = folder + "/" + path
            if isFolder ? rmdir(full) != 0 : unlink(full) != 0 { try? FileManager.default.removeItem(atPath: full) }
            removed.append(path)
        }
        // Every kept file is there when as many were found.
        let missing = found == kept.count ? [] : kept.filter { access(folder + "/" + $0, F_OK) != 0 }.sorted()
        return (removed.sorted(), missing)
    }

    /// Walks `directory` (`relative` inside the site), counting in `found` the files of `kept`, and
    /// handing `stray` every other entry, deepest first: a file that is not kept, a link or other
    /// entry, and a folder that holds no kept file (after its own strays). Returns whether the folder
    /// holds a kept file. One pass, with no list of every path: it runs at every build's switch.
    private static func visit(
        _ directory: String, relative: String, kept: Set<String>, found: inout Int, stray: (_ path: String, _ isFolder: Bool) -> Void
    ) -> Bool {
        guard let entries = read(directory) else {
            if !relative.isEmpty { stray(relative, false) }
            return false
        }
        var holdsKept = false
        var folders: [String] = []
        var strays: [String] = []
        for (name, kind) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            if kind == .folder {
                folders.append(path)
            } else if kind == .file && kept.contains(path) {
                found += 1
                holdsKept = true
            } else {
                strays.append(path)
            }
        }
        // Removed once the folder is closed: the walk never reads a folder it is changing.
        for path in strays { stray(path, false) }
        for path in folders {
            if visit(directory + "/" + (path as NSString).lastPathComponent, relative: path, kept: kept, found: &found, stray: stray) {
                holdsKept = true
            } else {
                stray(path, true)
            }
        }
        return holdsKept
    }
}
