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
