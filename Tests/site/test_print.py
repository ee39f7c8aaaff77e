"""Printable reports: self-contained print versions, a print stylesheet, and PDFs made with Chromium."""
import pathlib
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import SMALL_SITE_REPORTS, small_content

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
        # No site navigation, and no contents page: the PDF's bookmarks are its contents (docs/printing.md).
        assert "<nav" not in html and 'class="site-nav"' not in html and "breadcrumbs" not in html
        assert 'href="print.html"' in page.read_text(encoding="utf-8"), f"{page} must link to its print version"


def test_running_header_names_the_pdu_safely(site):
    html = (site / ESSEX / "print.html").read_text(encoding="utf-8")
    header = re.search(r'@top-center \{ content: "([^"]*)"; \}', html)
    assert header, "running header missing"
    # The title names the PDU, so the header is the title alone, not "Essex South PDU: … Essex South PDU".
    # Letters stay as they are; punctuation is escaped for CSS, so no title can break out of the string.
    assert header.group(1) == "An inspection of probation services in Essex South PDU"


def test_the_normal_page_prints_without_navigation(browser, server):
    browser.get(f"{server}/{ESSEX}/index.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        header = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).display")
        crumbs = browser.execute_script("return getComputedStyle(document.querySelector('.breadcrumbs')).display")
        adjust = browser.execute_script("return getComputedStyle(document.querySelector('.rating')).printColorAdjust")
        assert (header, crumbs, adjust) == ("none", "none", "exact")
        assert browser.find_element(By.CSS_SELECTOR, ".report-header .headline .rating").text == "Requires improvement"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def enable_pdfs(content, on=True):
    """Sets `pdf: true` (or takes it out) in the content's site.yml: PDFs are a setting of the site."""
    settings = content / "site.yml"
    text = settings.read_text(encoding="utf-8").replace("\npdf: true\n", "\n")
    settings.write_text(text + ("\npdf: true\n" if on else ""), encoding="utf-8")


def build_small(folder, *extra, env=None):
    content = small_content(folder)
    enable_pdfs(content)
    output = folder / "Output"
    run = subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(ROOT / "Templates"),
                          "--output", str(output), *extra], capture_output=True, text=True, timeout=600, env=env)
    return content, output, run


@pytest.fixture(scope="module")
def essex_pdf(tmp_path_factory):
    _, output, run = build_small(tmp_path_factory.mktemp("pdf"))
    assert run.returncode == 0, run.stderr
    return output / ESSEX / "essex-south-2024.pdf"


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
    assert "An inspection of probation services in Essex South PDU" in third
    assert "Essex South PDU: An inspection" not in third and "Essex South PDU — An inspection" not in third
    assert re.search(r"Page 3 of \d+", third)


def test_pdf_gives_the_web_address_has_bookmarks_and_no_backlink_arrows(essex_pdf, artifacts):
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(essex_pdf)], capture_output=True, text=True,
                                                               check=True).stdout, re.M).group(1))
    address = "https://example.org/inspections/essex-south-2024/"
    assert address in text_of(essex_pdf, 1, 1).replace("\n", "")
    last = text_of(essex_pdf, pages, pages)
    assert f"Online version: {address}" in last.replace("\n", " ")
    # The footnotes print, without the arrows that lead back on screen.
    everything = text_of(essex_pdf, 1, pages)
    assert "Ministry of Justice" in everything and "↩" not in everything
    # Chromium's document outline: the PDF's bookmarks, from the headings.
    assert b"/Outlines" in essex_pdf.read_bytes()
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(pages), "-l", str(pages), "-singlefile", str(essex_pdf),
                    str(artifacts / "essex-south-pdf-last-page")], check=True)


def test_a_drafts_pdf_says_draft_on_every_page(tmp_path):
    content = small_content(tmp_path)
    enable_pdfs(content)
    essex = content / "inspections" / "essex-south-2024.md"
    essex.write_text(essex.read_text(encoding="utf-8").replace("type: pdu\n", "type: pdu\ndraft: true\n", 1), encoding="utf-8")
    output = tmp_path / "Output"
    made = subprocess.run([str(BINARY), "build", "--drafts", "--content", str(content), "--templates", str(ROOT / "Templates"),
                           "--output", str(output)], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    pdf = output / ESSEX / "essex-south-2024.pdf"
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                               check=True).stdout, re.M).group(1))
    assert pages > 3
    for page in range(1, pages + 1):
        assert "Draft – not published" in text_of(pdf, page, page), f"page {page} does not say it is a draft"


def test_a_site_with_pdfs_and_no_browser_says_how_to_get_one(tmp_path):
    content, output, run = build_small(tmp_path, env={"PATH": "/nonexistent"})
    assert run.returncode == 1
    assert "Chromium is not installed" in run.stderr and "apt-get install chromium" in run.stderr
    assert "site.yml" in run.stderr, "the error names the setting that asks for PDFs"
    assert not output.exists()


# PDFs as part of the site's life cycle: with `pdf: true` in site.yml every build makes them, remakes an edited report's, removes a
# withdrawn report's, links each from its page with its size, and a failed PDF keeps the last good site.

KEPT = SMALL_SITE_REPORTS


@pytest.fixture()
def small_site(tmp_path):
    """A copy of the real content with three reports, and a build command for it."""
    content = small_content(tmp_path)
    output = tmp_path / "Output"

    def build(*extra, check=True):
        run = subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(ROOT / "Templates"),
                              "--output", str(output), *extra], capture_output=True, text=True, timeout=600)
        if check:
            assert run.returncode == 0, run.stderr
        return run
    return content, output, build


def snapshot(folder):
    from publish_model import snapshot as site_snapshot
    return site_snapshot(folder)


def test_build_with_pdfs_links_each_and_follows_its_report(small_site):
    content, output, build = small_site
    enable_pdfs(content)
    build()
    for slug in KEPT:
        pdf = output / "inspections" / slug / f"{slug}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF"), slug
        page = (output / "inspections" / slug / "index.html").read_text(encoding="utf-8")
        link = re.search(rf'<a href="{slug}\.pdf" type="application/pdf" download>[^<]+</a> \(PDF, (\d+) KB\)', page)
        assert link, f"{slug}: no link to its PDF with its size"
        assert abs(int(link.group(1)) * 1000 - pdf.stat().st_size) <= 500, "the size shown is not the file's"

    # An edited report's PDF is made again from the new text; the others are left alone.
    essex = content / "inspections" / "essex-south-2024.md"
    others = {slug: (output / "inspections" / slug / f"{slug}.pdf").read_bytes() for slug in KEPT[1:]}
    essex.write_text(essex.read_text(encoding="utf-8") + "\nA closing line only the new PDF has: QUOKKA.\n", encoding="utf-8")
    build()
    assert "QUOKKA" in text_of(output / ESSEX / "essex-south-2024.pdf", 1, 99)
    for slug, data in others.items():
        assert (output / "inspections" / slug / f"{slug}.pdf").read_bytes() == data, f"{slug}'s PDF was remade"

    # A report made a draft takes its PDF with it.
    essex.write_text(essex.read_text(encoding="utf-8").replace("type: pdu\n", "type: pdu\ndraft: true\n", 1), encoding="utf-8")
    build()
    assert not (output / ESSEX).exists()

    # A PDF that cannot be made fails the build and leaves the last good site.
    before = snapshot(output)
    bedfordshire = content / "inspections" / "bedfordshire-2024.md"
    bedfordshire.write_text(bedfordshire.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    failed = build("--browser", "/bin/false", check=False)
    assert failed.returncode == 1 and "made no PDF" in failed.stderr, failed.stderr
    assert snapshot(output) == before

    # Without `pdf: true`, the site has no PDFs and no links to them.
    enable_pdfs(content, on=False)
    build()
    assert list(output.rglob("*.pdf")) == []
    assert "download>" not in (output / "inspections" / "bedfordshire-2024" / "index.html").read_text(encoding="utf-8")


def stand_in_printer(folder):
    """A printer that writes a small PDF of the print page's digest and logs each page it prints."""
    from publish_model import FAKE_PRINTER
    printer = folder / "stand-in-chromium"
    printer.write_text(FAKE_PRINTER)
    printer.chmod(0o755)
    log = folder / "stand-in-chromium.log"
    return printer, log


def printed(log):
    """The reports whose PDFs the stand-in printer made since last asked, each in each language
    (`cy/` before the Welsh ones: the real content is in English and Welsh)."""
    lines = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return sorted(("cy/" if "/cy/inspections/" in line else "") + pathlib.Path(line).parent.name for line in lines)


def in_both_languages(slugs):
    return sorted(list(slugs) + ["cy/" + slug for slug in slugs])


def test_a_pdf_is_printed_again_only_when_its_print_version_changed(small_site, tmp_path):
    content, output, build = small_site
    printer, log = stand_in_printer(tmp_path)
    enable_pdfs(content)
    build("--browser", str(printer))
    assert printed(log) == in_both_languages(KEPT)
    pdfs = {slug: (output / "inspections" / slug / f"{slug}.pdf").read_bytes() for slug in KEPT}
    # A plain build keeps them: PDFs are the site's setting, not the command's.
    (content / "site.yml").write_text((content / "site.yml").read_text() + "\n# touched\n")
    build("--browser", str(printer))
    assert printed(log) == [] and {slug: (output / "inspections" / slug / f"{slug}.pdf").read_bytes() for slug in KEPT} == pdfs
    # A withdrawn report's PDF goes; the others' print versions did not change, so none is printed again.
    north = content / "inspections" / "essex-north-2024.md"
    north.write_text(north.read_text(encoding="utf-8").replace("type: pdu\n", "type: pdu\ndraft: true\n", 1), encoding="utf-8")
    build("--browser", str(printer))
    assert not (output / "inspections" / "essex-north-2024").exists()
    assert printed(log) == []
    # An edited report's is.
    essex = content / "inspections" / "essex-south-2024.md"
    essex.write_text(essex.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    build("--browser", str(printer))
    assert printed(log) == in_both_languages(["essex-south-2024"])


def test_nothing_but_a_build_writes_into_the_output(small_site):
    content, output, build = small_site
    build()
    before = snapshot(output)
    # The old ways of making PDFs apart from a build say where the setting is, and change nothing.
    for command in ([str(BINARY), "pdf", "--output", str(output), "--only", "essex-south-2024"],
                    [str(BINARY), "build", "--pdf", "--content", str(content), "--output", str(output)]):
        run = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert run.returncode == 1 and "pdf: true" in run.stderr, run.stderr
    assert snapshot(output) == before
    # A PDF put into the output by hand does not survive the next build, nor come back after it.
    stray = output / ESSEX / "essex-south-2024.pdf"
    stray.write_bytes(b"%PDF-1.4 put there by hand")
    for _ in range(3):
        build()
        assert not stray.exists()
        assert snapshot(output) == before
