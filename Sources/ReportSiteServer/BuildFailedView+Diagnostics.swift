import ReportSite
import ReportSiteViews

extension BuildFailedView {
    /// What the error page shows of `error`: every diagnostic, with its file and line, in order. The
    /// templates make the page (`PageTemplates.buildFailed`), so that its markup is escaped as every
    /// page's is.
    init(_ error: DiagnosticsError) {
        self.init(
            summary: DiagnosticReport(error.diagnostics).summary,
            problems: error.diagnostics.map { diagnostic in
                Problem(severity: diagnostic.severity.rawValue, location: diagnostic.location.description,
                        field: diagnostic.field, message: diagnostic.message, note: diagnostic.note)
            },
            liveReloadScript: "/__livereload.js")
    }
}
