import Foundation

/// The files under a folder, read with `readdir`, leaving out hidden files and folders (names that
/// start with "."), as the loader does.
///
/// Foundation's directory enumerator builds every path through `NSString` and stats every entry on
/// Linux, which a one-file rebuild of a large site would spend much of its time on. The folder's own
/// entry types say which entries are folders; only a link (or a file system that does not say) costs a `stat`.
package enum DirectoryWalk {
    /// Paths relative to `folder` ("inspections/a.md"), in no particular order; empty if `folder`
    /// cannot be read. A link to a file counts as a file; a link to a folder is not followed, so a
    /// loop of links cannot make the walk endless.
    package static func files(under folder: String) -> [String] {
        entries(under: folder).files
    }

    /// The folders under `folder` (not itself), relative to it, with the same rules as `files(under:)`.
    package static func folders(under folder: String) -> [String] {
        entries(under: folder).folders
    }

    /// What a walk found, relative to the folder walked.
    package typealias Entries = (files: [String], folders: [String], others: [String])

    /// Files and folders as above, and the other entries: pipes, sockets, devices, links that lead
    /// nowhere or to a folder. The loader reports those whose names say they are content, rather
    /// than skip them without a word.
    package static func entries(under folder: String) -> Entries {
        let walked = walkReportingFailures(under: folder)
        return (walked.files, walked.folders, walked.others)
    }

    /// `entries(under:)`, with the folders that exist but could not be opened (no descriptor left,
    /// no permission) and why: a caller comparing walks must not take them for empty folders.
    package static func walkReportingFailures(under folder: String)
        -> (files: [String], folders: [String], others: [String], unreadable: [(path: String, error: Int32)]) {
        var found: [String] = []
        var folders: [String] = []
        var others: [String] = []
        var unreadable: [(path: String, error: Int32)] = []
        walk(folder, relative: "", files: &found, folders: &folders, others: &others, unreadable: &unreadable)
        return (found, folders, others, unreadable)
    }

    private static func walk(_ directory: String, relative: String, files found: inout [String], folders all: inout [String],
                             others: inout [String], unreadable: inout [(path: String, error: Int32)]) {
        guard let handle = opendir(directory) else {
            // A folder gone meanwhile is simply not there; any other failure is reported.
            if errno != ENOENT && errno != ENOTDIR { unreadable.append((directory, errno)) }
            return
        }
        defer { closedir(handle) }
        var folders: [(full: String, relative: String)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                folders.append((directory + "/" + name, path))
            case Int32(DT_REG):
                found.append(path)
            default:
                let full = directory + "/" + name
                // A link, or an entry type the file system does not give: ask without following for
                // folders, and with following for files.
                var info = stat()
                if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    folders.append((full, path))
                } else if stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                    found.append(path)
                } else {
                    others.append(path)
                }
            }
        }
        for folder in folders {
            all.append(folder.relative)
            walk(folder.full, relative: folder.relative, files: &found, folders: &all, others: &others, unreadable: &unreadable)
        }
    }
}
