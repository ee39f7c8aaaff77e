import ReportSite

/// What the preview shows now: the site, the diagnostics of the last failed build, or, while the
/// binary is built again after a template changed, the "rebuilding" page.
///
/// A template that did not compile is kept apart from the content's builds: the running binary still
/// rebuilds the content after a save, with the old templates, but the site it makes is not what the
/// author's templates say, so the compiler's errors stay on every page until a template build succeeds
/// (which restarts the server) or starts again.
actor PreviewState {
    private var contentFailure: DiagnosticsError?
    private var templateFailure: DiagnosticsError?
    private(set) var rebuilding = false
    private(set) var builds = 0

    /// What the error page shows: the templates' errors first, as no content build can clear them.
    var failure: DiagnosticsError? { templateFailure ?? contentFailure }

    /// A content build succeeded.
    func succeeded() {
        contentFailure = nil
        builds += 1
    }

    /// A content build failed.
    func failed(_ error: DiagnosticsError) {
        contentFailure = error
        builds += 1
    }

    /// The binary is being built again after a template changed.
    func startRebuilding() {
        rebuilding = true
        templateFailure = nil
    }

    /// The templates did not compile.
    func templatesFailed(_ error: DiagnosticsError) {
        templateFailure = error
        rebuilding = false
    }
}
