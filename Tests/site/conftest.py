"""Shared fixtures: the real site built once, a static server, and headless Chromium.

The site is built by the project's own binary (`.build/debug/reportsite`, made by
`swift build --build-tests` in scripts/test.sh) from the real Content/ into a temporary folder.
"""
import contextlib
import functools
import http.server
import pathlib
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "Tests" / "artifacts"


@pytest.fixture(scope="session")
def site():
    binary = ROOT / ".build" / "debug" / "reportsite"
    assert binary.exists(), "build first: swift build --build-tests"
    out = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-site-")) / "Output"
    subprocess.run([str(binary), "build", "--content", str(ROOT / "Content"),
                    "--templates", str(ROOT / "Templates"), "--output", str(out)],
                   check=True, capture_output=True)
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """`folder` over http://127.0.0.1 on a free port, for a fixture to `yield from`: its address,
    then the server stopped."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """The built site over http://127.0.0.1 on a free port (file:// gives no transfer sizes)."""
    yield from serve(site)


def make_driver(width=1280, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--force-device-scale-factor=1", "--hide-scrollbars"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager never runs (it would try the network).
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_javascript():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# Three reports of one region: a site small enough to build with PDFs, or again and again, in a test.
SMALL_SITE_REPORTS = ("essex-south-2024", "essex-north-2024", "bedfordshire-2024")


def small_content(folder):
    """A copy of the real content under `folder` with only `SMALL_SITE_REPORTS`; returns its path."""
    import shutil
    content = folder / "Content"
    shutil.copytree(ROOT / "Content", content)
    for report in (content / "inspections").glob("*.md"):
        if report.stem not in SMALL_SITE_REPORTS:
            report.unlink()
    return content
