#!/usr/bin/env python3
"""Benchmark of the search index at scale: what it costs a build, and what a query downloads.

usage: python3 bench/search_index.py [N] [--runs R] [--dir DIR] [--keep]
       (N = 10000 by default; build the release binary first: swift build -c release --product reportsite)
       python3 bench/search_index.py --site OUTPUT
       (what the queries download in a site already built, with no build and no timing)

Writes N synthetic reports with bench/gen_content.py (or reuses DIR/content-N when it has them) and, in
one run, side by side, alternating:
  - a full release build with the search index, and one without it (the hidden
    `build --without-search-index`, same binary), each into a new folder, R times each (3 by default);
    the medians of wall and CPU time, and the index's share of the build; then an incremental build
    of each after one report's text changed;
Like bench/run.py it deletes nothing while it times, and waits for earlier deletions to settle.
then, in the site built with the index:
  - the size of the index: the names file, the shards (count, total, largest) and the reports' texts;
  - what a query downloads, as search.js loads it: the names file, the shard of each of its words,
    the files of a split word's rest that ranking the first ten results needs, the lists of report
    names of those results and their texts; for two common words, a place, a PDU's name, a phrase
    of four common words, a place with three of them, and a word in no report.
The numbers go to standard output as Markdown tables (the figures in the benchmarks document).
"""
import argparse
import base64
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


def call_arguments(path):
    """The arguments of the one call a part of the index is (`window.__reportsiteShard(n, {...});`)."""
    text = path.read_text(encoding="utf-8")
    return json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]")


def decode(pairs, start):
    scores, report = {}, start
    for i in range(0, len(pairs), 2):
        report += pairs[i]
        scores[report] = pairs[i + 1]
    return scores


class Query:
    """What search.js loads for a query, done as it does it (see reportMatches there): the names
    file, the shard of each word, the files of a split word's rest that the ranking of the first ten
    results needs, the lists of report names of those results, and their texts."""

    def __init__(self, site, names):
        self.site, self.names, self.loaded = site, names, {}
        self.shards, self.rests = {}, {}

    def load(self, relative, call=True):
        """Counts the file's bytes once, and gives its call's arguments the first time."""
        if relative not in self.loaded:
            self.loaded[relative] = (self.site / relative).stat().st_size
            return call_arguments(self.site / relative) if call else None
        return None

    def postings(self, word):
        number = fnv1a(word) & (self.names["shards"] - 1)
        entry = self.shards[number].get(word, [])
        if isinstance(entry, list):
            scores = decode(entry, 0)
            return {"n": len(scores), "members": sorted(scores), "score": scores.get, "bound": None, "file": None}
        best = decode(entry["p"], 0)
        if isinstance(entry["m"], str):
            bits = base64.b64decode(entry["m"])
            members = [b * 8 + i for b, byte in enumerate(bits) for i in range(8) if byte >> i & 1]
        else:
            members, report = set(best), 0
            for step in entry["m"]:
                report += step
                members.add(report)
        per = self.names["perList"]
        file = lambda r: f"search/p/{number}-{entry['k']}-{r // per}.js"
        def score(r):
            if r in best:
                return best[r]
            return self.rests.get(file(r), {}).get(r)
        return {"n": entry["n"], "members": sorted(members), "score": score, "file": file,
                "bound": lambda r: entry["t"][0] - 1 if r < entry["t"][1] else entry["t"][0]}

    def matches(self, ws, needed):
        every = [self.postings(w) for w in ws]
        driver = min(every, key=lambda p: p["n"])
        member_sets = [set(p["members"]) for p in every]
        known, open_ = [], []
        for report in driver["members"]:
            if not all(report in m for m in member_sets):
                continue
            total, files = 0, []
            for p in every:
                score = p["score"](report)
                if score is None:
                    total += p["bound"](report)
                    files.append(p["file"](report))
                else:
                    total += score
            (open_ if files else known).append((-total, report, files))
        known.sort()
        count = len(known) + len(open_)
        ranked = known
        if open_:
            best = min(open_)
            ranked = [r for r in known if r[:2] < best[:2]]
        missing = []
        if len(ranked) < min(needed, count):
            for _, _, files in sorted(open_)[:max(1, needed - len(ranked))]:
                missing += [f for f in files if f not in missing]
        return count, [r[1] for r in ranked], missing

    def run(self, query, shown=10):
        self.load("search-index.js", call=False)
        ws = words(query)
        for w in ws:
            number = fnv1a(w) & (self.names["shards"] - 1)
            arguments = self.load(f"search/s/{number}.js")
            if arguments:
                self.shards[number] = arguments[1]
        count, ranked = 0, []
        while ws:
            count, ranked, missing = self.matches(ws, shown)
            if not missing:
                break
            for path in missing:
                shard, k, number, pairs = self.load(path)
                self.rests[path] = decode(pairs, number * self.names["perList"])
        slugs = []
        for report in ranked[:shown]:
            number = report // self.names["perList"]
            self.load(f"search/r/{number}.js", call=False)
            coded, names = call_arguments(self.site / f"search/r/{number}.js")[1], []
            for i in range(0, len(coded), 2):
                names.append((names[-1] if names else "")[:coded[i]] + coded[i + 1])
            slugs.append(names[report % self.names["perList"]])
        for slug in slugs:
            self.load(f"search/t/{slug}.js", call=False)
        part = lambda prefix: sum(size for path, size in self.loaded.items() if path.startswith(prefix))
        return {"query": query, "reports": count, "shards": len(self.shards), "names": part("search-index.js"),
                "shard_bytes": part("search/s/"), "rests": len([p for p in self.loaded if p.startswith("search/p/")]),
                "rest_bytes": part("search/p/"), "list_bytes": part("search/r/"), "text_bytes": part("search/t/"),
                "split_entry_bytes": self.split_entries(ws), "total": sum(self.loaded.values())}

    def split_entries(self, ws):
        """The bytes of the split words' entries in the shards loaded (see the benchmarks document)."""
        total = 0
        for shard in self.shards.values():
            for word, entry in shard.items():
                if isinstance(entry, dict):
                    total += len(json.dumps({word: entry}, separators=(",", ":"))) - 2
        return total


def query_download(site, names, query):
    return Query(site, names).run(query)


def query_table(site):
    names_text = (site / "search-index.js").read_text(encoding="utf-8")
    names = json.loads(names_text[len("window.REPORTSITE_SEARCH = "):].rstrip().rstrip(";"))
    print("| query | reports found | shards | rest files | downloaded: names + shards + rests + lists + texts | total |"
          " split words' entries in the shards |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    pdu = next(e["n"] for e in names["names"] if e["p"])
    place = next(e["p"][0] for e in names["names"] if e["p"])
    for query in ("probation", "safeguarding", place, pdu, "domestic abuse risk assessment", f"{place} domestic abuse risk",
                  "zzzqqq"):
        q = query_download(site, names, query)
        kb = lambda n: f"{n / 1024:.0f}"
        print(f"| `{q['query']}` | {q['reports']:,} | {q['shards']} | {q['rests']} | {kb(q['names'])} + {kb(q['shard_bytes'])} + "
              f"{kb(q['rest_bytes'])} + {kb(q['list_bytes'])} + {kb(q['text_bytes'])} KB | {kb(q['total'])} KB | "
              f"{kb(q['split_entry_bytes'])} KB |")


def folder_size(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files), max((p.stat().st_size for p in files), default=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=os.environ.get("BENCH_DIR", "/tmp/reportsite-search-bench"))
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--site", help="measure what queries download in this built site, and build nothing")
    args = parser.parse_args()
    if args.site:
        query_table(pathlib.Path(args.site))
        return
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
    if (site / "search" / "p").is_dir():
        rest_count, rest_total, rest_largest = folder_size(site / "search" / "p")
        print(f"| split words' rests (`search/p/`) | {rest_count:,} | {rest_total / 1048576:.1f} MB | {rest_largest / 1024:.0f} KB |")
    print(f"| reports' texts (`search/t/`) | {text_count:,} | {text_total / 1048576:.1f} MB | {text_largest / 1024:.0f} KB |")
    print()
    query_table(site)
    if not args.keep:
        for path in root.glob("out-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in root.glob("cache-*"):
            shutil.rmtree(path, ignore_errors=True)
        DELETED.touch()


if __name__ == "__main__":
    main()
