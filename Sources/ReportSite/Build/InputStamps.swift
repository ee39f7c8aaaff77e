import Foundation

/// The size and modification time of every file a build reads (content and templates), taken without
/// reading them: when none changed since the last build, there is nothing to do.
struct InputStamps: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64
    }

    /// Path -> stamp, for every file under the folders, hidden files and folders left out as the loader does.
    var files: [String: Stamp]

    init(folders: [String]) {
        var files: [String: Stamp] = [:]
        for folder in folders {
            for relative in DirectoryWalk.files(under: folder) {
                let path = (folder as NSString).appendingPathComponent(relative)
                if let stamp = Self.stamp(path) { files[path] = stamp }
            }
        }
        self.files = files
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
