import Foundation

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

    /// Every regular file under the folders (hidden ones skipped), with its size and modification time.
    func snapshot() -> [String: Entry] {
        var entries: [String: Entry] = [:]
        let fileManager = FileManager.default
        for folder in folders {
            guard let enumerator = fileManager.enumerator(atPath: folder) else { continue }
            for case let relative as String in enumerator {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                let path = (folder as NSString).appendingPathComponent(relative)
                guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                entries[path] = Entry(size: attributes[.size] as? Int ?? 0,
                                      modified: attributes[.modificationDate] as? Date ?? .distantPast)
            }
        }
        return entries
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Entry], to new: [String: Entry]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
