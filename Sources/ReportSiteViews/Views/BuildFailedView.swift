/// The page the preview shows instead of the site while the content or a template has errors.
public struct BuildFailedView: Sendable {
    /// One problem, as the command line prints it.
    public struct Problem: Sendable {
        /// "error" or "warning": also the item's CSS class.
        public var severity: String
        /// "Content/inspections/x.md:12:3".
        public var location: String
        /// The front-matter field the problem is in, when it is in one.
        public var field: String?
        public var message: String
        public var note: String?

        public init(severity: String, location: String, field: String? = nil, message: String, note: String? = nil) {
            self.severity = severity
            self.location = location
            self.field = field
            self.message = message
            self.note = note
        }
    }

    /// "2 errors, 1 warning".
    public var summary: String
    public var problems: [Problem]
    /// Where the preview's live-reload script is, so the page goes away by itself once the file is fixed.
    public var liveReloadScript: String

    public init(summary: String, problems: [Problem], liveReloadScript: String) {
        self.summary = summary
        self.problems = problems
        self.liveReloadScript = liveReloadScript
    }
}
