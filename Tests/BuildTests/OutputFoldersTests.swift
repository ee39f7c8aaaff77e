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
