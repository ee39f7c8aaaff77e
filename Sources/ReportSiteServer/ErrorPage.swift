import ReportSite

/// The page the preview shows instead of the site while the content or a template has errors: every
/// diagnostic, with its file and line, escaped. It loads the live-reload script, so it goes away by
/// itself once the file is fixed.
enum ErrorPage {
    static func html(for error: DiagnosticsError) -> String {
        let items = error.diagnostics.map { diagnostic in
            var item = "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(escape(diagnostic.location.description))</code> "
            item += "<strong>\(diagnostic.severity.rawValue)</strong>: "
            if let field = diagnostic.field { item += "<code>\(escape(field))</code>: " }
            item += escape(diagnostic.message)
            if let note = diagnostic.note { item += "<br><span class=\"note\">note: \(escape(note))</span>" }
            return item + "</li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed – reportsite preview</title>
            <script src="/__livereload.js" defer></script>
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
            <p>\(escape(DiagnosticReport(error.diagnostics).summary)). Fix the file named and save: this page reloads by itself.</p>
            <ol>
            \(items.joined(separator: "\n"))
            </ol>
            </main>
            </body>
            </html>
            """
    }

    static func escape(_ text: String) -> String {
        HTML.escape(text)
    }
}

/// The script preview pages load: reload when the server says something changed.
///
/// The connection is closed when the page is hidden (`pagehide`) and opened again when it is shown
/// (`pageshow`). A page the browser keeps in its back/forward cache would otherwise keep its
/// connection open, and a browser opens only six connections to one host over HTTP/1.1: after six
/// such pages, the next page's requests waited for one to time out. Each connection starts with the
/// number of reloads the server has sent; a page shown again reloads if it has grown since it last
/// looked, as it missed a reload while hidden.
enum LiveReloadScript {
    static let javascript = """
        (function () {
          if (!window.EventSource) return;
          var source = null, reloads = null;
          function connect() {
            if (source) return;
            source = new EventSource("/__livereload");
            window.__reportsiteLiveReload = source;
            source.addEventListener("version", function (event) {
              if (reloads !== null && event.data !== reloads) window.location.reload();
              reloads = event.data;
            });
            source.addEventListener("reload", function () { window.location.reload(); });
          }
          window.addEventListener("pagehide", function () {
            if (source) source.close();
            source = null;
          });
          window.addEventListener("pageshow", connect);
          connect();
        })();
        """
}
