import Foundation
import ReportSite

/// Notices changes to the files under some folders by comparing snapshots of their names, sizes and
/// modification times.
///
/// Polling costs a `stat` call per file each interval, which a site of this kind can afford, and behaves
/// the same on every file system (inotify misses changes on some network and container mounts).
struct SourceWatcher: Sendable {
    var folders: [String]

    /// Every regular file under the folders (hidden files and folders skipped, as the loader skips
    /// them), with its size and modification time: the stamps a build takes of its inputs, and hands
    /// to the build so that it need not take them again.
    /// A folder that could not be read fails the snapshot: taken as empty, every file in it would
    /// look removed (at the descriptor limit, a build was started and failed with false errors).
    func snapshot() -> Result<InputStamps, InputStamps.UnreadableFolder> {
        InputStamps.taking(folders: folders)
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: InputStamps, to new: InputStamps) -> [String] {
        new.changes(since: old)
    }
}
