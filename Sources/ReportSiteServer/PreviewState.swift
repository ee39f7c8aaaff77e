import ReportSite

/// What the preview shows now: the site, or the diagnostics of the last failed build.
actor PreviewState {
    private(set) var failure: DiagnosticsError?
    private(set) var builds = 0

    func succeeded() {
        failure = nil
        builds += 1
    }

    func failed(_ error: DiagnosticsError) {
        failure = error
        builds += 1
    }
}
