"""Measures the cost of Markdown text two ways, for docs/limits.md:

1. Every shape of bench/markdown_shapes.py at the size limit on a report's text, through
   `reportsite build` on a one-report site: wall time and peak memory of the whole process. The
   binary is REPORTSITE_BINARY, else .build/release/reportsite, else .build/debug/reportsite.
2. The system cmark-gfm program on the shapes that grow with the product of two sizes, just under
   and well over the limits on nesting and tables, side by side (only where the program is
   installed: apt-get install cmark-gfm, which bench/run.sh does; each case stopped after 120 s).

usage: python3 bench/markdown_limits.py [size in bytes, default the limit]
"""
import os
import pathlib
import shutil
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import markdown_shapes  # noqa: E402

# The limit on a report's text (MarkdownLimits.maximumBytes).
LIMIT = 256 << 10


def binary():
    chosen = os.environ.get("REPORTSITE_BINARY")
    if chosen:
        return pathlib.Path(chosen)
    for kind in ("release", "debug"):
        path = markdown_shapes.ROOT / ".build" / kind / "reportsite"
        if path.exists():
            return path
    sys.exit("build first: swift build -c release")


def shapes_at(size):
    program = binary()
    folder = pathlib.Path(tempfile.mkdtemp(prefix="markdown-limits-"))
    print(f"{program} build, one report whose text is {size:,} bytes of each shape")
    print(f"{'shape':40} {'exit':>4} {'cpu s':>6} {'wall s':>6} {'peak MB':>8}")
    try:
        rows = [("(a one-line text, for comparison)", "Text.\n", 6)] + [(name, unit, size) for name, unit in markdown_shapes.SHAPES]
        rows += [(name, unit, len(unit) * count) for name, unit, count in markdown_shapes.AT_COUNT_LIMITS]
        for name, unit, length in rows:
            content = markdown_shapes.content(folder / "Content", markdown_shapes.text(unit, length))
            status, seconds, peak, _, wall = markdown_shapes.build(program, content, folder / "Output")
            print(f"{name:40} {status:>4} {seconds:>6.2f} {wall:>6.2f} {peak:>8.0f}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


shapes_at(int(sys.argv[1]) if len(sys.argv) > 1 else LIMIT)
if not shutil.which("cmark-gfm"):
    sys.exit(0)
print()
import subprocess
import tempfile
import time

# The renderer's options and extensions (this program has no switch for footnotes, which none of these shapes use).
COMMAND = ["cmark-gfm", "--unsafe", "--smart",
           "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
NESTING, INDENT, COLUMNS, CELLS = 32, 128, 128, 200_000


def table(columns, rows, row=None):
    header = "|" + "a|" * columns + "\n|" + "-|" * columns + "\n"
    return header + (row or ("|" + "b|" * columns + "\n")) * rows


CASES = [
    # (shape, under the limit, over the limit)
    ("nested block quotes, then lazy lines",
     "> " * NESTING + "x\n" + "x\n" * 30_000, ">" * 30_000 + "x\n" + "x\n" * 15_000),
    ("nested lists, then lazy lines",
     "- " * NESTING + "x\n" + "x\n" * 30_000, "- " * 5_000 + "x\n" + "x\n" * 25_000),
    ("a wide table (columns)", table(COLUMNS - 1, 10), table(20_000, 2)),
    ("one wide row under a 2-column header", table(2, 1, "|" + "b|" * (COLUMNS - 1) + "\n"), table(2, 2, "|" + "b|" * 20_000 + "\n")),
    ("a tall table (cells)", table(8, CELLS // 8 - 2, "x\n"), table(8, 5_000_000, "x\n")),
    ("a long line (no limit)", "word " * 400_000, "word " * 3_000_000),
]


def seconds(text):
    with tempfile.NamedTemporaryFile("w", suffix=".md") as file:
        file.write(text)
        file.flush()
        started = time.monotonic()
        try:
            subprocess.run(COMMAND + [file.name], stdout=subprocess.DEVNULL, check=True, timeout=120)
        except subprocess.TimeoutExpired:
            return float("inf")
        return time.monotonic() - started


print(subprocess.run(["cmark-gfm", "--version"], capture_output=True, text=True).stdout.splitlines()[0])
print(f"{'shape':42} {'under: KB':>10} {'s':>7}   {'over: KB':>10} {'s':>7}")
for shape, under, over in CASES:
    print(f"{shape:42} {len(under) // 1024:>10} {seconds(under):>7.2f}   {len(over) // 1024:>10} {seconds(over):>7.2f}")
