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
        guard let handle = opendir(directory) else {
            if !relative.isEmpty { others.append(relative) }
            return
        }
        defer { closedir(handle) }
        var folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // A file system that does not say: ask, without following a link.
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { others.append(path); continue }
                type = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            switch type {
            case Int32(DT_DIR): folders.append(path)
            case Int32(DT_REG): files.append(path)
            default: others.append(path)
            }
        }
        for path in folders {
            all.append(path)
            walk(directory + "/" + (path as NSString).lastPathComponent, relative: path, files: &files, folders: &all, others: &others)
        }
    }

    /// Whether `folder` holds exactly `expected` (relative paths) and nothing else.
    static func holdsExactly(_ folder: String, _ expected: Set<String>) -> Bool {
        let found = entries(in: folder)
        guard found.others.isEmpty, found.files.count == expected.count, found.files.allSatisfy(expected.contains) else { return false }
        // No folder but those the files are in: an empty one was not made by the build either.
        return found.folders.count == folders(of: expected).count
    }

    /// The folders that hold `files`, each once.
    private static func folders(of files: Set<String>) -> Set<String> {
        var folders = Set<String>()
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !folders.insert(String(path)).inserted { break }
            }
        }
        return folders
    }

    /// Removes from `folder` every entry that is not one of `kept`, and the folders left empty;
    /// returns what was removed, and those of `kept` that are not there.
    @discardableResult
    static func removeAllBut(_ kept: Set<String>, in folder: String) -> (removed: [String], missing: [String]) {
        let found = entries(in: folder)
        let strayFiles = found.files.filter { !kept.contains($0) }
        let strays = strayFiles + found.others
        for path in strays {
            let full = folder + "/" + path
            if unlink(full) != 0 { try? FileManager.default.removeItem(atPath: full) }
        }
        // Folders left empty, or made empty by hand, deepest first.
        let needed = folders(of: kept)
        let emptied = found.folders.filter { !needed.contains($0) }
        for path in emptied.sorted(by: >) { rmdir(folder + "/" + path) }
        // Every kept file is there when as many files as were kept were found.
        let missing = found.files.count - strayFiles.count == kept.count ? [] : Array(kept.subtracting(found.files)).sorted()
        return ((strays + emptied).sorted(), missing)
    }
}
