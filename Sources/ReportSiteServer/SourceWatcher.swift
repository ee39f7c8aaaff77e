import Foundation
import ReportSite

/// Notices changes to the files under some folders by comparing snapshots of their names, sizes and
/// modification times.
///
/// Polling every 100 ms costs a few hundred `stat` calls a second for a site of this size and behaves
/// the same on every file system (inotify misses changes on some network and container mounts).
struct SourceWatcher: Sendable {
    struct Entry: Equatable, Sendable {
        var size: Int
        var modified: Date
    }

    var folders: [String]

    /// Every regular file under the folders (hidden files and folders skipped, as the loader skips
    /// them), with its size and modification time. Walked with `readdir` and `stat`: Foundation's
    /// enumerator and attribute dictionaries took a tenth of a second per look at 10,000 reports.
    func snapshot() -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for folder in folders {
            for relative in DirectoryWalk.files(under: folder) {
                let path = (folder as NSString).appendingPathComponent(relative)
                var info = stat()
                guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                entries[path] = Entry(size: Int(info.st_size),
                                      modified: Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9))
            }
        }
        return entries
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Entry], to new: [String: Entry]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
