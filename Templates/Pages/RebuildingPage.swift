import ReportSiteViews

/// The page the preview shows while the binary is being built again: it asks for the page again and
/// again, and reloads once the answer no longer carries the marker header (the site, or the error page).
enum RebuildingPage {
    static func render(_ page: RebuildingView) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Rebuilding – reportsite preview</title>
        <style>body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; line-height: 1.5; }</style>
        <script>
        setInterval(function () {
          fetch(window.location.href, { cache: "no-store" }).then(function (response) {
            if (!response.headers.get("\(page.markerHeader)")) window.location.reload();
          }).catch(function () {});
        }, \(page.pollInterval));
        </script>
        </head>
        <body>
        <main>
        <h1>Rebuilding the templates</h1>
        <p role="status">A template changed: reportsite is compiling it. This page reloads by itself when the new one is ready.</p>
        </main>
        </body>
        </html>
        """
    }
}
