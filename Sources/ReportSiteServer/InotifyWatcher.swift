#if canImport(Glibc)
import Dispatch
import Foundation
import Glibc
import Synchronization
import ReportSite

/// Wakes the preview's watcher as soon as Linux reports a change under the watched folders, instead of
/// after the next polling interval, and says which files changed, so that only those are looked at
/// again (on a large site, taking every file's stamp is a large part of a save's way to the browser).
/// Where inotify is unavailable, `make` returns nil and polling carries on alone.
final class InotifyWatcher: Sendable {
    /// What the events since the last wait say.
    enum Events: Sendable, Equatable {
        /// Nothing happened before the timeout.
        case none
        /// These files (full paths) were written, made, moved or removed, and nothing else happened.
        case files(Set<String>)
        /// Something the events cannot pin down (a folder made or moved, the queue overflowed):
        /// every file must be looked at.
        case unknown
    }

    // Closed in deinit.
    private let descriptor: Int32
    /// Where `wait` blocks in `poll`: a thread of its own, not one of the cooperative pool's.
    private let queue = DispatchQueue(label: "reportsite.inotify")
    /// Watch descriptor -> the folder it watches.
    private let folders = Mutex<[Int32: String]>([:])

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func make(folders: [String]) -> InotifyWatcher? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let watcher = InotifyWatcher(descriptor: descriptor)
        watcher.watch(folders)
        return watcher.folders.withLock { $0.isEmpty } ? nil : watcher
    }

    deinit {
        close(descriptor)
    }

    /// Adds a watch on every folder under `folders` not yet watched (new sub-folders included).
    func watch(_ folders: [String]) {
        self.folders.withLock { watching in
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB)
            let watched = Set(watching.values)
            for folder in folders {
                // Hidden folders (.git) are not watched: the snapshot, like the loader, skips them.
                let directories = [folder] + DirectoryWalk.folders(under: folder).map { (folder as NSString).appendingPathComponent($0) }
                for directory in directories where !watched.contains(directory) {
                    let watch = inotify_add_watch(descriptor, directory, mask)
                    if watch >= 0 { watching[watch] = directory }
                }
            }
        }
    }

    /// Returns what happened when an event arrives or `timeout` passes, whichever is first, draining
    /// pending events.
    func wait(timeout: Duration) async -> Events {
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Events, Never>) in
            queue.async {
                var request = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, milliseconds) > 0 else { return continuation.resume(returning: .none) }
                continuation.resume(returning: self.drain())
            }
        }
    }

    /// Reads every pending event. On the queue.
    private func drain() -> Events {
        var files: Set<String> = []
        var unknown = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = raw[(offset + header)..<min(count, offset + header + Int(event.len))]
                    offset += header + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        unknown = true
                        continue
                    }
                    if event.mask & UInt32(IN_ISDIR) != 0 {
                        // A folder made, moved or removed: its files are in no event. (A folder's
                        // own times changing says nothing about its files.)
                        if event.mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 { unknown = true }
                        continue
                    }
                    if event.mask & UInt32(IN_IGNORED) != 0 {
                        // The folder is gone (its parent's event says so); a new one of its name is watched afresh.
                        folders.withLock { $0[event.wd] = nil }
                        continue
                    }
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    guard let folder = folders.withLock({ $0[event.wd] }), !name.isEmpty else {
                        unknown = true
                        continue
                    }
                    files.insert((folder as NSString).appendingPathComponent(name))
                }
            }
        }
        if unknown { return .unknown }
        return files.isEmpty ? .none : .files(files)
    }
}
#endif
