import Foundation
import ReportSite

/// Where a site's builds keep what the last one made: the two ways `SiteBuilder` builds again.
public enum BuildStoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The build cache on disk, read back by the next build: `build()`, as `reportsite build` does.
    case disk
    /// The memory of the process: `build(remembering:)`, as the preview server does, with drafts
    /// and the live-reload script.
    case memory

    public var description: String {
        switch self {
        case .disk: "disk cache (build())"
        case .memory: "memory (build(remembering:))"
        }
    }

    /// The options a build with this store runs with: a published site for the disk, a preview for memory.
    public func options(content: URL, templates: URL, output: URL) -> SiteBuilder.Options {
        switch self {
        case .disk: .init(content: content.path, templates: templates.path, output: output.path)
        case .memory: .init(content: content.path, templates: templates.path, output: output.path, includeDrafts: true, liveReload: true)
        }
    }
}

/// One output folder built again and again, with either store.
public struct SiteBuilds: Sendable {
    public let store: BuildStoreKind
    public let builder: SiteBuilder
    /// What the last build left, when the store is memory.
    public var memory: BuildMemory?

    /// `searchSplitLimit`, when given, lowers `SiteBuilder.Options.searchSplitLimit`, so that the
    /// common words of a small site have their postings split as a large site's would.
    public init(store: BuildStoreKind, content: URL, templates: URL, output: URL, memory: BuildMemory? = nil, searchSplitLimit: Int? = nil) {
        self.store = store
        var options = store.options(content: content, templates: templates, output: output)
        if let searchSplitLimit { options.searchSplitLimit = searchSplitLimit }
        self.builder = SiteBuilder(options: options)
        self.memory = memory
    }

    /// Builds again, remaking what changed since the last build.
    public mutating func build() async throws(DiagnosticsError) -> SiteBuilder.Report {
        switch store {
        case .disk: return try await builder.build()
        case .memory: return try await builder.build(remembering: &memory)
        }
    }

    /// A build of the same content with the same options into `output`, which must not exist: what
    /// every incremental build is compared with.
    public func clean(into output: URL) async throws -> SiteBuilder.Report {
        var options = builder.options
        options.output = output.path
        return try await SiteBuilder(options: options).build()
    }
}
