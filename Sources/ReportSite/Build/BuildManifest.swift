import Foundation

/// What the last build made and from what, kept in the output folder so that the next build remakes
/// only the pages whose inputs changed.
///
/// Two files: the small one (settings, input stamps, page digests) answers "is anything to do?"; the
/// facts of every rendered text, larger, are read only when some page is remade.
struct BuildManifest: Codable, Sendable {
    static let fileName = ".reportsite-manifest.json"
    static let factsFileName = ".reportsite-texts.tsv"
    /// Raised whenever the manifest's meaning changes, so an old one is never trusted.
    static let formatVersion = 1

    var version = Self.formatVersion
    /// Digest of the build's options, of the templates and site-wide content, and of the reportsite
    /// binary itself: when it differs, every page is made anew.
    var settings: String
    var inputs: InputStamps
    /// When the stamps were taken (nanoseconds since 1970). A file changed in the same instant, or in
    /// the same tick of a file system that keeps coarse times, could keep its stamp: such a file is
    /// not trusted to be unchanged.
    var stampedAt: Int64
    /// The earliest publication date still to come (`YYYY-MM-DD`, or shorter): from that day a draft
    /// becomes a page, so the site must be built again even if no file changed.
    var nextPublication: String?
    /// Output file -> digest of everything it was made from.
    var pages: [String: String]
    var inspectionPages: Int
    var regionPages: Int
    var pduPages: Int

    /// The manifest in `output`, or nil when there is none or it is of another version or unreadable.
    static func read(from output: String) -> BuildManifest? {
        let path = (output as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == formatVersion
        else { return nil }
        return manifest
    }

    /// The facts of the texts rendered by earlier builds, by page; empty when unreadable.
    static func readFacts(from output: String) -> [String: BodyFacts] {
        let path = (output as NSString).appendingPathComponent(factsFileName)
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return BodyFactsFile.decode(data) ?? [:]
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    static func encoded(facts: [String: BodyFacts]) -> Data {
        BodyFactsFile.encode(facts)
    }

    /// Whether the output is exactly what building now would make: same settings, same input files
    /// untouched, no draft due today, and every page still there.
    func isUpToDate(settings: String, inputs: InputStamps, today: PartialDate, output: String) -> Bool {
        guard self.settings == settings, self.inputs == inputs else { return false }
        let settled = stampedAt - 2_000_000_000
        guard inputs.files.values.allSatisfy({ $0.modified < settled }) else { return false }
        if let next = nextPublication.flatMap(PartialDate.init), !today.isDefinitelyBefore(next) { return false }
        return pages.keys.allSatisfy { FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent($0)) }
    }
}
