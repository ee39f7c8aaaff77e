#!/usr/bin/env python3
"""Time from saving a content file to the preview's reload event.

usage: python3 bench/reload_latency.py [EDITS] [--reports N]
       (default 20 edits of each kind, the real content)
       REPORTSITE_BINARY=.build/release/reportsite python3 bench/reload_latency.py

Starts `reportsite serve` on a scratch copy of Content/ and Templates/ (or, with --reports N, of N
synthetic reports made by bench/gen_content.py), listens to /__livereload, and edits one report
(Essex South, or the middle synthetic one) EDITS times one way, then EDITS times the other, one edit
at a time, waiting for each reload: first appending a line to its text, then changing its title
(which its PDU and region pages, the feed, open data and the search index show). Prints the median,
minimum and maximum latency in milliseconds of each kind.

Like bench/run.py, it waits until no files were deleted here for six minutes (it deletes its
scratch folder last, and notes when): on this disk, making files soon after deleting many is slow.
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


# When this script or bench/run.py last deleted many files (see SETTLE_SECONDS in bench/run.py).
DELETED = pathlib.Path(tempfile.gettempdir()) / "reportsite-bench.deleted"
SETTLE_SECONDS = 370


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edits", nargs="?", type=int, default=20)
    parser.add_argument("--reports", type=int, help="serve N synthetic reports instead of the real content")
    args = parser.parse_args()
    wait = DELETED.stat().st_mtime + SETTLE_SECONDS - time.time() if DELETED.exists() else 0
    if wait > 0:
        print(f"(waiting {wait:.0f} s: files were deleted here less than {SETTLE_SECONDS} s ago)", flush=True)
        time.sleep(wait)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-reload-")) if args.reports else None
    if scratch:
        serve_support.ROOT = synthetic_root(args.reports, scratch)
    latencies = {"text": [], "title": []}
    try:
        # The first build of a large site takes a while before the server listens.
        with preview() as server:
            stream = EventStream(server.base)
            assert stream.wait_for(lambda line: line == ": connected", 120)
            reports = sorted((server.folder / "Content" / "inspections").glob("*.md"))
            report = reports[len(reports) // 2] if scratch else server.essex
            original = report.read_text(encoding="utf-8")
            for kind in latencies:
                for index in range(args.edits):
                    time.sleep(0.3)  # let the watcher settle so each edit is measured on its own
                    if kind == "title":
                        report.write_text(retitled(original, index), encoding="utf-8")
                    else:
                        with report.open("a", encoding="utf-8") as handle:
                            handle.write(f"\n<!-- edit {index} -->\n")
                    saved = time.monotonic()
                    arrived = stream.wait_for(lambda line: line == "event: reload", 30)
                    if arrived is None:
                        raise SystemExit(f"{kind} edit {index}: no reload event within 30 s")
                    latencies[kind].append((arrived - saved) * 1000)
                report.write_text(original, encoding="utf-8")
                stream.wait_for(lambda line: line == "event: reload", 30)
            stream.close()
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
        DELETED.touch()
    content = f"{args.reports} synthetic reports" if scratch else "the real content"
    for kind, values in latencies.items():
        print(f"{content}: {kind} edits: {args.edits}  reload latency ms: median {statistics.median(values):.0f}  "
              f"min {min(values):.0f}  max {max(values):.0f}")


if __name__ == "__main__":
    main()
