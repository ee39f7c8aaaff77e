"""Every shape of Markdown text (bench/markdown_shapes.py) at the size limit on a report's text,
through `reportsite build` on a one-report site: accepted, or refused with an error at the report's
line and column, either way within 2 s of the process's processor time and 500 MB of peak memory
(and 20 s of wall time, however loaded the machine); and a text one byte over the limit refused
with a message naming the limit, before cmark-gfm sees it."""
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import markdown_shapes  # noqa: E402

BINARY = ROOT / ".build" / "debug" / "reportsite"
# MarkdownLimits.maximumBytes.
LIMIT = 256 * 1024
SECONDS, MEGABYTES = 2.0, 500
LOCATED = re.compile(r"inspections/alpha-2024\.md:\d+:\d+: error: ")


@pytest.mark.parametrize("unit", [unit for _, unit in markdown_shapes.SHAPES], ids=[name for name, _ in markdown_shapes.SHAPES])
def test_every_shape_at_the_size_limit_is_built_or_refused_within_bounds(tmp_path, unit):
    text = markdown_shapes.text(unit, LIMIT)
    assert len(text.encode()) == LIMIT
    content = markdown_shapes.content(tmp_path / "Content", text)
    status, seconds, peak, output, wall = markdown_shapes.build(BINARY, content, tmp_path / "Output")
    print(f"{unit!r}: exit {status}, {seconds:.2f} s of processor time, {wall:.2f} s, {peak:.0f} MB")
    assert status in (0, 1), output[-2000:]
    if status == 1:
        assert LOCATED.search(output), output[:2000]
    assert peak < MEGABYTES, f"{peak:.0f} MB"
    assert seconds < SECONDS, f"{seconds:.2f} s"
    assert wall < 20, f"{wall:.2f} s"


@pytest.mark.parametrize("unit,count", [(unit, count) for _, unit, count in markdown_shapes.AT_COUNT_LIMITS],
                         ids=[name for name, _, _ in markdown_shapes.AT_COUNT_LIMITS])
def test_headings_and_links_at_their_limits_are_built_within_bounds_and_one_more_is_refused(tmp_path, unit, count):
    # `#a` is the id of no heading: link errors, however many, are listed a hundred at most.
    for number, expected in ((count, 0), (count + 1, 1)):
        content = markdown_shapes.content(tmp_path / "Content", unit * number)
        status, seconds, peak, output, wall = markdown_shapes.build(BINARY, content, tmp_path / "Output")
        print(f"{unit!r} x {number}: exit {status}, {seconds:.2f} s of processor time, {wall:.2f} s, {peak:.0f} MB")
        assert peak < MEGABYTES and seconds < SECONDS and wall < 20
        if expected == 1:
            assert status == 1 and re.search(r"alpha-2024\.md:\d+:\d+: error: the text has more than", output), output[:2000]
        elif "[a](#a)" not in unit:
            assert status == 0, output[:2000]


def test_a_text_one_byte_over_the_limit_is_refused_at_the_line_where_it_crosses_it(tmp_path):
    text = markdown_shapes.text("*a b\n", LIMIT + 1)
    content = markdown_shapes.content(tmp_path / "Content", text)
    status, seconds, peak, output, _ = markdown_shapes.build(BINARY, content, tmp_path / "Output")
    assert status == 1
    # The text starts on line 10; the limit falls in line LIMIT // 5 of it, at column LIMIT % 5 + 1.
    line, column = 10 + LIMIT // 5, LIMIT % 5 + 1
    assert f"alpha-2024.md:{line}:{column}: error: the text is larger than 256 KB" in output, output[:2000]
    assert peak < 100, f"{peak:.0f} MB: the text reached cmark-gfm"
