"""Changing the look: a colour is defined once, in site.css's custom properties, and a change there
reaches the rating badges, the charts and the print version (which inlines the properties), also
through an incremental build."""
import pathlib
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "reportsite"
ESSEX = "inspections/essex-south-2024"
ORIGINAL = "--good-fill: #3d7cc9;"
CHANGED = "--good-fill: #ff00ff;"


def build(templates, output):
    subprocess.run([str(BINARY), "build", "--content", str(ROOT / "Content"), "--templates", str(templates),
                    "--output", str(output)], check=True, capture_output=True)


def colours(browser, site):
    """The colour of a 'Good' badge on a report page, of the 'Good' segments of the home page's chart,
    and of a 'Good' badge in the report's print version, as Chromium computes them."""
    browser.get((site / ESSEX / "index.html").as_uri())
    badge = browser.execute_script("return getComputedStyle(document.querySelector('#ratings .rating-good')).borderTopColor")
    browser.get((site / "index.html").as_uri())
    chart = browser.execute_script("return getComputedStyle(document.querySelector('svg .seg-good')).fill")
    browser.get((site / ESSEX / "print.html").as_uri())
    printed = browser.execute_script("return getComputedStyle(document.querySelector('#ratings .rating-good')).borderTopColor")
    return badge, chart, printed


def test_one_colour_variable_changes_badges_charts_and_print(browser, tmp_path):
    templates = tmp_path / "Templates"
    shutil.copytree(ROOT / "Templates" / "assets", templates / "assets")
    output = tmp_path / "Output"
    build(templates, output)
    assert colours(browser, output) == ("rgb(61, 124, 201)",) * 3

    css = templates / "assets" / "css" / "site.css"
    text = css.read_text(encoding="utf-8")
    assert text.count(ORIGINAL) == 1, "the colour must be defined once"
    css.write_text(text.replace(ORIGINAL, CHANGED), encoding="utf-8")
    # Into the same folder: the incremental build must remake the print versions, which inline the colours.
    build(templates, output)
    assert colours(browser, output) == ("rgb(255, 0, 255)",) * 3
