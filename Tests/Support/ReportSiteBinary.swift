import Foundation
import ReportSite

/// The `reportsite` executable as a user runs it.
public enum ReportSiteBinary {
    /// The executable built beside the test bundle (`swift build --build-tests` builds both).
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reportsite")
    }

    /// What a run printed, and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the binary with `arguments` in `directory`; with `environment`, in the test's environment
    /// less the site's address variable, plus `environment`.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Run {
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
    public static func workingCopy() throws -> URL {
        let folder = try TestPaths.scratch()
        _ = try SiteFolder.makeContent(in: folder)
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: folder.appendingPathComponent("Templates").path)
        return folder
    }
}
