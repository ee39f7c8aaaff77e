"""The shapes of Markdown text that cost cmark-gfm the most memory or time per byte, and a minimal
content folder holding one report whose text is a shape repeated to a given size.

Shared by bench/markdown_limits.py (the measured table in docs/limits.md) and
Tests/site/test_markdown_limits.py (every shape at the size limit, through `reportsite build`)."""
import os
import pathlib
import shutil
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]

# (name, unit): the text is `unit` repeated, cut to the size. The first six were found slowest per
# byte; the others are every other inline and block construct, each at its densest.
SHAPES = [
    ("emphasis openers `*a`", "*a"),
    ("brackets `[`", "["),
    ("strikethrough `~~a`", "~~a"),
    ("task list items `- [ ] a`", "- [ ] a\n"),
    ("autolinks `www.e.co `", "www.e.co "),
    ("underscores `_a`", "_a"),
    ("strong openers `**a `", "**a "),
    ("image openers `![`", "!["),
    ("link openers `[a](`", "[a]("),
    ("links `[a](b) `", "[a](b) "),
    ("backticks", "`a"),
    ("angle brackets `<`", "<"),
    ("entities `&#1;`", "&#1;"),
    ("escapes `\\*`", "\\*"),
    ("footnote references `[^a]`", "[^a]"),
    ("HTML comment openers", "<!-- "),
    ("URL autolinks `https://e.co `", "https://e.co "),
    ("email autolinks `a@b.co `", "a@b.co "),
    ("list items `- a`", "- a\n"),
    ("ordered list items `1. a`", "1. a\n"),
    ("block quote lines `> a`", "> a\n"),
    ("headings `# a`", "# a\n"),
    ("setext headings", "a\n=\n"),
    ("link reference definitions", "[r]: /x\n"),
    ("table rows `|a|b|`", "|a|b|\n"),
    ("pipes `|`", "|"),
    ("short lines `a`", "a\n"),
    ("blank lines", "\n"),
    ("one long line of words", "word "),
]

# (name, unit, count): shapes at the limits on a text's headings and links, which the size limit
# alone would let through many times over (MarkdownLimits.maximumHeadings, .maximumLinks).
AT_COUNT_LIMITS = [
    # Underlined with "-": a line of "=" makes a level-1 heading, which a text may not have.
    ("2,000 setext headings `a` / `-`", "a\n-\n", 2_000),
    ("2,000 headings `## a`", "## a\n", 2_000),
    ("10,000 email autolinks", "a@b.co ", 10_000),
    ("10,000 URL autolinks", "https://e.co ", 10_000),
    ("10,000 links `[a](#a) `", "[a](#a) ", 10_000),
]

SITE = """title: "Test site"
base_url: "https://example.org/"
licence: "Open Government Licence"
"""
REGION = """---
name: "Test Region"
pdus:
  - name: "Alpha"
---
"""
FRONT = """---
title: "An inspection of Alpha PDU"
type: pdu
pdu: "Alpha"
region: test-region
framework: pdu-2023
score: 5
overall: "Requires improvement"
---
"""


def text(unit, size):
    """`unit` repeated to exactly `size` bytes (a table's header rows first, for table shapes)."""
    head = "|a|b|\n|-|-|\n" if unit.startswith("|a") else ""
    return head + (unit * ((size - len(head)) // len(unit) + 1))[:size - len(head)]


def content(folder, body):
    """A content folder with one report whose text is `body`; returns its path."""
    folder = pathlib.Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "frameworks").mkdir(parents=True)
    (folder / "regions").mkdir()
    (folder / "inspections").mkdir()
    (folder / "site.yml").write_text(SITE)
    shutil.copy(ROOT / "Content" / "frameworks" / "pdu-2023.yml", folder / "frameworks" / "pdu-2023.yml")
    (folder / "regions" / "test-region.md").write_text(REGION)
    (folder / "inspections" / "alpha-2024.md").write_text(FRONT + body, encoding="utf-8")
    return folder


def build(binary, content_folder, output):
    """Runs `reportsite build`; returns (exit status, seconds, peak memory in MB, output, wall seconds). The
    seconds are the process's own processor time (user and system): wall time on a machine shared
    with other builds measures them as much as this one."""
    started = time.monotonic()
    process = subprocess.Popen([str(binary), "build", "--content", str(content_folder), "--templates", str(ROOT / "Templates"),
                                "--output", str(output)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    seconds = usage.ru_utime + usage.ru_stime
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, seconds, usage.ru_maxrss / 1024, out.decode("utf-8", "replace"), wall
