/// The printable version of an inspection: the same values as its page, plus what paged media needs.
public struct PrintPageView: Sendable {
    public var page: InspectionPageView
    /// The running header, escaped for a CSS string (it goes into `@page { content: "…" }`).
    public var runningHeaderCSS: String
    /// The `:root` block of the site's stylesheet: the colours and spacing the print styles use.
    public var designTokens: StyleText
    public var published: String
    public var subject: String

    public init(page: InspectionPageView, runningHeaderCSS: String, designTokens: StyleText, published: String, subject: String) {
        self.page = page
        self.runningHeaderCSS = runningHeaderCSS
        self.designTokens = designTokens
        self.published = published
        self.subject = subject
    }
}

