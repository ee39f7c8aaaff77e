#!/usr/bin/env python3
"""Time from saving a one-line markup change in a template's Swift file to the browser showing it.

usage: python3 bench/template_loop.py [EDITS]      (default 3 edits, then the file put back)

Runs `.build/debug/reportsite serve` from the package root, so that the preview watches the
package's own Templates/ and, when a template's Swift file changes, builds the binary again
(`swift build --product reportsite`) and restarts on it. Opens the home page in headless Chromium
and, EDITS times, adds an attribute to the lead paragraph in Templates/Pages/HomePage.swift
(`<p class="lead" data-edit="N">`), timing from the write to the moment the open page's DOM has it;
then puts the file back and times that too. Prints each loop with the compile's share (from the
server's log lines), and the median. The template file is restored whatever happens; build the
binary first (swift build --product reportsite), or the first loop also pays for that.
"""
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PROJECT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "Tests" / "site"))
from conftest import make_driver  # noqa: E402

TEMPLATE = PROJECT / "Templates" / "Pages" / "HomePage.swift"
ORIGINAL_LINE = '<p class="lead">Ratings from'


def main():
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    original = TEMPLATE.read_text(encoding="utf-8")
    assert original.count(ORIGINAL_LINE) == 1, f"{TEMPLATE} no longer has one {ORIGINAL_LINE!r}"
    binary = PROJECT / ".build" / "debug" / "reportsite"
    subprocess.run(["swift", "build", "--product", "reportsite"], cwd=PROJECT, check=True, capture_output=True)
    preview = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-template-loop-")) / "site"
    process = subprocess.Popen([str(binary), "serve", "--port", "0", "--preview-output", str(preview)],
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []  # (monotonic time, line)
    started = threading.Event()
    port = []

    def drain():
        for line in process.stdout:
            lines.append((time.monotonic(), line.rstrip("\n")))
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match and not port:
                port.append(int(match.group(1)))
                started.set()

    threading.Thread(target=drain, daemon=True).start()
    driver = None
    results = []
    try:
        assert started.wait(120), "the server did not start:\n" + "\n".join(line for _, line in lines)
        driver = make_driver()
        driver.get(f"http://127.0.0.1:{port[0]}/")
        for index in range(1, edits + 2):
            restoring = index == edits + 1
            wanted = None if restoring else str(index)
            text = original if restoring else original.replace(ORIGINAL_LINE, f'<p class="lead" data-edit="{index}">Ratings from')
            seen = len(lines)
            saved = time.monotonic()
            TEMPLATE.write_text(text, encoding="utf-8")
            deadline = saved + 600
            while time.monotonic() < deadline:
                try:
                    value = driver.execute_script(
                        "var p = document.querySelector('p.lead'); return p ? (p.dataset.edit || '') : null;")
                except Exception:  # the page is between loads
                    value = None
                if value is not None and value == (wanted or ""):
                    break
                time.sleep(0.05)
            shown = time.monotonic()
            assert shown < deadline, "the change never reached the browser"
            log = lines[seen:]
            built = next((at for at, line in log if "[templates] built" in line), None)
            compile_seconds = built - saved if built else float("nan")
            results.append(shown - saved)
            label = "put back" if restoring else f"edit {index}"
            print(f"{label}: {shown - saved:5.1f} s from save to browser "
                  f"(save to binary built {compile_seconds:4.1f} s, restart and reload {shown - (built or shown):4.1f} s)")
    finally:
        if TEMPLATE.read_text(encoding="utf-8") != original:
            TEMPLATE.write_text(original, encoding="utf-8")
        if driver:
            driver.quit()
        process.terminate()
        process.wait(timeout=10)
    print(f"median {statistics.median(results):.1f} s, min {min(results):.1f} s, max {max(results):.1f} s over {len(results)} loops")


if __name__ == "__main__":
    main()
