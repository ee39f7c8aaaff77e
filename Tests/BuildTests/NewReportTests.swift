import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// `reportsite new inspection`: a draft for any PDU or region under any framework of its level, which
/// `check` accepts as it is and which, filled in, builds.
@Suite("Starting a new report", .serialized)
struct NewReportTests {
    @Test func everyPDUAndRegionUnderEveryFrameworkGetsADraftThatChecksAndFilledInBuilds() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let site = ContentLoader(root: content.path).read().content
        let today = try #require(PartialDate("2026-11-30"))
        var made: [String] = []
        for (offset, framework) in site.frameworks.enumerated() {
            let subjects: [NewReport.Subject] = framework.level == .pdu
                ? site.regions.flatMap { $0.pdus.map { NewReport.Subject.pdu($0.name) } }
                : site.regions.map { .region($0.slug) }
            for subject in subjects {
                let (path, text) = try NewReport(subject: subject, framework: framework.id, date: "\(2010 + offset)").make(
                    from: site, content: content.path, today: today)
                #expect(!FileManager.default.fileExists(atPath: path), "\(path) is already there")
                try TestPaths.write(text, to: URL(fileURLWithPath: path))
                made.append(path)
            }
        }
        #expect(made.count == 2 * site.regions.flatMap(\.pdus).count + 2 * site.regions.count)

        let drafts = await SiteChecker(content: content.path, templates: templates.path).check()
        #expect(drafts.isEmpty, "\(drafts.prefix(5))")

        // Filled in as a report rated Inadequate throughout would be, and published.
        for path in made {
            let url = URL(fileURLWithPath: path)
            var lines = try TestPaths.read(url).components(separatedBy: "\n")
            var section = ""
            for index in lines.indices {
                let line = lines[index]
                if !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") { section = String(line[..<colon]) }
                let indent = line.prefix { $0 == " " }.count
                guard line.hasSuffix(":") || line.contains(":  #") || line.contains(": #") else { continue }
                let key = line.split(separator: ":", maxSplits: 1)[0]
                switch (section, indent) {
                case ("ratings", 2): lines[index] = "\(key): \"Inadequate\""
                case ("key_questions", 4): lines[index] = "\(key): 40"
                default: break
                }
            }
            var text = lines.joined(separator: "\n")
            text = text.replacingOccurrences(of: "draft: true\n", with: "")
                .replacingOccurrences(of: "\nscore:\n", with: "\nscore: 0\n")
                .replacingOccurrences(of: "\noverall:\n", with: "\noverall: \"Inadequate\"\n")
                .replacingOccurrences(of: "\nsummary:\n", with: "\nsummary: \"A summary.\"\n")
            try TestPaths.write(text, to: url)
        }
        let filled = await SiteChecker(content: content.path, templates: templates.path).check()
        #expect(filled.filter { $0.severity == .error }.isEmpty, "\(filled.prefix(5))")
        let output = folder.appendingPathComponent("Output")
        let report = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path, today: today)).build()
        #expect(report.inspectionPages == site.inspections.count + made.count)
    }

    @Test func refusesToReplaceAFileAndNamesWhatItDoesNotKnow() throws {
        let folder = try TestPaths.scratch()
        let (content, _) = try SiteFolder.copyOfTheSite(in: folder)
        let path = try NewReport(subject: .pdu("Northants"), date: "2026-03").write(into: content.path)
        #expect(path.hasSuffix("inspections/northamptonshire-2026.md"))
        #expect(try TestPaths.read(URL(fileURLWithPath: path)).contains("pdu: \"Northamptonshire\"\nregion: \"east-of-england\"\nframework: \"pdu-2023\""))
        // A second report of the year takes the month; a third of the month has no free name left.
        let second = try NewReport(subject: .pdu("Northants"), date: "2026-03").write(into: content.path)
        #expect(second.hasSuffix("inspections/northamptonshire-2026-03.md"))
        #expect(throws: DiagnosticsError.self) { try NewReport(subject: .pdu("Northants"), date: "2026-03").write(into: content.path) }
        #expect(try TestPaths.read(URL(fileURLWithPath: path)).contains("published: \"2026-03\""))
        for (report, message) in [(NewReport(subject: .pdu("Esex South")), "no PDU is called 'Esex South'"),
                                  (NewReport(subject: .pdu("Essex South"), framework: "pdu-2032"), "no pdu framework is called 'pdu-2032'"),
                                  (NewReport(subject: .region("Atlantis")), "no region is called 'Atlantis'"),
                                  (NewReport(subject: .pdu("Essex South"), date: "2026-13"), "'2026-13' is not a real date")] {
            do {
                _ = try report.write(into: content.path)
                Issue.record("no error for \(message)")
            } catch {
                #expect(error.diagnostics.map(\.message) == [message])
            }
        }
    }

    /// A name in a region file with a control character in it (a line break written `\n` in quotes)
    /// is an error at its place; names with quotes, backslashes, colons and the like reach a new
    /// report's front matter quoted, so that it parses back to the same name.
    @Test func aNameWithAControlCharacterIsRefusedAndEveryOtherNameIsWrittenSoItParses() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let region = content.appendingPathComponent("regions/test-region.md")
        try TestPaths.write("""
            ---
            name: "Test Region"
            pdus:
              - name: "Alpha"
                aliases: ["Al\\tpha"]
              - name: "Beta\\nPDU"
              - name: "Gamma \\"G\\" \\\\ #1: [x] {y} & *z"
              - name: "Delta\\u2028PDU"
            ---
            """, to: region)
        let errors = await SiteChecker(content: content.path, templates: TestPaths.templates).check().filter { $0.severity == .error }
        let places = errors.map { "\($0.location.file == region.path):\($0.location.line ?? 0):\($0.location.column ?? 0)" }
        #expect(places == ["true:5:15", "true:6:11", "true:8:11"], "\(errors)")
        #expect(errors.allSatisfy { $0.message.contains("control character") })

        let site = ContentLoader(root: content.path).read().content
        let (path, text) = try NewReport(subject: .pdu("Gamma \"G\" \\ #1: [x] {y} & *z"), date: "2025").make(
            from: site, content: content.path, today: try #require(PartialDate("2025-01-01")))
        try TestPaths.write(text, to: URL(fileURLWithPath: path))
        let after = await SiteChecker(content: content.path, templates: TestPaths.templates).check()
            .filter { $0.severity == .error && $0.location.file == path }
        #expect(after.isEmpty, "\(after)")
        let report = try #require(ContentLoader(root: content.path).read().content.inspections.first { $0.slug == "gamma-g-1-x-y-z-2025" })
        #expect(report.pduName == "Gamma \"G\" \\ #1: [x] {y} & *z")
    }

    /// Whatever a name holds, the quoted form reads back as the same text.
    @Test func aQuotedValueReadsBackAsItWas() throws {
        var log = DiagnosticLog()
        let new = NewReport(subject: .pdu("x"))
        for text in ["a\nb", "tab\there", "q\"uote", "back\\slash", "line\u{2028}sep", "nel\u{85}x", "esc\u{1B}[2J", "# not a comment", "- [a]: {b}"] {
            let yaml = "value: \(new.quoted(text))\n"
            #expect(!yaml.dropLast().contains("\n"), "\(yaml)")
            let parsed = try YAMLReader.parse(yaml, file: "new.md", firstLine: 1).get().object(&log)?.optional("value")?.string(&log)
            #expect(parsed == text, "\(yaml)")
        }
    }
}
