import Foundation
import Testing
import ReportSite
import ReportSiteTestSupport

/// The `reportsite` executable as a user runs it: exit status, standard error, JSON.
@Suite("Command line")
struct CommandLineTests {
    @Test func theExecutableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: ReportSiteBinary.executable.path), "run 'swift build --build-tests' first")
    }

    @Test func checkExitsZeroOnGoodContentAndOneOnErrors() throws {
        let folder = try ReportSiteBinary.workingCopy()
        let good = try ReportSiteBinary.run(["check"], in: folder)
        #expect(good.status == 0)
        #expect(good.stdout.contains("0 errors, 0 warnings"))

        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file)
            .replacingOccurrences(of: "score: 5", with: "score: five")
            .replacingOccurrences(of: "framework: pdu-2023", with: "framwork: pdu-2023"), to: file)
        let bad = try ReportSiteBinary.run(["check"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Content/inspections/alpha-2024.md:6:1: error: framwork: unknown field 'framwork'"))
        #expect(bad.stderr.contains("note: did you mean 'framework'?"))
        #expect(bad.stderr.contains("Content/inspections/alpha-2024.md:7:8: error: score: expected a whole number, found 'five'"))
        // Two mistakes, two errors: the misspelt field is not also reported missing.
        #expect(bad.stdout.contains("2 errors, 0 warnings"), "\(bad.stdout)\n\(bad.stderr)")
    }

    @Test func checkPrintsJSON() throws {
        let folder = try ReportSiteBinary.workingCopy()
        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "score: 5", with: "score: 2"), to: file)
        let lenient = try ReportSiteBinary.run(["check", "--format", "json"], in: folder)
        #expect(lenient.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 0)
        #expect(document["warnings"] as? Int == 1)
        let entry = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["severity"] as? String == "warning")
        #expect(entry["file"] as? String == "Content/inspections/alpha-2024.md")
        #expect(entry["line"] as? Int == 8)
        #expect(entry["field"] as? String == "overall")

        let strict = try ReportSiteBinary.run(["check", "--strict", "--format", "json"], in: folder)
        #expect(strict.status == 1)
    }

    @Test func aFailedBuildExitsOneAndLeavesOutputAsItWas() throws {
        let folder = try ReportSiteBinary.workingCopy()
        let first = try ReportSiteBinary.run(["build"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Built 11 pages (1 inspections, 1 regions, 1 PDUs) into Output/"))
        let page = folder.appendingPathComponent("Output/inspections/alpha-2024/index.html")
        let before = try TestPaths.read(page)

        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "region: test-region", with: "region: nowhere"), to: file)
        let failed = try ReportSiteBinary.run(["build"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: region: no region 'nowhere' in regions/"))
        #expect(failed.stderr.contains("build failed: 1 error; Output/ was not changed"))
        #expect(try TestPaths.read(page) == before)
    }
}
