"""Times the system cmark-gfm on the Markdown shapes that slow it, just under and well over the
limits reportsite puts on a report's text (docs/limits.md), side by side in one run.

usage: python3 bench/markdown_limits.py   (needs the cmark-gfm program: apt-get install cmark-gfm,
which bench/run.sh installs; each case is stopped after 120 s)
"""
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
