/// Runs every check a build runs, without writing anything.
public struct SiteChecker: Sendable {
    public var content: String
    public var templates: String
    /// Treats warnings as errors (an overall rating outside its score band, for example).
    public var strict: Bool

    public init(content: String = "Content", templates: String = "Templates", strict: Bool = false) {
        self.content = content
        self.templates = templates
        self.strict = strict
    }

    /// Every diagnostic found, errors and warnings. Drafts are checked too: they will be published one day.
    public func check() async -> [Diagnostic] {
        let diagnostics = await SiteValidation.run(content: content, templates: templates, includeDrafts: true).diagnostics
        guard strict else { return diagnostics }
        return diagnostics.map {
            var promoted = $0
            if promoted.severity == .warning { promoted.severity = .error }
            return promoted
        }
    }
}
