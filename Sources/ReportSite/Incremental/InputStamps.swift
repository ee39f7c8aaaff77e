import Foundation

/// The size and modification time of every file a build reads (content and templates), taken without
/// reading them: when none changed since the last build, there is nothing to do. The preview's watcher
/// compares them too, to see what a save changed.
package struct InputStamps: Sendable, Equatable {
    /// A file's size in bytes and modification time in nanoseconds since 1970.
    package struct Stamp: Sendable, Equatable {
        package var size: Int64
        package var modified: Int64
    }

    /// Path -> stamp, for every file under the folders, hidden files and folders left out as the loader does.
    package var files: [String: Stamp]

    /// Stamps every regular file under `folders` (walked with `DirectoryWalk`).
    package init(folders: [String]) {
        var files: [String: Stamp] = [:]
        for folder in folders {
            let walked = DirectoryWalk.files(under: folder)
            files.reserveCapacity(files.count + walked.count)
            for relative in walked {
                let path = (folder as NSString).appendingPathComponent(relative)
                if let stamp = Self.stamp(path) { files[path] = stamp }
            }
        }
        self.files = files
    }

    /// A folder that exists but could not be read, and why.
    package struct UnreadableFolder: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var error: Int32
        package var description: String { "cannot read \(path): \(String(cString: strerror(error)))" }
    }

    /// As `init(folders:)`, or the first folder that could not be read: for a watcher, to which an
    /// unreadable folder taken as empty would look like every file in it removed.
    package static func taking(folders: [String]) -> Result<InputStamps, UnreadableFolder> {
        var files: [String: Stamp] = [:]
        for folder in folders {
            let walked = DirectoryWalk.walkReportingFailures(under: folder)
            if let failure = walked.unreadable.first { return .failure(UnreadableFolder(path: failure.path, error: failure.error)) }
            for relative in walked.files {
                let path = (folder as NSString).appendingPathComponent(relative)
                if let stamp = stamp(path) { files[path] = stamp }
            }
        }
        return .success(InputStamps(stamps: files))
    }

    /// Stamps already taken (read back from a manifest).
    init(stamps: [String: Stamp]) {
        files = stamps
    }

    /// The files added, removed or changed since `earlier`, sorted.
    package func changes(since earlier: InputStamps) -> [String] {
        var changed = files.compactMap { path, stamp in earlier.files[path] == stamp ? nil : path }
        for path in earlier.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Those of `paths` added, removed or changed since `earlier`, sorted: for a caller told which
    /// files may have changed (the preview's watcher), which need not compare every file.
    package func changes(since earlier: InputStamps, among paths: some Sequence<String>) -> [String] {
        paths.filter { earlier.files[$0] != files[$0] }.sorted()
    }

    /// These stamps with the files at `paths` stamped again, for a caller told which files changed
    /// (the preview's watcher): a file gone, or hidden (as the walk leaves hidden files out), has none.
    package func updating(_ paths: some Sequence<String>) -> InputStamps {
        var next = self
        for path in paths {
            let name = path.split(separator: "/").last ?? ""
            next.files[path] = name.hasPrefix(".") ? nil : Self.stamp(path)
        }
        return next
    }

    /// The stamps of the given files alone.
    init(files paths: [String]) {
        files = Dictionary(paths.compactMap { path in Self.stamp(path).map { (path, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The stamp of a regular file, nil for a folder or anything unreadable.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }
}
