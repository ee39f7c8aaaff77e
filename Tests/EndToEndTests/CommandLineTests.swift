import Foundation
import Testing
@testable import ReportSite

/// The `reportsite` executable as a user runs it: exit status, standard error, JSON.
@Suite("Command line")
struct CommandLineTests {
    /// The executable built beside this test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reportsite")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments` in `directory`; with `environment`, in the test's environment
    /// less the site's address variable, plus `environment`.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment {
            var merged = ProcessInfo.processInfo.environment
            merged[BaseURLOverride.environmentVariable] = nil
            merged.merge(environment) { _, new in new }
            process.environment = merged
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A folder with `Content/` (the small valid site) and `Templates/`, as a user's working copy.
    static func workingCopy() throws -> URL {
        let folder = try TestPaths.scratch()
        _ = try StagedOutputTests.makeContent(in: folder)
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: folder.appendingPathComponent("Templates").path)
        return folder
    }

    @Test func theExecutableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "run 'swift build --build-tests' first")
    }

    @Test func checkExitsZeroOnGoodContentAndOneOnErrors() throws {
        let folder = try Self.workingCopy()
        let good = try Self.run(["check"], in: folder)
        #expect(good.status == 0)
        #expect(good.stdout.contains("0 errors, 0 warnings"))

        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file)
            .replacingOccurrences(of: "score: 5", with: "score: five")
            .replacingOccurrences(of: "framework: pdu-2023", with: "framwork: pdu-2023"), to: file)
        let bad = try Self.run(["check"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Content/inspections/alpha-2024.md:6:1: error: framwork: unknown field 'framwork'"))
        #expect(bad.stderr.contains("note: did you mean 'framework'?"))
        #expect(bad.stderr.contains("Content/inspections/alpha-2024.md:7:8: error: score: expected a whole number, found 'five'"))
        // Two mistakes, two errors: the misspelt field is not also reported missing.
        #expect(bad.stdout.contains("2 errors, 0 warnings"), "\(bad.stdout)\n\(bad.stderr)")
    }

    @Test func checkPrintsJSON() throws {
        let folder = try Self.workingCopy()
        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "score: 5", with: "score: 2"), to: file)
        let lenient = try Self.run(["check", "--format", "json"], in: folder)
        #expect(lenient.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 0)
        #expect(document["warnings"] as? Int == 1)
        let entry = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["severity"] as? String == "warning")
        #expect(entry["file"] as? String == "Content/inspections/alpha-2024.md")
        #expect(entry["line"] as? Int == 8)
        #expect(entry["field"] as? String == "overall")

        let strict = try Self.run(["check", "--strict", "--format", "json"], in: folder)
        #expect(strict.status == 1)
    }

    @Test func aFailedBuildExitsOneAndLeavesOutputAsItWas() throws {
        let folder = try Self.workingCopy()
        let first = try Self.run(["build"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Built 11 pages (1 inspections, 1 regions, 1 PDUs) into Output/"))
        let page = folder.appendingPathComponent("Output/inspections/alpha-2024/index.html")
        let before = try TestPaths.read(page)

        let file = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(file).replacingOccurrences(of: "region: test-region", with: "region: nowhere"), to: file)
        let failed = try Self.run(["build"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: region: no region 'nowhere' in regions/"))
        #expect(failed.stderr.contains("build failed: 1 error; Output/ was not changed"))
        #expect(try TestPaths.read(page) == before)
    }
}
