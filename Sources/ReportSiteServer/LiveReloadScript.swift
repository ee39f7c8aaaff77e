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
