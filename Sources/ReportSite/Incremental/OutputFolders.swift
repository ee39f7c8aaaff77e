import CAtomicRename
import Foundation

/// Every folder of the output as the build that made it left it, so that a build with nothing to do
/// can tell that the output still holds exactly the manifest's files by asking each folder for its
/// stamp instead of reading every entry (`SiteTree.holdsExactly`, which it stands for).
///
/// Adding, removing, renaming or replacing an entry of a folder changes the folder's change time
/// (`st_ctime`, which, unlike the modification time, no program can set back); a folder replaced by
/// another has another inode. So a folder whose device, inode and change time are those recorded
/// holds the entries it held then, which were those of the manifest (the build had just made the
/// staged tree hold exactly them). What neither check sees is the same: a file's contents changed in
/// place.
///
/// A change made in the same tick of the file system's clock as the build's own last change to a
/// folder could keep its change time. A folder changed shortly before its stamp was taken is
/// therefore not trusted by its stamp: its expected entries are recorded instead, and the check
/// reads it and compares. "Shortly" is a few clock ticks on a file system known to keep times to
/// the nanosecond, two seconds on any other (as for the input files' stamps).
struct OutputFolders: Sendable {
    /// Changed whenever the layout changes, so that an old file is never misread.
    private static let magic = "reportsite output folders 1"

    struct Stamp: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        /// Change time, nanoseconds since 1970.
        var changed: Int64
    }

    /// An entry a folder must hold: its name and whether it is a folder (else a regular file).
    struct Entry: Sendable, Equatable, Hashable {
        var name: String
        var isFolder: Bool
    }

    /// The id of the site these stamps describe (the output's marker, as in the manifest).
    var outputID: String
    /// Folders (relative to the output, "" for the output itself) trusted by their stamps.
    var settled: [(folder: String, stamp: Stamp)]
    /// Folder -> the entries it must hold, for folders changed too recently to trust their stamp.
    var fresh: [String: [Entry]]

    /// A folder of the output (relative to it, "" for the output itself) and its stamp, when the
    /// caller has just taken it; nil to ask the folder.
    typealias Found = (folder: String, stamp: Stamp?)

    /// The stamps of the folders of `output` (resolved) holding `files` (relative paths, the marker
    /// included), as the build that made the site with id `outputID` leaves them. `folders` are
    /// those folders, when the caller has them (`SiteTree.removeAllBut`, which takes the stamps of
    /// the folders it reads or finds unchanged); otherwise they are worked out from `files` and
    /// each is asked for its stamp.
    /// `since` is when the build began to make the staged tree hold exactly those files (nanoseconds
    /// since 1970): a folder changed after it, or within the margin before it, is not trusted by its stamp.
    static func taking(output: String, files: some Collection<String>, folders: [Found]? = nil, outputID: String, since: Int64) -> OutputFolders {
        let folders = folders ?? SiteTree.folders(holding: files).keys.map { ($0, nil) }
        let root = StagedOutput.resolve(output).path
        let margin = trustMargin(root)
        var settled: [(folder: String, stamp: Stamp)] = [], fresh: [String: [Entry]] = [:]
        settled.reserveCapacity(folders.count)
        for (folder, known) in folders {
            // A time of a whole second may come from a file system that keeps no finer ones.
            if let stamp = known ?? stamp(folder.isEmpty ? root : root + "/" + folder),
               stamp.changed < since - (stamp.changed % 1_000_000_000 == 0 ? 2_000_000_000 : margin) {
                settled.append((folder, stamp))
            } else {
                fresh[folder] = []
            }
        }
        // What the few folders not trusted by their stamps must hold.
        if !fresh.isEmpty {
            func add(_ path: String, isFolder: Bool) {
                let (parent, name) = SiteTree.split(path)
                guard fresh[parent] != nil else { return }
                fresh[parent]!.append(Entry(name: name, isFolder: isFolder))
            }
            for path in files { add(path, isFolder: false) }
            for (folder, _) in folders where !folder.isEmpty { add(folder, isFolder: true) }
        }
        return OutputFolders(outputID: outputID, settled: settled, fresh: fresh)
    }

    /// The settled folders' stamps, by folder.
    var settledStamps: [String: Stamp] {
        Dictionary(settled.map { ($0.folder, $0.stamp) }, uniquingKeysWith: { first, _ in first })
    }

    /// How long before its stamp is taken a folder must have last changed for its stamp to be
    /// trusted, in nanoseconds: a file system that keeps times to the nanosecond stamps a later
    /// change at least one tick of the kernel's coarse clock later (a tick is at most 10 ms); any
    /// other may keep times to the second or two.
    private static func trustMargin(_ folder: String) -> Int64 {
        // ext4, tmpfs, XFS, Btrfs.
        let nanosecondTimes: Set<Int> = [0xEF53, 0x0102_1994, 0x5846_5342, 0x9123_683E]
        return nanosecondTimes.contains(reportsite_file_system_type(folder)) ? 50_000_000 : 2_000_000_000
    }

    /// Now, in nanoseconds since 1970, as `taking(…, since:)` wants it.
    static func now() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Those of `stamps` (folders relative to `root`) that the folders still have, asked for on every
    /// core, in a few runs of folders next to each other.
    static func unchanged(_ stamps: [(folder: String, stamp: Stamp)], in root: String) -> [(folder: String, stamp: Stamp)] {
        let runs = Swift.min(stamps.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        return (0..<runs).map { $0 }.concurrentMap { run in
            stamps[stamps.count * run / runs..<stamps.count * (run + 1) / runs].filter {
                stamp($0.folder.isEmpty ? root : root + "/" + $0.folder) == $0.stamp
            }
        }.flatMap { $0 }
    }

    /// A folder's stamp, nil when it is not a folder (a link is not followed).
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return Stamp(info)
    }

    /// The stamp of the folder open as `descriptor`, nil when it cannot be asked.
    static func stamp(ofOpen descriptor: Int32) -> Stamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return Stamp(info)
    }

    /// Whether the output folder `output` still holds exactly what it held when these were taken:
    /// every settled folder has its stamp, every fresh one exactly its entries.
    func stillHold(output: String) -> Bool {
        let root = StagedOutput.resolve(output).path
        if Self.unchanged(settled, in: root).count != settled.count { return false }
        for (folder, expected) in fresh {
            guard let found = SiteTree.listing(folder.isEmpty ? root : root + "/" + folder),
                  found.count == expected.count, Set(found) == Set(expected) else { return false }
        }
        return true
    }

    func encoded() -> Data {
        var writer = ByteWriter()
        writer.string(Self.magic)
        writer.string(outputID)
        writer.int(settled.count)
        for (folder, stamp) in settled {
            writer.string(folder)
            writer.word(stamp.device)
            writer.word(stamp.inode)
            writer.int(Int(stamp.changed))
        }
        writer.dictionary(fresh) { writer, entries in
            writer.strings(entries.map(\.name))
            writer.strings(entries.map { $0.isFolder ? "d" : "f" })
        }
        return Data(writer.bytes)
    }

    static func decoded(_ data: Data) -> OutputFolders? {
        data.withUnsafeBytes { raw -> OutputFolders? in
            var reader = ByteReader(raw)
            guard reader.string() == Self.magic else { return nil }
            let outputID = reader.string()
            let count = reader.int()
            guard count >= 0, count <= raw.count else { return nil }
            var settled: [(folder: String, stamp: Stamp)] = []
            settled.reserveCapacity(count)
            for _ in 0..<count {
                settled.append((reader.string(), Stamp(device: reader.word(), inode: reader.word(), changed: Int64(reader.int()))))
            }
            var broken = false
            let fresh = reader.dictionary { reader -> [Entry] in
                let names = reader.strings(), kinds = reader.strings()
                if names.count != kinds.count { broken = true }
                return zip(names, kinds).map { Entry(name: $0, isFolder: $1 == "d") }
            }
            guard !reader.failed, reader.isAtEnd, !broken else { return nil }
            return OutputFolders(outputID: outputID, settled: settled, fresh: fresh)
        }
    }
}

extension OutputFolders.Stamp {
    /// The stamp in what `stat`, `lstat` or `fstat` says of a folder.
    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_ctimespec
        #else
        let time = info.st_ctim
        #endif
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), changed: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }
}
