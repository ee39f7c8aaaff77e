import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The stamps of the output's folders, by which a build with nothing to do tells that the output
/// still holds exactly the manifest's files, by both of its ways: a folder trusted by its stamp, and
/// a folder changed too recently to trust, read again and compared with the entries it must hold.
@Suite("Output folders' stamps")
struct OutputFoldersTests {
    static let files = ["index.html", "inspections/alpha/index.html", "inspections/alpha/print.html", "inspections/beta/index.html",
                        StagedOutput.markerName]

    static func site() throws -> URL {
        let folder = try TestPaths.scratch()
        for path in files { try TestPaths.write("x", to: folder.appendingPathComponent(path)) }
        return folder
    }

    /// `since` far ahead: every folder is trusted by its stamp. Far behind: every folder is read again.
    static func stamps(_ folder: URL, trusted: Bool) -> OutputFolders {
        let folders = OutputFolders.taking(output: folder.path, files: files, outputID: "id",
                                           since: trusted ? OutputFolders.now() + 10_000_000_000 : 0)
        #expect(trusted ? folders.fresh.isEmpty && folders.settled.count == 4 : folders.settled.isEmpty && folders.fresh.count == 4)
        return folders
    }

    @Test(arguments: [true, false])
    func anUntouchedOutputHolds(trusted: Bool) throws {
        let folder = try Self.site()
        #expect(Self.stamps(folder, trusted: trusted).stillHold(output: folder.path))
        #expect(OutputFolders.decoded(Self.stamps(folder, trusted: trusted).encoded())?.stillHold(output: folder.path) == true)
    }

    @Test(arguments: [true, false])
    func aStrayFileOrFolderIsSeen(trusted: Bool) throws {
        for stray in ["stray.html", "inspections/alpha/stray.html", "inspections/gamma/index.html", ".hidden"] {
            let folder = try Self.site()
            let folders = Self.stamps(folder, trusted: trusted)
            try TestPaths.write("x", to: folder.appendingPathComponent(stray))
            #expect(!folders.stillHold(output: folder.path), "\(stray) not seen")
        }
    }

    @Test(arguments: [true, false])
    func aRemovedOrReplacedFileIsSeen(trusted: Bool) throws {
        for path in ["index.html", "inspections/alpha/print.html", "inspections/beta/index.html"] {
            for replacement in ["none", "folder", "link", "rename"] {
                let folder = try Self.site()
                let folders = Self.stamps(folder, trusted: trusted)
                let url = folder.appendingPathComponent(path)
                try FileManager.default.removeItem(at: url)
                switch replacement {
                case "folder": try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                case "link": try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/etc/hostname")
                case "rename": try TestPaths.write("y", to: url.deletingLastPathComponent().appendingPathComponent("renamed.html"))
                default: break
                }
                #expect(!folders.stillHold(output: folder.path), "\(path) removed (\(replacement)) not seen")
            }
        }
    }

    @Test(arguments: [true, false])
    func aRemovedFolderIsSeen(trusted: Bool) throws {
        let folder = try Self.site()
        let folders = Self.stamps(folder, trusted: trusted)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("inspections/beta"))
        #expect(!folders.stillHold(output: folder.path))
    }
}

/// The switch of an incremental build reads only the folders of the tree put aside that changed
/// since their stamps were taken (`SiteTree.removeAllBut(_:folders:in:record:)`), and still leaves
/// the tree holding exactly the site.
@Suite("The switch by the folders' stamps")
struct StampedSwitchTests {
    static let files = OutputFoldersTests.files

    /// A tree of `files` with its stamps, all trusted, and a few of the clock's ticks later, so
    /// that a change made next changes a folder's stamp (what the trust margin ensures in a build).
    static func stampedTree() throws -> (URL, OutputFolders) {
        let folder = try OutputFoldersTests.site()
        let record = OutputFoldersTests.stamps(folder, trusted: true)
        usleep(30_000)
        return (folder, record)
    }

    static func switchTo(_ kept: [String], in folder: URL, record: OutputFolders) -> (missing: [String], unchanged: [String: OutputFolders.Stamp]) {
        SiteTree.removeAllBut(Set(kept), folders: SiteTree.folders(holding: kept), in: folder.path, record: record)
    }

    @Test func theFoldersOfASiteAreEachFilesFolderAndItsAncestorsWithTheirFiles() {
        let folders = SiteTree.folders(holding: ["index.html", "a/b/c/x.html", "a/b/y.html", "a/b/z.html", "d/é/ü.html", StagedOutput.markerName])
        #expect(folders == ["": 2, "a": 0, "a/b": 2, "a/b/c": 1, "d": 0, "d/é": 1])
    }

    @Test func anUntouchedTreeIsNotReadAndKeepsItsStamps() throws {
        let (folder, record) = try Self.stampedTree()
        let result = Self.switchTo(Self.files, in: folder, record: record)
        #expect(result.missing.isEmpty)
        #expect(Set(result.unchanged.keys) == ["", "inspections", "inspections/alpha", "inspections/beta"])
        #expect(SiteTree.holdsExactly(folder.path, Set(Self.files)))
    }

    @Test func straysInChangedFoldersGoAndOnlyThoseFoldersAreRead() throws {
        let read = ["stray.html": "", "inspections/alpha/stray.html": "inspections/alpha", "inspections/alpha/deep/er/stray.html": "inspections/alpha",
                    "inspections/gamma/index.html": "inspections", ".hidden": ""]
        for (stray, changed) in read {
            let (folder, record) = try Self.stampedTree()
            try TestPaths.write("x", to: folder.appendingPathComponent(stray))
            let result = Self.switchTo(Self.files, in: folder, record: record)
            #expect(result.missing.isEmpty, "\(stray)")
            #expect(SiteTree.holdsExactly(folder.path, Set(Self.files)), "\(stray) left in the tree")
            // The site's folder the stray went into was read; the others kept their stamps.
            #expect(result.unchanged[changed] == nil, "\(stray)")
            #expect(result.unchanged["inspections/beta"] != nil, "\(stray)")
        }
    }

    @Test func aFolderTheSiteNoLongerHasGoesWithItsStrays() throws {
        let (folder, record) = try Self.stampedTree()
        // The new site lacks beta: its file is removed first (as `commit` does), a stray stays in it.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("inspections/beta/index.html"))
        try TestPaths.write("x", to: folder.appendingPathComponent("inspections/beta/stray/index.html"))
        let site = Self.files.filter { !$0.hasPrefix("inspections/beta/") }
        let result = Self.switchTo(site, in: folder, record: record)
        #expect(result.missing.isEmpty)
        #expect(SiteTree.holdsExactly(folder.path, Set(site)))
    }

    @Test func aFileMissingFromAChangedFolderIsReported() throws {
        let (folder, record) = try Self.stampedTree()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("inspections/alpha/print.html"))
        #expect(Self.switchTo(Self.files, in: folder, record: record).missing == ["inspections/alpha/print.html"])
    }

    @Test func aLinkWhereTheSiteHasAFolderIsNeverFollowed() throws {
        let (folder, record) = try Self.stampedTree()
        // The folder moved out of the tree and a link to it put in its place: the folder below it
        // still has its stamp through the link, but nothing is trusted, removed or kept through it.
        let outside = try TestPaths.scratch()
        let moved = outside.appendingPathComponent("alpha")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("inspections/alpha"), to: moved)
        try TestPaths.write("keep me", to: moved.appendingPathComponent("not-the-site.txt"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("inspections/alpha"), withDestinationURL: moved)
        let result = Self.switchTo(Self.files, in: folder, record: record)
        #expect(result.missing == ["inspections/alpha/index.html", "inspections/alpha/print.html"])
        #expect(result.unchanged.isEmpty)
        #expect(FileManager.default.fileExists(atPath: moved.appendingPathComponent("not-the-site.txt").path))
        #expect(FileManager.default.fileExists(atPath: moved.appendingPathComponent("index.html").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("inspections/alpha").path)) == nil)
    }
}

/// A full build's switch walks the whole staged tree, and takes each folder's stamp from the folder
/// it has open, before reading it, rather than asking every folder for it again afterwards.
@Suite("The stamps the full switch takes")
struct WalkStampTests {
    static let files = OutputFoldersTests.files

    /// The stamps a folder has now, asked by path, by folder.
    static func stampsNow(_ folder: URL, _ folders: [String]) -> [String: OutputFolders.Stamp] {
        OutputFolders.taking(output: folder.path, files: files, folders: folders.map { ($0, nil) }, outputID: "id",
                             since: OutputFolders.now() + 10_000_000_000).settledStamps
    }

    @Test func everyFolderLeftComesWithTheStampItHasAfterTheWalk() throws {
        let folder = try OutputFoldersTests.site()
        usleep(30_000)
        try TestPaths.write("x", to: folder.appendingPathComponent("inspections/alpha/stray.html"))
        try TestPaths.write("x", to: folder.appendingPathComponent("inspections/gamma/stray.html"))
        let (removed, missing, found) = SiteTree.removeAllBut(Set(Self.files), in: folder.path)
        #expect(removed == ["inspections/alpha/stray.html", "inspections/gamma", "inspections/gamma/stray.html"])
        #expect(missing.isEmpty)
        #expect(Set(found.map(\.folder)) == ["", "inspections", "inspections/alpha", "inspections/beta"])
        #expect(found.count == 4)
        // The folders the walk changed, and the site's own folder (renamed into place next), are
        // left for `taking` to ask; the others' stamps are those they have now.
        let stamped = Dictionary(uniqueKeysWithValues: found.compactMap { entry in entry.stamp.map { (entry.folder, $0) } })
        #expect(Set(stamped.keys) == ["inspections/beta"])
        #expect(stamped == Self.stampsNow(folder, Array(stamped.keys)))
    }

    /// A stray put into a folder after the walk has read it is seen by the next build's check: the
    /// stamp is the one the folder had when read, not one taken after the stray went in.
    @Test func aStrayAddedAfterTheWalkReadItsFolderIsSeen() throws {
        let folder = try OutputFoldersTests.site()
        usleep(30_000)
        let (_, _, found) = SiteTree.removeAllBut(Set(Self.files), in: folder.path)
        usleep(30_000)
        try TestPaths.write("x", to: folder.appendingPathComponent("inspections/beta/stray.html"))
        let stamps = OutputFolders.taking(output: folder.path, files: Self.files, folders: found, outputID: "id",
                                          since: OutputFolders.now() + 10_000_000_000)
        #expect(!stamps.stillHold(output: folder.path))
    }

    /// Reading the folders leaves their access times alone: on a file system mounted with
    /// `relatime`, the first read of a folder after a change would otherwise write its inode.
    @Test func theWalkLeavesTheFoldersAccessTimesAlone() throws {
        let folder = try OutputFoldersTests.site()
        let beta = folder.appendingPathComponent("inspections/beta").path
        // Access and modification times long before the folder's change time (now), which
        // `relatime` would update the access time for.
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, beta, &times, 0) == 0)
        SiteTree.removeAllBut(Set(Self.files), in: folder.path)
        var info = stat()
        #expect(stat(beta, &info) == 0)
        #expect(info.st_atim.tv_sec == 1_000_000_000)
    }
}
