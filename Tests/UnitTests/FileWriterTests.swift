import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("Writing files")
struct FileWriterTests {
    @Test func writesMakesFoldersAndReplacesLongerFiles() throws {
        let folder = try TestPaths.scratch()
        let path = folder.appendingPathComponent("a/b/c/page.html").path
        try FileWriter.write(Data("a longer first version".utf8), to: path)
        try FileWriter.write(Data("short".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("short".utf8))
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try FileWriter.write(big, to: folder.appendingPathComponent("big.bin").path)
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("big.bin").path) == big)
        #expect(throws: (any Error).self) { try FileWriter.write(Data(), to: path + "/under-a-file") }
    }

    /// Small parts are gathered before they are written, large ones written as they come: the file
    /// is the parts one after another, whatever their sizes and order.
    @Test func writesPartsOfEverySizeInOrder() throws {
        let folder = try TestPaths.scratch()
        var generator = SeededGenerator(state: 7)
        let sizes = (0..<3_000).map { index in index % 500 == 0 ? Int.random(in: 200_000...700_000, using: &generator)
                                                                 : Int.random(in: 0...400, using: &generator) }
        let parts = sizes.enumerated().map { index, size in Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &+ index) }) }
        let path = folder.appendingPathComponent("parts.bin").path
        try FileWriter.write(parts, to: path)
        #expect(FileManager.default.contents(atPath: path) == parts.reduce(into: Data()) { $0.append($1) })
    }
}

@Suite("Walking the content folder")
struct DirectoryWalkTests {
    @Test func findsFilesInNestedFoldersLeavesHiddenOnesOutAndFollowsLinksOnlyToFiles() throws {
        let folder = try TestPaths.scratch()
        for file in ["a.md", "nested/b.md", "nested/deeper/c.md", ".hidden.md", ".git/d.md", "nested/.swap/e.md"] {
            try TestPaths.write("x", to: folder.appendingPathComponent(file))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("a.md").path)
        // A link back to the folder itself: following it would never end.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("nested/loop").path,
                                                   withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("gone.md").path)
        let found = DirectoryWalk.files(under: folder.path).sorted()
        #expect(found == ["a.md", "link.md", "nested/b.md", "nested/deeper/c.md"])
        #expect(DirectoryWalk.files(under: folder.appendingPathComponent("missing").path).isEmpty)
    }

}
