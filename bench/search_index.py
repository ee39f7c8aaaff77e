#!/usr/bin/env python3
"""Benchmark of the search index at scale: what it costs a build, and what a query downloads.

usage: python3 bench/search_index.py [N] [--runs R] [--dir DIR] [--keep]
       (N = 10000 by default; build the release binary first: swift build -c release --product reportsite)

Writes N synthetic reports with bench/gen_content.py (or reuses DIR/content-N when it has them) and, in
one run, side by side, alternating:
  - a full release build with the search index, and one without it (the hidden
    `build --without-search-index`, same binary), each into a new folder, R times each (3 by default);
    the medians of wall and CPU time, and the index's share of the build; then an incremental build
    of each after one report's text changed;
Like bench/run.py it deletes nothing while it times, and waits for earlier deletions to settle.
then, in the site built with the index:
  - the size of the index: the names file, the shards (count, total, largest) and the reports' texts;
  - what a query downloads, as search.js loads it: the names file, the shard of each of its words and
    the texts of the first ten results; for a common word, a rare word, a place, a PDU's name and a
    phrase of several words.
The numbers go to standard output as Markdown tables (the figures in the benchmarks document).
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

PROJECT = pathlib.Path(__file__).resolve().parents[1]
BINARY = pathlib.Path(os.environ.get("REPORTSITE_BINARY", PROJECT / ".build" / "release" / "reportsite"))
sys.path.insert(0, str(PROJECT / "bench"))
from run import DELETED, SETTLE_SECONDS, measure  # noqa: E402  (see bench/run.py)


def fnv1a(word):
    value = 0x811C9DC5
    for byte in word.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def words(text):
    """The query's words as search.js takes them (ASCII queries only here)."""
    out, seen = [], set()
    for word in "".join(c.lower() if c.isalnum() else " " for c in text).split():
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def load_script(path, prefix):
    text = path.read_text(encoding="utf-8")
    start = text.index(prefix) + len(prefix)
    return text[start:text.rindex(")")]


def query_download(site, names, query):
    """Bytes search.js loads for `query` beyond the page: names file, shards, the first ten texts."""
    index_bytes = (site / "search-index.js").stat().st_size
    shard_files = sorted({fnv1a(w) & (names["shards"] - 1) for w in words(query)})
    shard_bytes, scores = 0, None
    for number in shard_files:
        path = site / "search" / "s" / f"{number}.js"
        shard_bytes += path.stat().st_size
    for word in words(query):
        path = site / "search" / "s" / f"{fnv1a(word) & (names['shards'] - 1)}.js"
        body = load_script(path, ",")
        postings = json.loads(body).get(word, [])
        found, doc = {}, 0
        for i in range(0, len(postings), 2):
            doc += postings[i]
            if scores is None or doc in scores:
                found[doc] = (0 if scores is None else scores[doc]) + postings[i + 1]
        scores = found
    ranked = sorted((scores or {}).items(), key=lambda item: (-item[1], item[0]))
    slugs = []
    for i in range(0, len(names["reports"]), 2):
        slugs.append((slugs[-1] if slugs else "")[:names["reports"][i]] + names["reports"][i + 1])
    shown = [slugs[doc] for doc, _ in ranked[:10]]
    text_bytes = sum((site / "search" / "t" / f"{slug}.js").stat().st_size for slug in shown)
    return {"query": query, "reports": len(ranked), "shards": len(shard_files), "names": index_bytes,
            "shard_bytes": shard_bytes, "text_bytes": text_bytes, "total": index_bytes + shard_bytes + text_bytes}


def folder_size(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files), max((p.stat().st_size for p in files), default=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=os.environ.get("BENCH_DIR", "/tmp/reportsite-search-bench"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not BINARY.exists():
        sys.exit("build the release binary first: swift build -c release --product reportsite")
    root = pathlib.Path(args.dir)
    content = root / f"content-{args.n}"
    if not (content / "inspections").is_dir() or len(list((content / "inspections").glob("*.md"))) != args.n:
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, str(PROJECT / "bench" / "gen_content.py"), str(args.n), str(content)], check=True)

    # Nothing is deleted while anything is timed, and the runs wait until files deleted here or by
    # the other benchmarks settle (see SETTLE_SECONDS in bench/run.py).
    leftovers = [p for p in root.iterdir() if p.name.startswith(("out-", "cache-"))]
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    if leftovers:
        DELETED.touch()
    if DELETED.exists():
        wait = DELETED.stat().st_mtime + SETTLE_SECONDS - time.time()
        if wait > 0:
            print(f"(waiting {wait:.0f} s: files were deleted less than {SETTLE_SECONDS} s ago)", file=sys.stderr, flush=True)
            time.sleep(wait)

    times = {"with": [], "without": []}
    def build(kind, run):
        command = [str(BINARY), "build", "--content", str(content), "--templates", str(PROJECT / "Templates"),
                   "--output", str(root / f"out-{kind}-{run}"), "--cache", str(root / f"cache-{kind}-{run}")]
        return measure(command + (["--without-search-index"] if kind == "without" else []))

    for run in range(args.runs):
        for kind in ("with", "without"):
            m = build(kind, run)
            times[kind].append((m.wall, m.cpu, m.rss_mb))
            print(f"run {run + 1} {kind} the index: {m.wall:.2f} s wall, {m.cpu:.2f} s CPU", file=sys.stderr, flush=True)
    # An incremental build after one report's text changed, into the first run's folders.
    edited = sorted((content / "inspections").glob("*.md"))[0]
    original = edited.read_bytes()
    incremental = {}
    try:
        for kind in ("with", "without"):
            edited.write_bytes(original + f"\nAn edit for the {kind} build.\n".encode())
            time.sleep(2.1)  # a file changed within two seconds of a build is not trusted unchanged
            m = build(kind, 0)
            incremental[kind] = (m.wall, m.cpu)
            print(f"incremental {kind} the index: {m.wall:.2f} s wall, {m.cpu:.2f} s CPU", file=sys.stderr, flush=True)
    finally:
        edited.write_bytes(original)

    def median(kind, field):
        return statistics.median(t[field] for t in times[kind])

    site = root / "out-with-0"
    names_text = (site / "search-index.js").read_text(encoding="utf-8")
    names = json.loads(names_text[len("window.REPORTSITE_SEARCH = "):].rstrip().rstrip(";"))
    shard_count, shard_total, shard_largest = folder_size(site / "search" / "s")
    text_count, text_total, text_largest = folder_size(site / "search" / "t")
    names_bytes = (site / "search-index.js").stat().st_size

    print(f"### N = {args.n:,} synthetic reports\n")
    print("| build (release, full, into a new folder) | wall s (median of %d) | CPU s (median) | peak RSS MB |" % args.runs)
    print("|---|---:|---:|---:|")
    for kind in ("without", "with"):
        print(f"| {kind} the search index | {median(kind, 0):.2f} | {median(kind, 1):.2f} | {median(kind, 2):.0f} |")
    wall = median("with", 0) / median("without", 0) - 1
    cpu = median("with", 1) / median("without", 1) - 1
    for kind in ("without", "with"):
        print(f"| one report's text changed, incremental, {kind} the index | {incremental[kind][0]:.2f} | {incremental[kind][1]:.2f} | |")
    print(f"\nThe index adds {wall * 100:.1f} % to the wall time and {cpu * 100:.1f} % to the CPU time of a full build.\n")
    print("| part of the index | files | total | largest file |")
    print("|---|---:|---:|---:|")
    print(f"| names (`search-index.js`) | 1 | {names_bytes / 1024:.0f} KB | |")
    print(f"| shards (`search/s/`) | {shard_count:,} | {shard_total / 1048576:.1f} MB | {shard_largest / 1024:.0f} KB |")
    print(f"| reports' texts (`search/t/`) | {text_count:,} | {text_total / 1048576:.1f} MB | {text_largest / 1024:.0f} KB |")
    print()
    print("| query | reports found | shards loaded | downloaded: names + shards + 10 texts | total |")
    print("|---|---:|---:|---:|---:|")
    pdu = next(e["n"] for e in names["names"] if e["p"])
    place = next(e["p"][0] for e in names["names"] if e["p"])
    for query in ("probation", "safeguarding", place, pdu, "domestic abuse risk assessment", "zzzqqq"):
        q = query_download(site, names, query)
        print(f"| `{q['query']}` | {q['reports']:,} | {q['shards']} | {q['names'] / 1024:.0f} + {q['shard_bytes'] / 1024:.0f} + "
              f"{q['text_bytes'] / 1024:.0f} KB | {q['total'] / 1024:.0f} KB |")
    if not args.keep:
        for path in root.glob("out-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in root.glob("cache-*"):
            shutil.rmtree(path, ignore_errors=True)
        DELETED.touch()


if __name__ == "__main__":
    main()
