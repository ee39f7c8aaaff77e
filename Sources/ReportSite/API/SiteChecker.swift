/// Runs every check a build runs, without writing anything.
public struct SiteChecker: Sendable {
    public var content: String
    public var templates: String
    /// Treats warnings as errors (an overall rating outside its score band, for example).
    public var strict: Bool
    /// The site's address for this check, in place of `site.yml`'s `base_url`.
    public var baseURL: BaseURLOverride?
    /// Also warn about an address a published site cannot have (a placeholder, or not https):
    /// `check --strict`, the check before publication.
    public var checksPublicAddress: Bool

    public init(content: String = "Content", templates: String = "Templates", strict: Bool = false,
                baseURL: BaseURLOverride? = nil, checksPublicAddress: Bool = false) {
        self.content = content
        self.templates = templates
        self.strict = strict
        self.baseURL = baseURL
        self.checksPublicAddress = checksPublicAddress
    }

    /// Every diagnostic found, errors and warnings. Drafts are checked too: they will be published one day.
    public func check() async -> [Diagnostic] {
        // On threads of the build's own (see `BuildExecutor`), never the cooperative pool's.
        await withTaskExecutorPreference(BuildExecutor.shared) { await diagnostics() }
    }

    private func diagnostics() async -> [Diagnostic] {
        var diagnostics = await SiteValidation.run(content: content, templates: templates, includeDrafts: true, baseURL: baseURL).diagnostics
        if checksPublicAddress {
            diagnostics = SiteValidation.inReadingOrder(diagnostics + SiteAddress.publicationWarnings(content: content, override: baseURL))
        }
        guard strict else { return diagnostics }
        return diagnostics.map {
            var promoted = $0
            if promoted.severity == .warning { promoted.severity = .error }
            return promoted
        }
    }
}
