import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("Report texts read when their pages are made")
struct MarkdownTextTests {
    @Test func everyTextReadsBackAsWrittenWhateverItsEncodingDetails() throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let plain = TestContent.alphaInspection + "\nÉtude – café.\n"
        let variants = [
            ("plain", plain),
            ("bom", "\u{FEFF}" + plain),
            ("crlf", plain.replacingOccurrences(of: "\n", with: "\r\n")),
        ]
        for (name, text) in variants {
            try Data(text.utf8).write(to: content.appendingPathComponent("inspections/alpha-\(name).md"))
        }
        let (loaded, _) = try ContentLoader(root: content.path).load()
        let expected = "## Foreword\n\nText.\nÉtude – café.\n"
        for (name, _) in variants {
            let inspection = try #require(loaded.inspections.first { $0.slug == "alpha-\(name)" })
            #expect(inspection.body.markdown == expected, "\(name): \(inspection.body.markdown.debugDescription)")
        }
    }
}

@Suite("The texts file beside the manifest")
struct BodyFactsFileTests {
    @Test func factsReadBackExactlyTabsLineEndsAndBackslashesIncluded() throws {
        let facts = [
            "inspections/a/index.html": BodyFacts(
                page: "inspections/a/index.html", file: "Content/inspections/a\tb.md", firstLine: 30,
                headings: [Heading(level: 2, text: "Tabs\there, a \\ back\\slash\\t and\nline\r\nend", id: "tabs-here"),
                           Heading(level: 3, text: "Étude – ‘quoted’", id: "etude")],
                footnoteIDs: ["fn-1", "fnref-1"],
                links: [MarkdownLink(destination: "../b/index.html#x\\y", line: 4, column: 12)]),
            "regions/r/index.html": BodyFacts(page: "regions/r/index.html", file: "r.md", firstLine: 1),
        ]
        let decoded = try #require(BodyFactsFile.decode(BodyFactsFile.encode(facts)))
        #expect(decoded == facts)
        #expect(BodyFactsFile.decode(Data("something else\n".utf8)) == nil)
        #expect(BodyFactsFile.decode(Data("reportsite texts 1\nH\tx\ty\tz\n".utf8)) == nil)
    }

    /// The file is read in runs of records on several cores: every record must come back whole,
    /// wherever the runs are cut, including records whose text holds a "P" after a line end.
    @Test func manyRecordsReadBackWhateverTheRuns() throws {
        var facts: [String: BodyFacts] = [:]
        for index in 0..<2_000 {
            let page = "inspections/r\(index)/index.html"
            facts[page] = BodyFacts(
                page: page, file: "Content/inspections/r\(index).md", firstLine: index % 40 + 1,
                headings: (0..<(index % 7)).map { Heading(level: 2 + $0 % 3, text: "Part \($0)\nP\tnot a record", id: "part-\($0)") },
                footnoteIDs: index % 5 == 0 ? ["fn-\(index)"] : [],
                links: (0..<(index % 4)).map { MarkdownLink(destination: "../r\($0)/index.html", line: $0 + 1, column: 3) })
        }
        let decoded = try #require(BodyFactsFile.decode(BodyFactsFile.encode(facts)))
        #expect(decoded.count == facts.count)
        #expect(decoded == facts)
        var truncated = BodyFactsFile.encode(facts)
        truncated.append(contentsOf: Array("X\tbroken\n".utf8))
        #expect(BodyFactsFile.decode(truncated) == nil)
    }
}
