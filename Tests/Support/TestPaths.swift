import Foundation
import ReportSite
import Templates

/// Texts the tests share: the small valid site's inspection, and a full set of Essex South's ratings.
public enum TestContent {
    public static let alphaInspection = """
        ---
        title: "An inspection of Alpha PDU"
        type: pdu
        pdu: "Alpha"
        region: test-region
        framework: pdu-2023
        score: 5
        overall: "Requires improvement"
        ---
        ## Foreword

        Text.
        """

    /// Essex South's seven ratings (5 points), as front-matter lines.
    public static let essexSouthRatings = """
        ratings:
          leadership: "Good"
          staffing: "Requires improvement"
          services: "Requires improvement"
          assessment: "Inadequate"
          planning: "Requires improvement"
          implementation: "Inadequate"
          reviewing: "Inadequate"
        """
}

/// Paths to the package's real folders and scratch folders for tests.
public enum TestPaths {
    /// The package root, found from this file's location (`Tests/Support/`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var content: String { packageRoot.appendingPathComponent("Content").path }
    public static var templates: String { packageRoot.appendingPathComponent("Templates").path }

    /// A new empty folder in this test run's scratch root (see `ScratchRoot`).
    public static func scratch(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = ScratchRoot.folder.appendingPathComponent("\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// The tests build with the site's own compiled templates, as the command line does.
extension SiteBuilder.Options {
    public init(content: String = "Content", templates: String = "Templates", output: String = "Output",
         includeDrafts: Bool = false, liveReload: Bool = false, today: PartialDate = PartialDate(day: Date())) {
        self.init(templates: SiteTemplates(), content: content, templatesFolder: templates, output: output,
                  includeDrafts: includeDrafts, liveReload: liveReload, today: today)
    }
}

/// The one folder under the system temporary folder that holds every scratch folder of a test
/// run, named after the run's process. Sites built by the tests take hundreds of megabytes, so
/// the root goes when the process exits, and a run that was killed before it could clean up
/// has its root removed by the next run.
enum ScratchRoot {
    static let prefix = "reportsite-tests-run-"

    static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        removeRootsOfEndedRuns(in: temporary)
        let root = temporary.appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchRoot.folder) }
        return root
    }()

    /// Roots whose process no longer runs (`kill` with signal 0 only asks whether it exists).
    private static func removeRootsOfEndedRuns(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }
}
