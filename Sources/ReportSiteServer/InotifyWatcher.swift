#if canImport(Glibc)
import Dispatch
import Foundation
import Glibc
import ReportSite

/// Wakes the preview's watcher as soon as Linux reports a change under the watched folders, instead of
/// after the next polling interval. The snapshot comparison still decides what changed; this only
/// decides when to look. Where inotify is unavailable, `make` returns nil and polling carries on alone.
final class InotifyWatcher: @unchecked Sendable {
    // The descriptor is only read from the one dispatch queue below and closed in deinit.
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "reportsite.inotify")
    private var watched: Set<String> = []

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func make(folders: [String]) -> InotifyWatcher? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let watcher = InotifyWatcher(descriptor: descriptor)
        watcher.watch(folders)
        return watcher.watched.isEmpty ? nil : watcher
    }

    deinit {
        close(descriptor)
    }

    /// Adds a watch on every folder under `folders` not yet watched (new sub-folders included).
    func watch(_ folders: [String]) {
        queue.sync {
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB)
            for folder in folders {
                // Hidden folders (.git) are not watched: the snapshot, like the loader, skips them.
                let directories = [folder] + DirectoryWalk.folders(under: folder).map { (folder as NSString).appendingPathComponent($0) }
                for directory in directories where !watched.contains(directory) {
                    if inotify_add_watch(descriptor, directory, mask) >= 0 { watched.insert(directory) }
                }
            }
        }
    }

    /// Returns when an event arrives or `timeout` passes, whichever is first, draining pending events.
    func wait(timeout: Duration) async {
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [descriptor] in
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&request, 1, milliseconds) > 0 {
                    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                    while read(descriptor, &buffer, buffer.count) > 0 {}
                }
                continuation.resume()
            }
        }
    }
}
#endif
