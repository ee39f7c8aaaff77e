"""Starting `reportsite serve` on a copy of the real content, and reading its event stream."""
import contextlib
import os
import pathlib
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
# REPORTSITE_BINARY picks another build (e.g. .build/release/reportsite for benchmarks).
BINARY = pathlib.Path(os.environ.get("REPORTSITE_BINARY", ROOT / ".build" / "debug" / "reportsite")).resolve()


class Preview:
    def __init__(self, folder, process, port, site, output):
        self.folder = folder
        self.process = process
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        # The folder the preview is built in, as the server printed it.
        self.site = pathlib.Path(site)
        # Every line the server has printed so far (kept by the thread that drains its output).
        self.output = output

    @property
    def essex(self):
        return self.folder / "Content" / "inspections" / "essex-south-2024.md"

    def edit(self, path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@contextlib.contextmanager
def preview(extra_args=(), own_folder=True, command_prefix=(), content=None, wait_for_start=True):
    """A preview server on a free port over a scratch copy of Content/ and Templates/.

    own_folder=False leaves the preview folder to the server (a temporary folder of its own);
    command_prefix runs the server through another command (a shell that lowers a limit, say);
    content names another content folder to copy; wait_for_start=False yields as soon as the process
    runs (port and site unknown), to stop it during its first build."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-serve-"))
    shutil.copytree(content or ROOT / "Content", folder / "Content")
    shutil.copytree(ROOT / "Templates", folder / "Templates")
    folder_args = ["--preview-output", str(folder / "Preview" / "site")] if own_folder else []
    process = subprocess.Popen([*command_prefix, str(BINARY), "serve", "--port", "0", *folder_args, *extra_args],
                               cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port = None
    site = None
    deadline = time.monotonic() + 120
    lines = []
    while wait_for_start and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/ \(preview build in (.+)\);", line)
        if match:
            port = int(match.group(1))
            site = match.group(2)
            break
    assert port or not wait_for_start, "server did not start:\n" + "".join(lines)
    # Keep draining its output so that it never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.append(line) for line in process.stdout], daemon=True).start()
    try:
        yield Preview(folder, process, port, site or "", lines)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


class EventStream:
    """Reads /__livereload in a daemon thread; the test owns every deadline through the queue."""

    def __init__(self, base):
        self.lines = queue.Queue()
        self.response = requests.get(f"{base}/__livereload", stream=True, timeout=(3, 120))
        self.headers = self.response.headers
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            # chunk_size=1: the default of 512 bytes would wait for many events before yielding one.
            for line in self.response.iter_lines(chunk_size=1, decode_unicode=True):
                self.lines.put((time.monotonic(), line))
        except Exception as error:  # the server went away: the test sees no more lines
            self.lines.put((time.monotonic(), f"!closed {error}"))

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                at, line = self.lines.get(timeout=remaining)
            except queue.Empty:
                return None
            if predicate(line):
                return at

    def close(self):
        self.response.close()


def open_connected(driver, url, timeout=10):
    """Loads `url` in `driver` and waits until the page's live-reload script has connected."""
    driver.get(url)
    deadline = time.monotonic() + timeout
    while driver.execute_script("return window.__reportsiteLiveReload && window.__reportsiteLiveReload.readyState") != 1:
        assert time.monotonic() < deadline, "the page did not connect to the event stream"
        time.sleep(0.05)


def wait_for_reload(driver, timeout=5):
    """Marks the page, then waits until a reload has replaced it."""
    deadline = time.monotonic() + timeout
    while driver.execute_script("return window.__stale === true"):
        assert time.monotonic() < deadline, "the page did not reload"
        time.sleep(0.05)
