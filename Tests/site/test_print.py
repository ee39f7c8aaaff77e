"""Printable reports: self-contained print versions, a print stylesheet, and PDFs made with Chromium."""
import pathlib
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "reportsite"
ESSEX = "inspections/essex-south-2024"


def test_every_inspection_has_a_self_contained_print_version(site):
    pages = sorted(site.glob("inspections/*/index.html"))
    assert len(pages) >= 79
    for page in pages:
        printable = page.with_name("print.html")
        html = printable.read_text(encoding="utf-8")
        assert "<script" not in html, printable
        assert not re.search(r"<link[^>]+stylesheet", html), f"{printable} must inline its CSS"
        assert "size: A4" in html and 'counter(page) " of " counter(pages)' in html
        assert "print-color-adjust: exact" in html
        assert "<nav" in html and 'class="site-nav"' not in html and "breadcrumbs" not in html
        assert 'href="print.html"' in page.read_text(encoding="utf-8"), f"{page} must link to its print version"


def test_running_header_names_the_pdu_safely(site):
    html = (site / ESSEX / "print.html").read_text(encoding="utf-8")
    header = re.search(r'@top-center \{ content: "([^"]*)"; \}', html)
    assert header, "running header missing"
    # Letters stay as they are; punctuation is escaped for CSS, so no title can break out of the string.
    assert header.group(1).startswith("Essex South PDU\\3a  An inspection of probation services in Essex South PDU")


def test_the_normal_page_prints_without_navigation(browser, server):
    browser.get(f"{server}/{ESSEX}/index.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        header = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).display")
        crumbs = browser.execute_script("return getComputedStyle(document.querySelector('.breadcrumbs')).display")
        adjust = browser.execute_script("return getComputedStyle(document.querySelector('.rating')).printColorAdjust")
        assert (header, crumbs, adjust) == ("none", "none", "exact")
        assert browser.find_element(By.CSS_SELECTOR, "#ratings .rating").text == "Requires improvement"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.fixture(scope="module")
def essex_pdf(site):
    run = subprocess.run([str(BINARY), "pdf", "--output", str(site), "--only", "essex-south-2024"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Made 1 PDF" in run.stdout
    return site / ESSEX / "essex-south-2024.pdf"


def text_of(pdf, first, last):
    return subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_pdf_has_pages_and_the_title_in_its_metadata(essex_pdf):
    info = subprocess.run(["pdfinfo", str(essex_pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    title = re.search(r"^Title:\s+(.*)$", info, re.M).group(1).strip()
    print(f"Essex South PDF: {pages} pages, {essex_pdf.stat().st_size} bytes, title {title!r}")
    assert pages > 1
    assert title == "An inspection of probation services in Essex South PDU"


def test_pdf_first_page_shows_the_ratings_table(essex_pdf, artifacts):
    first = text_of(essex_pdf, 1, 1)
    assert "5/21" in first
    assert "Requires improvement" in first
    assert re.search(r"1\.1 Leadership\s+Good", first)
    assert "Page 1 of" in first
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(essex_pdf),
                    str(artifacts / "essex-south-pdf-page-1")], check=True)
    assert (artifacts / "essex-south-pdf-page-1.png").stat().st_size > 10_000


def test_pdf_pages_carry_the_running_header_and_page_numbers(essex_pdf):
    third = text_of(essex_pdf, 3, 3)
    assert "Essex South PDU: An inspection of probation services in Essex South PDU" in third
    assert re.search(r"Page 3 of \d+", third)


def test_pdf_without_a_browser_says_how_to_get_one(site):
    run = subprocess.run([str(BINARY), "pdf", "--output", str(site)], capture_output=True, text=True,
                         env={"PATH": "/nonexistent"})
    assert run.returncode == 1
    assert "Chromium is not installed" in run.stderr
    assert "apt-get install chromium" in run.stderr
