#!/usr/bin/env python3
"""Time from saving a content file to the preview's reload event, on the real content.

usage: python3 bench/reload_latency.py [EDITS]   (default 20)
       REPORTSITE_BINARY=.build/release/reportsite python3 bench/reload_latency.py

Starts `reportsite serve` on a scratch copy of Content/ and Templates/, listens to /__livereload,
appends a character to the Essex South report EDITS times (one at a time, waiting for each reload),
and prints the median, minimum and maximum latency in milliseconds.
"""
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "site"))
from serve_support import EventStream, preview  # noqa: E402


def main(edits):
    latencies = []
    with preview() as server:
        stream = EventStream(server.base)
        assert stream.wait_for(lambda line: line == ": connected", 10)
        for index in range(edits):
            time.sleep(0.3)  # let the poller settle so each edit is measured on its own
            with server.essex.open("a", encoding="utf-8") as report:
                report.write(f"\n<!-- edit {index} -->\n")
            saved = time.monotonic()
            arrived = stream.wait_for(lambda line: line == "event: reload", 10)
            if arrived is None:
                raise SystemExit(f"edit {index}: no reload event within 10 s")
            latencies.append((arrived - saved) * 1000)
        stream.close()
    print(f"edits: {edits}  reload latency ms: median {statistics.median(latencies):.0f}  "
          f"min {min(latencies):.0f}  max {max(latencies):.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
