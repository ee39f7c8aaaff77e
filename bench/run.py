#!/usr/bin/env python3
"""Benchmark: reportsite against the cmark-gfm floor and Hugo, on the same synthetic reports.

usage: bash bench/run.sh [N ...]            (default: 1000 10000; builds the release binary first)
       python3 bench/run.py [N ...] [--runs R] [--dir DIR] [--skip-hugo] [--skip-pagefind] [--skip-incremental]
                            [--skip-languages] [--keep] [--baseline BINARY]

For each N it writes N reports of about 25 KB with bench/gen_content.py and times, in one run:
  - reportsite: a full release build into a new folder (each run its own, as for the others);
  - reportsite with its report pages and print versions cut down to the title and the body (the
    hidden `build --bare-report-pages`, same binary): what a build costs without the report pages'
    template work, the floor for any template code;
  - the cmark-gfm floor: the cmark-gfm program (Debian's) converting the same report bodies with the
    options reportsite uses, one process per core, each given its share of the files;
  - Hugo (Debian's): an equivalent site (bench/hugo: one page per report, one per region, one index
    table) from the same files; and like for like, the same with a print page per report as a second
    output format (bench/hugo/print.yaml), as reportsite makes a print version of each report; and
    the same site with Pagefind's full-text index over its report and region pages (PyPI's
    `pagefind[bin]`, run as `python3 -m pagefind_bin` after Hugo), as reportsite makes its own index:
    the same site, pages, print versions and search;
  - reportsite's incremental builds: nothing changed, one report's text changed, one report's front
    matter changed;
  - reportsite on the same reports with every page in English and Welsh (`languages: [en, cy]`),
    against the one-language build.
With --baseline, another reportsite binary (an earlier commit's release build, say) is timed in the
same run on the same content, full and incremental builds alike, and the table gives both side by side.
Each is the median of R runs (wall time; the CPU time and peak memory are those of that run), measured
with wait4 on the child process, after syncing what earlier runs wrote. Nothing is deleted until the
end (see SETTLE_SECONDS); --keep keeps the content and outputs. It prints the machine, a table per N
and the ratios to the targets.
"""
import argparse
import os
import pathlib
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROJECT = pathlib.Path(__file__).resolve().parents[1]
BINARY = PROJECT / ".build" / "release" / "reportsite"
CMARK_OPTIONS = ["--unsafe", "--smart", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                 "-e", "tasklist"]


class Measure:
    """Wall, CPU and peak memory of one child process (and of the children it waited for)."""

    def __init__(self, wall, cpu, rss_mb, output):
        self.wall, self.cpu, self.rss_mb, self.output = wall, cpu, rss_mb, output


def measure(command, cwd=PROJECT):
    # What earlier runs wrote goes to disk first, so that no run pays for another's write-back.
    os.sync()
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"failed ({child.returncode}): {' '.join(map(str, command))}\n{output[-2000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def median_of(runs, make):
    """Runs `make(i)` (which returns a Measure) `runs` times; the run with the median wall time, and all walls."""
    results = [make(index) for index in range(runs)]
    ordered = sorted(results, key=lambda m: m.wall)
    return ordered[len(ordered) // 2], [m.wall for m in results]


def machine():
    model = "unknown CPU"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    cmark = subprocess.run(["cmark-gfm", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    pagefind = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"Machine: {model}, {os.cpu_count()} cores, {memory} memory, {platform.system()} {platform.release()}\n"
            f"cmark-gfm: {cmark}\nhugo: {hugo}\npagefind: {pagefind or 'not installed'}")


def prepare(count, scratch):
    """Content (in English, as Hugo's site is), bodies and a Hugo site for `count` reports; returns their folders."""
    content = scratch / f"content-{count}"
    subprocess.run([sys.executable, str(PROJECT / "bench" / "gen_content.py"), str(count), str(content)], check=True)
    reports = sorted((content / "inspections").glob("*.md"))
    bodies = scratch / f"bodies-{count}"
    bodies.mkdir()
    hugo = scratch / f"hugo-{count}"
    shutil.copytree(PROJECT / "bench" / "hugo", hugo)
    (hugo / "content" / "reports").mkdir(parents=True)
    total = 0
    for report in reports:
        text = report.read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        # The body is what follows the second line that is exactly '---'.
        body = text.split("\n---\n", 1)[1]
        (bodies / report.name).write_text(body, encoding="utf-8")
        shutil.copy(report, hugo / "content" / "reports" / report.name)
    return content, bodies, hugo, total, len(reports)


def without_translated_names(content, folder):
    """A copy of `content` without the fields that give a name in another language (`name_cy`,
    `title_cy`, `text_cy`; a place's `name_cy`, which came first, stays), for an earlier binary."""
    shutil.copytree(content, folder)
    for path in list((folder / "frameworks").glob("*.yml")) + list((folder / "regions").glob("*.md")) + [folder / "site.yml"]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r', (name|title)_cy: "[^"]*"', "", text)
        text = re.sub(r',\n\s*text_cy: "[^"]*" \}', " }", text)
        # In a region, a place's `name_cy` (eight spaces in) stays; every other goes.
        indent = r"\s*" if path.parent.name == "frameworks" else r"(    )?"
        text = re.sub(r'(?m)^' + indent + r'(name|title|description|licence)_cy: .*\n', "", text)
        path.write_text(text, encoding="utf-8")
    return folder


def cmark_command(bodies, groups, out):
    """One shell that starts a cmark-gfm per group of files, in parallel, and waits for them all."""
    files = sorted(str(path) for path in bodies.glob("*.md"))
    size = -(-len(files) // groups)
    out.mkdir(exist_ok=True)
    script = []
    for index in range(groups):
        listing = out / f"list-{index}.txt"
        listing.write_text("\n".join(files[index * size:(index + 1) * size]) + "\n")
        options = " ".join(CMARK_OPTIONS)
        script.append(f"xargs -a {listing} cmark-gfm {options} > {out}/part-{index}.html &")
    script.append("wait")
    return ["sh", "-c", "\n".join(script)]


# ext4 without a journal (as on this machine) skips, when it makes a file, every inode deleted in the
# last 60 s, or 360 s while the deletion is not yet written out, looking each one up: a build made just
# after many files were deleted spends much of its time there. Nothing is deleted while anything is
# timed, and a run that follows deletions waits this long first.
SETTLE_SECONDS = 370
# Touched after each mass deletion, by this script and by bench/reload_latency.py, so that either
# waits after the other's.
DELETED = pathlib.Path(tempfile.gettempdir()) / "reportsite-bench.deleted"


# The pages Pagefind indexes in the Hugo site: each report's page and each region's, as reportsite's
# index holds the reports and names the regions; not the print pages, which repeat the reports.
PAGEFIND_GLOB = "{reports/*/index.html,region/*/index.html}"


def pagefind_ok(args):
    """Whether the Pagefind row runs: asked for, and `python3 -m pagefind_bin` there (pip install 'pagefind[bin]')."""
    if args.skip_pagefind:
        return False
    found = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"], capture_output=True, text=True)
    if found.returncode != 0:
        print("(Pagefind row left out: pip install 'pagefind[bin]' to run it)", flush=True)
        return False
    return True


def prepare_scratch(folder):
    """Empties `folder`; returns when files were last deleted there (None if never), to wait after."""
    previous = folder / "results.md"
    settle_from = previous.stat().st_mtime if previous.exists() else None
    if folder.exists():
        if any(path.name != "results.md" for path in folder.iterdir()):
            settle_from = time.time()
        fresh(folder)
    folder.mkdir(parents=True)
    return settle_from


def fresh(folder):
    if folder.exists():
        shutil.rmtree(folder)


def table(rows):
    lines = ["| job | wall s (median) | min–max s | CPU s | peak RSS MB |", "|---|---:|---:|---:|---:|"]
    for name, (m, walls) in rows:
        lines.append(f"| {name} | {m.wall:.2f} | {min(walls):.2f}–{max(walls):.2f} | {m.cpu:.2f} | {m.rss_mb:.0f} |")
    return "\n".join(lines)


def verdict(ok):
    return "PASS" if ok else "FAIL"


def incremental_rows(binary, content, out, count, runs, name):
    """Rebuilds of the output `out` that a full build of `content` by `binary` left: nothing changed,
    one report's text changed, one report's front matter changed."""
    report_file = sorted((content / "inspections").glob("*.md"))[count // 2]
    build = [str(binary), "build", "--content", str(content), "--output", str(out)]
    # A settled build first, so that the files just written are older than the stamps.
    time.sleep(2.1)
    measure(build)

    def no_change(_):
        return measure(build)

    def text_edit(index):
        with report_file.open("a", encoding="utf-8") as handle:
            handle.write(f"\nA paragraph added by the benchmark ({name} {index}).\n")
        return measure(build)

    def front_matter_edit(index):
        text = report_file.read_text(encoding="utf-8")
        report_file.write_text(text.replace('summary: "', f'summary: "Edited {name} {index}. ', 1), encoding="utf-8")
        return measure(build)

    return [(f"{name}, nothing changed", median_of(runs, no_change)),
            (f"{name}, one report's text changed", median_of(runs, text_edit)),
            (f"{name}, one report's front matter changed", median_of(runs, front_matter_edit))]


def bench(count, args, scratch, report):
    content, bodies, hugo, total, reports = prepare(count, scratch)
    report(f"\n## N = {count}: {reports} reports, {total / 1e6:.1f} MB of Markdown, {total / reports / 1000:.1f} KB each\n")
    # Every timed build writes into a folder of its own, made for it, and kept until the end (see
    # SETTLE_SECONDS), for every tool alike.
    def reportsite(index):
        return measure([str(BINARY), "build", "--content", str(content), "--output", str(scratch / f"out-{count}-{index}")])

    full, full_walls = median_of(args.runs, reportsite)
    def reportsite_bare(index):
        return measure([str(BINARY), "build", "--content", str(content), "--bare-report-pages",
                        "--output", str(scratch / f"out-bare-{count}-{index}")])

    bare = median_of(args.runs, reportsite_bare)
    out = scratch / f"out-{count}-{args.runs - 1}"
    pages = re.search(r"Built (\d+) pages", full.output)
    cores = os.cpu_count() or 1

    def cmark(groups):
        def run(index):
            return measure(cmark_command(bodies, groups, scratch / f"cmark-{count}-{groups}-{index}"))
        return run

    floor = median_of(args.runs, cmark(cores))
    single = median_of(args.runs, cmark(1))
    rows = [(f"reportsite build ({pages.group(1) if pages else '?'} pages)", (full, full_walls)),
            (f"cmark-gfm floor ({cores} processes)", floor),
            ("cmark-gfm, 1 process", single),
            ("reportsite, report pages cut to title and body", bare)]
    hugo_result = hugo_pagefind = None
    if not args.skip_hugo:
        def run_hugo(index):
            return measure(["hugo", "--quiet", "--source", str(hugo), "--destination", str(scratch / f"hugo-out-{count}-{index}")])

        hugo_result = median_of(args.runs, run_hugo)
        html = sum(1 for _ in (scratch / f"hugo-out-{count}-0").rglob("*.html"))
        rows.append((f"Hugo ({html} pages)", hugo_result))

        def run_hugo_print(index):
            configs = f"{hugo / 'config.yaml'},{hugo / 'print.yaml'}"
            return measure(["hugo", "--quiet", "--source", str(hugo), "--config", configs,
                            "--destination", str(scratch / f"hugo-print-out-{count}-{index}")])

        hugo_print = median_of(args.runs, run_hugo_print)
        html = sum(1 for _ in (scratch / f"hugo-print-out-{count}-0").rglob("*.html"))
        rows.append((f"Hugo with a print page per report, like for like ({html} pages)", hugo_print))

        if pagefind_ok(args):
            def run_hugo_pagefind(index):
                # One shell, Hugo then Pagefind, timed as one job: wait4 counts both, and the peak
                # memory is the larger of the two.
                out = scratch / f"hugo-pagefind-out-{count}-{index}"
                configs = f"{hugo / 'config.yaml'},{hugo / 'print.yaml'}"
                script = (f"hugo --quiet --source {shlex.quote(str(hugo))} --config {shlex.quote(configs)} "
                          f"--destination {shlex.quote(str(out))} && "
                          f"{shlex.quote(sys.executable)} -m pagefind_bin --site {shlex.quote(str(out))} "
                          f"--glob {shlex.quote(PAGEFIND_GLOB)} > /dev/null")
                return measure(["sh", "-c", script])

            hugo_pagefind = median_of(args.runs, run_hugo_pagefind)
            rows.append(("Hugo with print pages and Pagefind, like for like with search", hugo_pagefind))

    if not args.skip_incremental:
        rows += incremental_rows(BINARY, content, out, count, args.runs, "reportsite")

    two = None
    if not args.skip_languages:
        # The same reports, every page in English and Welsh (the same seed gives the same files).
        welsh = scratch / f"content-{count}-en-cy"
        subprocess.run([sys.executable, str(PROJECT / "bench" / "gen_content.py"), str(count), str(welsh), "--languages", "en,cy"],
                       check=True)

        def reportsite_two(index):
            return measure([str(BINARY), "build", "--content", str(welsh), "--output", str(scratch / f"out-en-cy-{count}-{index}")])

        two = median_of(args.runs, reportsite_two)
        two_pages = re.search(r"Built (\d+) pages", two[0].output)
        rows.append((f"reportsite, every page in English and Welsh ({two_pages.group(1) if two_pages else '?'} pages)", two))

    if args.baseline:
        # The same content without the names in other languages (`name_cy` and the like), which an
        # earlier binary may not know.
        plain = without_translated_names(content, scratch / f"content-{count}-baseline")

        def baseline(index):
            return measure([str(args.baseline), "build", "--content", str(plain), "--output", str(scratch / f"out-baseline-{count}-{index}")])

        base_full = median_of(args.runs, baseline)
        rows.append(("baseline build", base_full))
        if not args.skip_incremental:
            rows += incremental_rows(args.baseline, plain, scratch / f"out-baseline-{count}-{args.runs - 1}", count, args.runs, "baseline")

    report(table(rows) + "\n")
    floor_ratio = full.wall / floor[0].wall
    report(f"- reportsite ÷ cmark-gfm floor: {floor_ratio:.2f} (target ≤ 3): {verdict(floor_ratio <= 3)}")
    if hugo_result:
        hugo_ratio = hugo_result[0].wall / full.wall
        report(f"- Hugo ÷ reportsite: {hugo_ratio:.2f} (target ≥ 2.0): {verdict(hugo_ratio >= 2.0)}")
        like = hugo_print[0].wall / full.wall
        report(f"- Hugo with print pages ÷ reportsite (like for like): {like:.2f} (target ≥ 2.0): {verdict(like >= 2.0)}")
        if hugo_pagefind:
            report(f"- Hugo with print pages and Pagefind ÷ reportsite (the same site, search included): "
                   f"{hugo_pagefind[0].wall / full.wall:.2f}")
    report(f"- without report template work (report pages cut to title and body) reportsite takes {bare[0].wall:.2f} s, "
           f"{bare[0].wall / floor[0].wall:.2f}× the floor; the templates cost {full.wall - bare[0].wall:.2f} s of the full build")
    report(f"- reportsite peak memory: {full.rss_mb:.0f} MB (target < 300 MB): {verdict(full.rss_mb < 300)}")
    if two:
        both = two[0].wall / full.wall
        report(f"- two languages ÷ one: {both:.2f} (target ≤ 2.2): {verdict(both <= 2.2)}; peak memory {two[0].rss_mb:.0f} MB")
    if args.baseline:
        report(f"- this binary ÷ baseline, full build: {full.wall / base_full[0].wall:.2f} "
               f"(peak {full.rss_mb:.0f} MB against {base_full[0].rss_mb:.0f} MB)")
    if not args.skip_incremental:
        named = dict(rows)
        unchanged = named["reportsite, nothing changed"][0].wall
        text = named["reportsite, one report's text changed"][0].wall
        front = named["reportsite, one report's front matter changed"][0].wall
        report(f"- no-change rebuild: {unchanged:.2f} s (target < 0.1 s): {verdict(unchanged < 0.1)}")
        share = max(text, front) / full.wall
        report(f"- one-file change: text {text:.2f} s, front matter {front:.2f} s, {100 * share:.1f} % of the full build "
               f"(target < 5 %): {verdict(share < 0.05)}")
    report("\nCPU is user + system time; for the cmark-gfm floor it is the sum over its processes, and its peak "
           "memory is that of the largest one.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--dir", type=pathlib.Path, default=pathlib.Path(os.environ.get("BENCH_DIR", "/tmp/reportsite-bench")))
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-pagefind", action="store_true", help="leave out the Hugo with Pagefind row")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--skip-languages", action="store_true", help="leave out the build in English and Welsh")
    parser.add_argument("--keep", action="store_true", help="keep the generated content and outputs")
    parser.add_argument("--baseline", type=pathlib.Path, help="another reportsite binary, timed beside this one")
    args = parser.parse_args()
    if not BINARY.exists():
        sys.exit(f"{BINARY} is missing: run bash bench/run.sh, which builds it")

    settle_from = prepare_scratch(args.dir)
    if DELETED.exists():
        settle_from = max(settle_from or 0, DELETED.stat().st_mtime)
    lines = []

    def report(line):
        print(line, flush=True)
        lines.append(line)

    report("# reportsite benchmark\n")
    report(machine())
    wait = settle_from + SETTLE_SECONDS - time.time() if settle_from else 0
    if wait > 0:
        print(f"(waiting {wait:.0f} s: files were deleted here less than {SETTLE_SECONDS} s ago)", flush=True)
        time.sleep(wait)
    for count in args.counts:
        bench(count, args, args.dir, report)
    results = "\n".join(lines) + "\n"
    # Deleted only now (see SETTLE_SECONDS); results.md, written after, dates the deletion.
    if not args.keep:
        fresh(args.dir)
        args.dir.mkdir(parents=True)
        DELETED.touch()
    (args.dir / "results.md").write_text(results, encoding="utf-8")
    print(f"\n(written to {args.dir / 'results.md'})")


if __name__ == "__main__":
    main()
