"""`reportsite serve`: the preview server, its live reload, drafts and its safety."""
import http.client
import os
import pathlib
import subprocess
import tempfile
import time

import pytest
import requests

from conftest import make_driver
from serve_support import BINARY, ROOT, EventStream, preview, open_connected, wait_for_reload


@pytest.fixture(scope="module")
def server():
    with preview() as running:
        yield running


def get(base, path):
    response = requests.get(base + path, timeout=10)
    response.encoding = "utf-8"  # the pages say so in <meta charset>; requests would guess Latin-1
    return response


def raw_status(port, path):
    """The status for `path` sent exactly as written (a client library would normalise the dots)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_event_stream_connects_then_reloads_within_two_seconds_of_an_edit(server):
    stream = EventStream(server.base)
    try:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        assert stream.headers.get("Cache-Control") == "no-cache"
        assert stream.wait_for(lambda line: line == ": connected", 5), "no ': connected' line"
        edited = time.monotonic()
        server.edit(server.essex, "Staffing has been a long-standing challenge", "Staffing has been a stubborn challenge")
        arrived = stream.wait_for(lambda line: line == "event: reload", 2)
        assert arrived, "no reload event within 2 s of the edit"
        print(f"reload event {arrived - edited:.3f} s after the edit")
        page = get(server.base, "/inspections/essex-south-2024/").text
        assert "Staffing has been a stubborn challenge" in page
        assert time.monotonic() - edited < 2
    finally:
        stream.close()


@pytest.mark.parametrize("path", [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/inspections/../../../etc/passwd",
    "/inspections/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%5c..%5cetc%5cpasswd",
    "/css/..%2f..%2f..%2fetc/passwd",
])
def test_paths_outside_the_preview_are_refused(server, path):
    status, body = raw_status(server.port, path)
    assert status in (400, 404), f"{path} -> {status}"
    assert b"root:" not in body


def test_symbolic_links_out_of_the_preview_are_not_followed(server):
    link = server.folder / "Preview" / "site" / "escape.txt"
    os.symlink("/etc/passwd", link)
    try:
        status, body = raw_status(server.port, "/escape.txt")
        assert status == 404 and b"root:" not in body
    finally:
        link.unlink()


def test_content_types_and_the_404_page(server):
    assert get(server.base, "/").headers["Content-Type"].startswith("text/html")
    assert get(server.base, "/css/site.css").headers["Content-Type"].startswith("text/css")
    assert get(server.base, "/favicon.svg").headers["Content-Type"].startswith("image/svg+xml")
    assert get(server.base, "/__livereload.js").headers["Content-Type"].startswith("text/javascript")
    missing = get(server.base, "/no/such/page.html")
    assert missing.status_code == 404
    assert "Page not found" in missing.text
    # Shown at any depth, the 404 page's links must still lead into the site.
    assert '<base href="/">' in missing.text


def test_binds_only_to_the_loopback_address(server):
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, port = local.split(":")
                if int(port, 16) == server.port and state == "0A":
                    listening.append(address)
    assert listening == ["0100007F"], listening


def test_a_content_error_shows_an_error_page_and_the_server_recovers(server):
    server.edit(server.essex, "score: 5", "score: five")
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            response = get(server.base, "/inspections/essex-south-2024/")
            if response.status_code == 500:
                break
            time.sleep(0.1)
        assert response.status_code == 500
        assert "essex-south-2024.md:9:8" in response.text
        assert "expected a whole number, found &#39;five&#39;" in response.text
        assert "/__livereload.js" in response.text
    finally:
        server.edit(server.essex, "score: five", "score: 5")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and get(server.base, "/inspections/essex-south-2024/").status_code != 200:
        time.sleep(0.1)
    assert get(server.base, "/inspections/essex-south-2024/").status_code == 200


def test_a_real_browser_reloads_after_an_edit(server):
    driver = make_driver()
    try:
        open_connected(driver, server.base + "/inspections/essex-south-2024/")
        driver.execute_script("window.__stale = true")
        server.edit(server.essex, 'title: "An inspection of probation services in Essex South PDU"',
                    'title: "An inspection of probation services in Essex South PDU (edited)"')
        wait_for_reload(driver)
        assert driver.find_element("tag name", "h1").text.endswith("(edited)")
    finally:
        driver.quit()


DRAFT = """---
title: "A draft inspection of Norfolk PDU"
type: pdu
pdu: "Norfolk"
region: east-of-england
framework: pdu-2023
draft: true
---
## Foreword

Not yet published.
"""


def test_drafts_are_previewed_with_a_banner_and_left_out_of_a_build():
    with preview() as server:
        inspections = server.folder / "Content" / "inspections"
        (inspections / "norfolk-draft.md").write_text(DRAFT, encoding="utf-8")
        (inspections / "norfolk-future.md").write_text(
            DRAFT.replace("draft: true", "published: 2999-01-01").replace("A draft", "A future"), encoding="utf-8")
        deadline = time.monotonic() + 5
        while get(server.base, "/inspections/norfolk-future/").status_code != 200:
            assert time.monotonic() < deadline, "the drafts were not previewed"
            time.sleep(0.1)
        for slug in ("norfolk-draft", "norfolk-future"):
            page = get(server.base, f"/inspections/{slug}/").text
            assert "Draft – not published" in page
        assert "norfolk-draft" in get(server.base, "/pdus/norfolk/").text

        output = server.folder / "Output"
        built = subprocess.run([str(BINARY), "build"], cwd=server.folder, capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
        everything = "".join(p.read_text(encoding="utf-8") for p in output.rglob("*.html"))
        assert not (output / "inspections" / "norfolk-draft").exists()
        assert not (output / "inspections" / "norfolk-future").exists()
        assert "norfolk-draft" not in everything and "norfolk-future" not in everything
        assert "__livereload" not in everything, "a published build must not load the live-reload script"

        with_drafts = subprocess.run([str(BINARY), "build", "--drafts"], cwd=server.folder, capture_output=True, text=True)
        assert with_drafts.returncode == 0, with_drafts.stderr
        assert "Draft – not published" in (output / "inspections" / "norfolk-draft" / "index.html").read_text(encoding="utf-8")


# A template's Swift file edited under `serve`: the binary is built again and the server restarts on
# it. The tests inject the build command (`--template-rebuild-command`), so that the suite need not
# compile the package twice: the restart is on the same binary, which shows it happens.
def wait_for_page(base, path, accept, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            response = requests.get(base + path, timeout=3)
            if accept(response):
                return response
        except requests.RequestException:
            pass  # restarting
        time.sleep(0.1)
    return None


def test_a_template_edit_rebuilds_restarts_and_reloads_the_browser():
    with preview(["--template-rebuild-command", "sleep 2"]) as server:
        driver = make_driver()
        try:
            open_connected(driver, server.base + "/index.html")
            driver.execute_script("window.__stale = true")
            pid = server.process.pid
            home = server.folder / "Templates" / "Pages" / "HomePage.swift"
            home.write_text(home.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")

            rebuilding = wait_for_page(server.base, "/index.html", lambda r: r.headers.get("X-Reportsite-Rebuilding") == "1", 5)
            assert rebuilding is not None, "no rebuilding page while the binary is built"
            assert rebuilding.status_code == 503 and "Rebuilding the templates" in rebuilding.text
            back = wait_for_page(server.base, "/index.html", lambda r: r.status_code == 200, 60)
            assert back is not None and "National overview" in back.text, "the server did not come back:\n" + "".join(server.output)
            assert server.process.poll() is None and server.process.pid == pid, "the restart must replace the process"

            # The open page reloaded by itself: to the rebuilding page, then to the site again.
            deadline = time.monotonic() + 30
            while driver.execute_script("return window.__stale === true") or "Rebuilding" in driver.title:
                assert time.monotonic() < deadline, f"the browser did not reload to the site (title {driver.title!r})"
                time.sleep(0.1)
            assert driver.find_element("tag name", "h1").text == "Probation inspection reports"
        finally:
            driver.quit()


def test_a_template_that_does_not_compile_shows_the_compiler_errors():
    error = "Templates/Pages/HomePage.swift:12:9: error: cannot find 'pagee' in scope"
    with preview(["--template-rebuild-command", f"echo \"{error}\" >&2; exit 1"]) as server:
        stream = EventStream(server.base)
        try:
            assert stream.wait_for(lambda line: line == ": connected", 10)
            home = server.folder / "Templates" / "Pages" / "HomePage.swift"
            home.write_text(home.read_text(encoding="utf-8") + "\n// broken\n", encoding="utf-8")
            assert stream.wait_for(lambda line: line.startswith("event: reload"), 10), "no reload after the template edit"
            page = wait_for_page(server.base, "/index.html", lambda r: r.status_code == 500, 10)
            assert page is not None, "no error page"
            assert "Templates/Pages/HomePage.swift:12:9" in page.text
            assert "cannot find &#39;pagee&#39; in scope" in page.text
            assert "/__livereload.js" in page.text
        finally:
            stream.close()


def test_a_failed_template_build_stays_on_every_page_after_a_content_save():
    error = "Templates/Pages/HomePage.swift:12:9: error: cannot find 'pagee' in scope"
    with preview(["--template-rebuild-command", f"echo \"{error}\" >&2; exit 1"]) as server:
        stream = EventStream(server.base)
        try:
            assert stream.wait_for(lambda line: line == ": connected", 10)
            home = server.folder / "Templates" / "Pages" / "HomePage.swift"
            home.write_text(home.read_text(encoding="utf-8") + "\n// broken\n", encoding="utf-8")
            assert wait_for_page(server.base, "/index.html", lambda r: r.status_code == 500, 10) is not None, "no error page"

            # A content save meanwhile: the old binary rebuilds the content behind the error page.
            built = sum("essex-south-2024.md] built" in line for line in server.output)
            server.edit(server.essex, "Staffing has been a long-standing challenge", "Staffing has been a stubborn challenge")
            deadline = time.monotonic() + 30
            while sum("essex-south-2024.md] built" in line for line in server.output) == built:
                assert time.monotonic() < deadline, "the content was not rebuilt:\n" + "".join(server.output)
                time.sleep(0.1)
            for path in ("/index.html", "/inspections/essex-south-2024/", "/regions/index.html"):
                page = get(server.base, path)
                assert page.status_code == 500, f"{path} answered {page.status_code} while the templates do not compile"
                assert "Templates/Pages/HomePage.swift:12:9" in page.text
        finally:
            stream.close()


def test_back_and_forward_through_ten_pages_never_stalls(server):
    """Chromium keeps pages in its back/forward cache; a page there that kept its live-reload
    connection held one of the six a browser opens to a host, and the seventh page waited for a
    minute. Every load here, forward, back and forward again, finishes in under 2 s, connected."""
    site = server.site
    paths = ["/index.html", "/regions/index.html", "/pdus/index.html", "/search/index.html", "/glossary/index.html"]
    paths += [f"/inspections/{page.parent.name}/index.html" for page in sorted((site / "inspections").glob("*/index.html"))[:5]]
    assert len(paths) == 10 and all((site / path[1:]).exists() for path in paths), paths
    driver = make_driver()
    driver.set_page_load_timeout(20)
    slow = []

    def timed(label, action, expected):
        started = time.monotonic()
        try:
            action()
            # Loaded, and its live-reload connection open again (a page shown from the cache reconnects).
            while driver.execute_script("return window.__reportsiteLiveReload && window.__reportsiteLiveReload.readyState") != 1:
                assert time.monotonic() - started < 20
                time.sleep(0.02)
            took = time.monotonic() - started
        except Exception as error:  # a load that never ends fails the test below, with the others
            took = float("inf")
            print(label, expected, error)
        assert driver.current_url.endswith(expected), (label, driver.current_url, expected)
        if took >= 2:
            slow.append((label, expected, round(took, 2)))

    try:
        for path in paths:
            timed("visit", lambda: driver.get(server.base + path), path)
        for path in reversed(paths[:-1]):
            timed("back", driver.back, path)
        for path in paths[1:]:
            timed("forward", driver.forward, path)
        restored = driver.execute_script("return performance.getEntriesByType('navigation')[0].type")
        print("last navigation:", restored)
    finally:
        driver.quit()
    assert slow == [], f"loads of 2 s or more: {slow}"


def test_a_page_shown_again_from_the_back_forward_cache_after_a_rebuild_reloads(server):
    """A page in the back/forward cache has closed its live-reload connection, so it misses a reload
    sent meanwhile; shown again, it sees that the server has sent one since, and reloads."""
    driver = make_driver()
    essex = "/inspections/essex-south-2024/"
    try:
        open_connected(driver, server.base + essex)
        driver.execute_script("window.__stale = true; sessionStorage.removeItem('restored');"
                              "window.addEventListener('pageshow', function (e) {"
                              " if (e.persisted) sessionStorage.setItem('restored', 'yes'); });")
        open_connected(driver, server.base + "/regions/index.html")
        server.edit(server.essex, "Staffing has been a long-standing challenge", "Staffing has been a lasting challenge")
        deadline = time.monotonic() + 30
        while "Staffing has been a lasting challenge" not in get(server.base, essex).text:
            assert time.monotonic() < deadline, "the edit was not built"
            time.sleep(0.1)
        driver.back()
        deadline = time.monotonic() + 5
        while driver.execute_script("return window.__stale === true") or "lasting challenge" not in driver.page_source:
            assert time.monotonic() < deadline, "the page shown again did not reload"
            time.sleep(0.05)
        assert driver.execute_script("return sessionStorage.getItem('restored')") == "yes", \
            "the page was not restored from the back/forward cache, so this shows nothing"
    finally:
        driver.quit()
        server.edit(server.essex, "Staffing has been a lasting challenge", "Staffing has been a long-standing challenge")


def test_saving_a_welsh_interface_string_or_translation_reloads_the_welsh_pages(server):
    """A save of the Welsh translation file, or of a report's Welsh version, reloads the preview,
    whose Welsh pages show it and whose English pages do not."""
    content = server.folder / "Content"
    texts = content / "i18n" / "cy.yml"
    translation = content / "inspections" / "dyfed-powys-2025.cy.md"
    for path, old, new, page in [
        (texts, "Neidio i’r prif gynnwys", "Neidio yn syth i’r cynnwys", "/cy/"),
        (translation, "Cyhoeddodd Arolygiaeth Prawf EF", "Cyhoeddodd Arolygiaeth Prawf EF (wedi’i olygu)",
         "/cy/inspections/dyfed-powys-2025/"),
    ]:
        stream = EventStream(server.base)
        try:
            assert stream.wait_for(lambda line: line == ": connected", 5)
            server.edit(path, old, new)
            assert stream.wait_for(lambda line: line == "event: reload", 5), f"no reload after saving {path.name}"
            assert new in get(server.base, page).text
            assert new not in get(server.base, page[3:]).text
        finally:
            stream.close()
