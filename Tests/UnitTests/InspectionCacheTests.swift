import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The cache of decoded inspections must give back exactly what parsing the file gives, and nothing
/// at all when the file may have changed or the bytes are not what it wrote.
@Suite("Inspection cache")
struct InspectionCacheTests {
    static func roundTrip(_ inspection: Inspection) -> Inspection? {
        var cache = InspectionCache(settledBefore: 1_000)
        cache.store(InspectionCache.record(for: inspection, size: 10, modified: 500), for: "a.md")
        guard let reread = InspectionCache.decode(cache.encoded(), settledBefore: 1_000) else { return nil }
        return reread.inspection(at: "a.md", size: 10, modified: 500)
    }

    @Test func everyRealInspectionComesBackEqual() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        #expect(content.inspections.count > 50)
        for inspection in content.inspections {
            #expect(Self.roundTrip(inspection) == inspection, "\(inspection.slug)")
        }
    }

    /// Every field set, including the ones real content leaves empty, and a text held in memory.
    @Test func everyFieldSurvives() throws {
        let inspection = Inspection(
            slug: "alpha-2024", title: "Alpha — ‘quoted’\ttab", kind: .region, pduName: "Alpha", regionSlug: "north",
            frameworkID: "pdu-2023", published: PartialDate("2024-07-18"), fieldworkStart: PartialDate("2024-03"),
            score: 7, maxScore: 21, overall: "Good", ratings: ["1.1": "Good", "2.3": "Inadequate"],
            keyQuestions: ["2.1": ["a": 33.3, "b": 100], "2.2": [:]],
            recommendations: [.init(to: "The PDU should:", items: ["one", "two"]), .init(to: "HMPPS", items: [])],
            leadInspector: "A. Inspector", summary: "Line one\nline two", sources: [Source(title: "A report, p. 3", url: "https://example.org/r"), Source(title: "")],
            notes: "A working note\nover two lines", draft: true,
            body: MarkdownText("## Heading\n\nCafé.\n"), bodyFirstLine: 42,
            fieldLocations: ["score": SourceLocation(file: "Content/inspections/alpha-2024.md", line: 9, column: 8),
                             "title": SourceLocation(file: "elsewhere.yml")],
            location: SourceLocation(file: "Content/inspections/alpha-2024.md", line: 1),
            frontMatterDigest: ContentDigest("front"), bodyDigest: ContentDigest("body"))
        #expect(Self.roundTrip(inspection) == inspection)
        // Read back, the fields' locations stay in the cache's bytes until a diagnostic asks for
        // one, and are written back as they were.
        let reread = try #require(Self.roundTrip(inspection))
        #expect(reread.fieldLocations.encodedBytes != nil)
        #expect(reread.placeOfField("score") == SourceLocation(file: "Content/inspections/alpha-2024.md", line: 9, column: 8))
        #expect(reread.placeOfField("title") == SourceLocation(file: "elsewhere.yml"))
        #expect(reread.placeOfField("summary") == inspection.location)
        #expect(InspectionCache.record(for: reread, size: 10, modified: 500).payload == InspectionCache.record(for: inspection, size: 10, modified: 500).payload)
        #expect(Self.roundTrip(reread) == inspection)

        var fromFile = inspection
        fromFile.body = .file("Content/inspections/alpha-2024.md", from: 312)
        fromFile.pduName = nil
        fromFile.published = nil
        fromFile.score = nil
        #expect(Self.roundTrip(fromFile) == fromFile)
    }

    @Test func nothingIsTakenFromAFileThatMayHaveChanged() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let inspection = try #require(content.inspections.first)
        var cache = InspectionCache(settledBefore: 1_000)
        cache.store(InspectionCache.record(for: inspection, size: 10, modified: 500), for: "a.md")
        let reread = try #require(InspectionCache.decode(cache.encoded(), settledBefore: 1_000))
        #expect(reread.inspection(at: "a.md", size: 10, modified: 500) == inspection)
        #expect(reread.inspection(at: "a.md", size: 11, modified: 500) == nil, "another size")
        #expect(reread.inspection(at: "a.md", size: 10, modified: 501) == nil, "another time")
        #expect(reread.inspection(at: "b.md", size: 10, modified: 500) == nil, "another file")
        // Changed in the same instant as the build that stored it: the stamp proves nothing.
        let racy = try #require(InspectionCache.decode(cache.encoded(), settledBefore: 500))
        #expect(racy.inspection(at: "a.md", size: 10, modified: 500) == nil)
    }

    @Test func bytesItDidNotWriteAreNotRead() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        var cache = InspectionCache(settledBefore: 1_000)
        for (index, inspection) in content.inspections.prefix(3).enumerated() {
            cache.store(InspectionCache.record(for: inspection, size: 10, modified: 500), for: "\(index).md")
        }
        let bytes = cache.encoded()
        #expect(InspectionCache.decode(bytes.dropLast(7), settledBefore: 1_000) == nil, "cut short")
        #expect(InspectionCache.decode(Data("reportsite inspections 0\n".utf8) + bytes.dropFirst(25), settledBefore: 1_000) == nil,
                "another version")
        var corrupt = bytes
        // The payload length of the first entry, made larger than the file.
        let lengthAt = 25 + 8 + "0.md".utf8.count + 16
        corrupt.replaceSubrange(lengthAt..<lengthAt + 8, with: [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0])
        #expect(InspectionCache.decode(corrupt, settledBefore: 1_000) == nil, "a length past the end")
    }
}

/// A build writes the decoded reports that changed alone, while they are few beside the whole set,
/// and the cache read back from both files is the one it wrote.
@Suite("Inspection cache changes")
struct InspectionCacheChangesTests {
    /// A cache of `count` entries read back from its file, as a build finds it.
    static func readBack(_ inspections: [Inspection], count: Int) throws -> InspectionCache {
        var cache = InspectionCache(settledBefore: 1_000)
        for index in 0..<count {
            cache.store(InspectionCache.record(for: inspections[index % inspections.count], size: Int64(index), modified: 500), for: "\(index).md")
        }
        return try #require(InspectionCache.decode(cache.encoded(), settledBefore: 1_000))
    }

    /// What the next build reads: the file of all entries (the one written, or the one before) and the changes.
    static func next(after cache: InspectionCache, whole before: Data) throws -> InspectionCache {
        let files = cache.files()
        let whole = files.whole.map { $0.reduce(into: Data()) { $0.append($1) } } ?? before
        return try #require(InspectionCache.decode(whole, changes: files.changes.reduce(into: Data()) { $0.append($1) }, settledBefore: 1_000))
    }

    @Test func aFewChangesAreWrittenAloneAndReadBackOverTheWhole() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let read = try Self.readBack(content.inspections, count: 200)
        let whole = read.encoded()
        // As the loader makes the next cache: the entries kept, one changed, one added, one gone.
        var next = read.emptied()
        for index in 0..<200 where index != 7 {
            next.store(read.records["\(index).md"]!, for: "\(index).md")
        }
        next.store(InspectionCache.record(for: content.inspections[0], size: 3, modified: 600), for: "3.md")
        next.store(InspectionCache.record(for: content.inspections[1], size: 9, modified: 600), for: "new.md")
        let files = next.files()
        #expect(files.whole == nil, "the whole file was written again for three changes")
        #expect(files.changes.reduce(0) { $0 + $1.count } < whole.count / 8)

        let reread = try Self.next(after: next, whole: whole)
        #expect(reread.inspection(at: "7.md", size: 7, modified: 500) == nil, "an entry removed came back")
        #expect(reread.inspection(at: "3.md", size: 3, modified: 500) == nil, "the entry replaced is still read")
        #expect(reread.inspection(at: "3.md", size: 3, modified: 600) == content.inspections[0])
        #expect(reread.inspection(at: "new.md", size: 9, modified: 600) == content.inspections[1])
        #expect(reread.inspection(at: "8.md", size: 8, modified: 500) == content.inspections[8 % content.inspections.count])
        #expect(Set(reread.records.keys) == Set(next.records.keys))
        // Written whole, the same entries give the same cache.
        let rewritten = try #require(InspectionCache.decode(next.encoded(), settledBefore: 1_000))
        #expect(rewritten.records.mapValues(\.payload) == reread.records.mapValues(\.payload))
    }

    /// Changes that grow past an eighth of the whole set write both files anew, the changes empty.
    @Test func manyChangesWriteTheWholeSetAgain() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let read = try Self.readBack(content.inspections, count: 40)
        let whole = read.encoded()
        var next = read.emptied()
        for index in 0..<40 {
            next.store(InspectionCache.record(for: content.inspections[index % content.inspections.count], size: Int64(index), modified: 700),
                       for: "\(index).md")
        }
        let files = next.files()
        let rewritten = try #require(files.whole)
        #expect(rewritten.reduce(into: Data()) { $0.append($1) } == next.encoded())
        let reread = try Self.next(after: next, whole: whole)
        #expect(reread.records.values.allSatisfy { $0.modified == 700 && $0.origin == .wholeFile })
        // A cache that was read from no file writes the whole set.
        #expect(InspectionCache(records: next.records).files().whole != nil)
        // Changes that are not of this layout leave nothing trusted.
        #expect(InspectionCache.decode(whole, changes: Data("reportsite inspection changes 0\n".utf8), settledBefore: 1_000) == nil)
    }
}

@Suite("Build manifest")
struct BuildManifestTests {
    @Test func readsBackEqualAndRefusesOtherBytes() throws {
        var inputs = InputStamps(files: [])
        inputs.files = ["Content/site.yml": .init(size: 120, modified: 1_700_000_000_123_456_789),
                        "Content/inspections/a\tb.md": .init(size: 0, modified: -5)]
        let manifest = BuildManifest(
            settings: "abc123", inputs: inputs, stampedAt: 1_700_000_001_000_000_000, nextPublication: "2027-01",
            pages: ["index.html": "ff00", "inspections/a/index.html": "0001", "Étude/index.html": ""],
            inspectionPages: 1, regionPages: 2, pduPages: 3)
        let data = manifest.encoded()
        #expect(BuildManifest.decoded(data) == manifest)
        var undated = manifest
        undated.nextPublication = nil
        #expect(BuildManifest.decoded(undated.encoded()) == undated)
        #expect(BuildManifest.decoded(data.dropLast()) == nil, "cut short")
        #expect(BuildManifest.decoded(data + Data([0])) == nil, "bytes after the end")
        #expect(BuildManifest.decoded(Data("{\"version\":1}".utf8)) == nil, "the JSON manifest of earlier versions")
    }
}
