import Foundation

/// What the last build made and from what, kept in the build cache (`BuildCache`) so that the next
/// build remakes only the pages whose inputs changed.
///
/// Two files: the small one (settings, input stamps, page digests) answers "is anything to do?"; the
/// facts of every rendered text, larger, are read only when some page is remade.
struct BuildManifest: Sendable, Equatable {
    /// Raised whenever the manifest's meaning changes, so an old one is never trusted.
    static let formatVersion = 4

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
    /// The id in the marker of the site this build made (`StagedOutput.id`): the manifest vouches
    /// for that site alone, not for one another build has put in the output folder since.
    var outputID: String = ""
    var inspectionPages: Int
    var regionPages: Int
    var pduPages: Int
    /// The digest of what the build's link check, which passed, checked the texts' links against
    /// (`BodyLinkChecker`): while it is the same, a text whose links did not change need not be checked.
    var linkTargets: String = ""

    /// The manifest in `cache`, or nil when there is none or it is of another version or unreadable.
    static func read(from cache: BuildCache) -> BuildManifest? {
        cache.read(BuildCache.manifestName).flatMap(decoded)
    }

    /// The manifest in `data`, or nil when it is not one of this version. In the layout of
    /// `ByteWriter`, read on every build, where JSON would be a large part of a one-file rebuild.
    static func decoded(_ data: Data) -> BuildManifest? {
        data.withUnsafeBytes { raw -> BuildManifest? in
            var reader = ByteReader(raw)
            guard reader.string() == Self.magic, reader.int() == formatVersion else { return nil }
            let settings = reader.string()
            let files = reader.dictionary { InputStamps.Stamp(size: Int64($0.int()), modified: Int64($0.int())) }
            let stampedAt = Int64(reader.int())
            let nextPublication = reader.optional { $0.string() }
            let pages = reader.dictionary { $0.string() }
            let outputID = reader.string()
            let inspectionPages = reader.int(), regionPages = reader.int(), pduPages = reader.int()
            let linkTargets = reader.string()
            guard !reader.failed, reader.isAtEnd else { return nil }
            return BuildManifest(settings: settings, inputs: InputStamps(stamps: files), stampedAt: stampedAt, nextPublication: nextPublication,
                                 pages: pages, outputID: outputID, inspectionPages: inspectionPages, regionPages: regionPages, pduPages: pduPages,
                                 linkTargets: linkTargets)
        }
    }

    private static let magic = "reportsite manifest"

    /// The facts of the texts rendered by earlier builds, by page; empty when unreadable.
    static func readFacts(from cache: BuildCache) -> [String: BodyFacts] {
        cache.read(BuildCache.factsName).flatMap(BodyFactsFile.decode) ?? [:]
    }

    func encoded() -> Data {
        var writer = ByteWriter()
        writer.string(Self.magic)
        writer.int(version)
        writer.string(settings)
        // In any order: the manifest is read back into dictionaries, and nothing compares its bytes.
        writer.dictionaryInAnyOrder(inputs.files) { writer, stamp in
            writer.int(Int(stamp.size))
            writer.int(Int(stamp.modified))
        }
        writer.int(Int(stampedAt))
        writer.optional(nextPublication) { $0.string($1) }
        writer.dictionaryInAnyOrder(pages) { $0.string($1) }
        writer.string(outputID)
        writer.int(inspectionPages)
        writer.int(regionPages)
        writer.int(pduPages)
        writer.string(linkTargets)
        return Data(writer.bytes)
    }

    static func encoded(facts: [String: BodyFacts]) -> FileParts {
        BodyFactsFile.parts(facts)
    }

    /// Whether this manifest describes the site now in the output folder `output`: the one whose
    /// marker holds the id this build gave it.
    func describes(output: String) -> Bool {
        !outputID.isEmpty && StagedOutput.id(of: output) == outputID
    }

    /// Whether the output is exactly what building now would make: same settings, same input files
    /// untouched, no draft due today, and the output holding its files and nothing else: told by
    /// the stamps of its folders (`untouched`) when the build that made it took them and they have
    /// not moved, else by reading every entry.
    func isUpToDate(settings: String, inputs: InputStamps, today: PartialDate, output: String, untouched: () -> Bool) -> Bool {
        guard self.settings == settings, self.inputs == inputs else { return false }
        let settled = stampedAt - 2_000_000_000
        guard inputs.files.values.allSatisfy({ $0.modified < settled }) else { return false }
        if let next = nextPublication.flatMap(PartialDate.init), !today.isDefinitelyBefore(next) { return false }
        // Folders whose stamps moved (a file put in by hand, or the output copied back from elsewhere)
        // are not yet a reason to build: the walk decides, as it did before the stamps were kept.
        if untouched() { return true }
        var files = Set(pages.keys)
        files.insert(StagedOutput.markerName)
        return SiteTree.holdsExactly(StagedOutput.resolve(output).path, files)
    }
}
