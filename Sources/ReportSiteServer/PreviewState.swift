import ReportSite

/// What the preview shows now: the site, the diagnostics of the last failed build, or, while the
/// binary is built again after a template changed, the "rebuilding" page.
actor PreviewState {
    private(set) var failure: DiagnosticsError?
    private(set) var rebuilding = false
    private(set) var builds = 0

    func succeeded() {
        failure = nil
        rebuilding = false
        builds += 1
    }

    func failed(_ error: DiagnosticsError) {
        failure = error
        rebuilding = false
        builds += 1
    }

    func startRebuilding() {
        rebuilding = true
    }
}
