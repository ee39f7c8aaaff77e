import Foundation

/// Where the last build's state lives between builds: the manifest (what it made, from what), the
/// facts of its texts, the search index's state and the decoded reports.
enum BuildStore: Sendable {
    /// In the build cache on disk, read back by the next build: every build from the command line.
    case disk(BuildCache)
    /// In the memory of a process that builds again and again (the preview server), which holds the
    /// model of the site as well; the cache on disk is emptied, so a build without this memory
    /// starts afresh.
    case memory(BuildMemory?, cache: BuildCache)

    var cache: BuildCache {
        switch self {
        case .disk(let cache), .memory(_, let cache): return cache
        }
    }

    /// The last build's state, when it describes the site now in `output`: the manifest holds the
    /// id written in the output's marker by the build that made it. A site another build put there
    /// since (into another cache, from other content, with drafts) is never taken for this one's.
    func lastBuild(of output: String) -> LastBuild? {
        switch self {
        case .memory(let memory?, let cache):
            guard memory.output == output, memory.manifest.describes(output: output) else { return nil }
            return LastBuild(manifest: memory.manifest, memory: memory, cache: cache)
        case .disk(let cache), .memory(nil, let cache):
            // A preview's first build takes over a folder a build from the command line made.
            guard let manifest = BuildManifest.read(from: cache), manifest.describes(output: output) else { return nil }
            return LastBuild(manifest: manifest, memory: nil, cache: cache)
        }
    }
}

/// The facts of every text the last build rendered and its search index's state, read together:
/// a build reads them while the content loads.
struct KeptTexts: Sendable {
    var facts: [String: BodyFacts] = [:]
    var search: SearchPostings?

    /// Those of `last`, when there is a last build whose pages this one can keep; the search state
    /// only when the site has a search index.
    init(of last: LastBuild?, searchIndex: Bool) {
        guard let last else { return }
        facts = last.facts()
        search = searchIndex ? last.search() : nil
    }
}

/// What the last build into this output left: its manifest, and the rest read only when needed.
struct LastBuild: Sendable {
    let manifest: BuildManifest
    /// The state kept in memory, when the store is the preview's.
    let memory: BuildMemory?
    let cache: BuildCache

    /// The same, when its manifest was made with `settings` (the same options, binary, site-wide
    /// inputs); nil otherwise, when every page must be made anew.
    func made(with settings: String) -> LastBuild? {
        manifest.settings == settings ? self : nil
    }

    /// The facts of every text it rendered, by page.
    func facts() -> [String: BodyFacts] {
        memory?.facts ?? BuildManifest.readFacts(from: cache)
    }

    /// The search index's state, when it made one.
    func search() -> SearchPostings? {
        memory.map(\.search) ?? cache.read(BuildCache.searchName).flatMap(SearchPostings.decode)
    }

    /// The reports it decoded whose files were last changed before `settled` (nanoseconds since 1970).
    func inspections(settledBefore settled: Int64) -> InspectionCache? {
        memory?.inspections.settled(before: settled) ?? InspectionCache.read(from: cache, settledBefore: settled)
    }

    /// The stamps of the output's folders that the last build took, when on disk.
    func outputFolders() -> OutputFolders? {
        guard memory == nil else { return nil }
        return cache.read(BuildCache.foldersName).flatMap(OutputFolders.decoded)
    }

    /// Whether the output holds exactly the files this build made, told by the stamps of its folders
    /// alone: false when they moved (a file added or removed by hand) or were not taken.
    func leftOutputUntouched(_ output: String) -> Bool {
        guard let folders = outputFolders() else { return false }
        return folders.outputID == manifest.outputID && folders.stillHold(output: output)
    }

    /// The stamps of the folders of the tree put aside, taken when it was the output, when on disk.
    func previousTreeFolders() -> OutputFolders? {
        guard memory == nil else { return nil }
        return cache.read(BuildCache.previousFoldersName).flatMap(OutputFolders.decoded)
    }

    /// The paths in which the tree put aside beside the output differs from the output, when known.
    func differences() -> [String]? {
        if let memory { return memory.differences }
        return cache.read(BuildCache.previousTreeName).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) }
    }
}
