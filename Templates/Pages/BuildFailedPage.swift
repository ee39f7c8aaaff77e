import ReportSiteViews

/// The page the preview shows instead of the site while the content or a template has errors: every
/// problem, with its file and line. It loads the live-reload script, so it goes away by itself once
/// the file is fixed.
enum BuildFailedPage {
    static func render(_ page: BuildFailedView) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed – reportsite preview</title>
        <script src="\(page.liveReloadScript)" defer></script>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #0b0c0c; line-height: 1.5; }
        h1 { color: #7a1208; }
        li { margin: 0 0 1rem; }
        code { background: #f3f2f1; padding: 0 0.2rem; }
        .note { color: #505a5f; }
        </style>
        </head>
        <body>
        <main>
        <h1>The site did not build</h1>
        <p>\(page.summary). Fix the file named and save: this page reloads by itself.</p>
        <ol>
        \(page.problems.map(problem).joined(separator: "\n"))
        </ol>
        </main>
        </body>
        </html>
        """
    }

    private static func problem(_ problem: BuildFailedView.Problem) -> HTML {
        let field: HTML = problem.field.map { "<code>\($0)</code>: " } ?? HTML()
        let note: HTML = problem.note.map { "<br><span class=\"note\">note: \($0)</span>" } ?? HTML()
        return "<li class=\"\(problem.severity)\"><code>\(problem.location)</code> <strong>\(problem.severity)</strong>: \(field)\(problem.message)\(note)</li>"
    }
}
