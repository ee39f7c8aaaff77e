#!/usr/bin/env python3
"""Time from saving a content file to the preview's reload event.

usage: python3 bench/reload_latency.py [EDITS] [--reports N] [--front-matter]
       (default 20 edits of a report's text, the real content)
       REPORTSITE_BINARY=.build/release/reportsite python3 bench/reload_latency.py

Starts `reportsite serve` on a scratch copy of Content/ and Templates/ (or, with --reports N, of N
synthetic reports made by bench/gen_content.py), listens to /__livereload, appends a line to one
report (Essex South, or the middle synthetic one) EDITS times, one at a time, waiting for each
reload, and prints the median, minimum and maximum latency in milliseconds. With --front-matter each
edit changes the report's title instead, which its PDU, region and the national pages show.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROJECT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "Tests" / "site"))
import serve_support  # noqa: E402
from serve_support import EventStream, preview  # noqa: E402


def synthetic_root(reports, folder):
    """A folder that looks like the project's root to serve_support: synthetic Content/, real Templates/."""
    subprocess.run([sys.executable, str(PROJECT / "bench" / "gen_content.py"), str(reports), str(folder / "Content")],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(PROJECT / "Templates", folder / "Templates")
    return folder


def retitled(text, index):
    """The report with ' (edit N)' at the end of its title."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.startswith('title: "') and line.endswith('"'):
            lines[number] = f'{line[:-1]} (edit {index})"'
            return "\n".join(lines)
    raise SystemExit("the report has no one-line quoted title to edit")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edits", nargs="?", type=int, default=20)
    parser.add_argument("--reports", type=int, help="serve N synthetic reports instead of the real content")
    parser.add_argument("--front-matter", action="store_true", help="edit the report's title, not its text")
    args = parser.parse_args()
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-reload-")) if args.reports else None
    if scratch:
        serve_support.ROOT = synthetic_root(args.reports, scratch)
    latencies = []
    try:
        # The first build of a large site takes a while before the server listens.
        with preview() as server:
            stream = EventStream(server.base)
            assert stream.wait_for(lambda line: line == ": connected", 120)
            reports = sorted((server.folder / "Content" / "inspections").glob("*.md"))
            report = reports[len(reports) // 2] if scratch else server.essex
            original = report.read_text(encoding="utf-8")
            for index in range(args.edits):
                time.sleep(0.3)  # let the watcher settle so each edit is measured on its own
                if args.front_matter:
                    report.write_text(retitled(original, index), encoding="utf-8")
                else:
                    with report.open("a", encoding="utf-8") as handle:
                        handle.write(f"\n<!-- edit {index} -->\n")
                saved = time.monotonic()
                arrived = stream.wait_for(lambda line: line == "event: reload", 30)
                if arrived is None:
                    raise SystemExit(f"edit {index}: no reload event within 30 s")
                latencies.append((arrived - saved) * 1000)
            stream.close()
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    content = f"{args.reports} synthetic reports" if scratch else "the real content"
    kind = "title" if args.front_matter else "text"
    print(f"{content}: {kind} edits: {args.edits}  reload latency ms: median {statistics.median(latencies):.0f}  "
          f"min {min(latencies):.0f}  max {max(latencies):.0f}")


if __name__ == "__main__":
    main()
