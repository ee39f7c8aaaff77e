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

    /// Every diagnostic found, errors and warnings, in the order the stages found them.
    public func check() async -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        do {
            let (content, warnings) = try ContentLoader(root: content).load()
            diagnostics += warnings
            diagnostics += try SiteGraph.build(content, includeDrafts: true).warnings
        } catch {
            diagnostics += error.diagnostics
        }
        do {
            _ = try await TemplateSet.load(from: templates)
        } catch {
            diagnostics += error.diagnostics
        }
        guard strict else { return diagnostics }
        return diagnostics.map {
            var promoted = $0
            promoted.severity = .error
            return promoted
        }
    }
}
