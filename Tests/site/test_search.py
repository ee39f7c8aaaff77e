"""Search as a visitor uses it, in headless Chromium, from disk (file://) and from a server: a PDU
found by a place it serves, a report found by words of its text with a snippet around them, the
time the page itself measures, and axe-core on the page with results at a desktop's and a phone's
width."""
import pathlib
from urllib.parse import quote

import pytest
import selenium_axe_python
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver

AXE_JS = pathlib.Path(selenium_axe_python.__file__).with_name("axe-core") / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# A phrase from the text of Essex South's report, in none of its headings, recommendations or summary.
BODY_PHRASE = "two main probation offices with one in Laindon"


def search(browser, base, query, typed=False):
    """Searches for `query` (opening the page with ?q=, or typing it into the open page) and waits
    until the page says it has shown the results; returns the milliseconds the page measured."""
    if typed:
        field = browser.find_element(By.ID, "search-query")
        browser.execute_script("window.__searchMilliseconds = null;")
        field.clear()
        field.send_keys(query)
    else:
        browser.get(f"{base}/search/index.html?q={quote(query)}")
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return window.__searchMilliseconds != null && "
                                   "document.getElementById('search-query').value === arguments[0];", query))
    return browser.execute_script("return window.__searchMilliseconds")


def median_search(browser, base, query, runs=3):
    """The median of `runs` searches for `query`, each from a fresh page (the browser's cache may
    hold the parts an earlier run loaded, as it would for a visitor's next search). One run on this
    shared machine can take twice as long when other builds are running."""
    times = sorted(search(browser, base, query) for _ in range(runs))
    return times[len(times) // 2], times


def results(browser):
    return [(a.text, a.get_attribute("href")) for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]


@pytest.fixture(params=["file", "server"])
def base(request, site, server):
    return site.as_uri() if request.param == "file" else server


# A Welsh council's Welsh name (ONS's LAD23NMW, given in regions/wales.md) finds the PDU that
# serves it as its English name does, on the English site.
@pytest.mark.parametrize("place, pdu, page", [
    ("Caerdydd", "Cardiff and the Vale", "cardiff-and-the-vale"),
    ("Cardiff", "Cardiff and the Vale", "cardiff-and-the-vale"),
    ("Bro Morgannwg", "Cardiff and the Vale", "cardiff-and-the-vale"),
    ("Wrecsam", "North Wales", "north-wales"),
    ("Abertawe", "Swansea, Neath and Port Talbot", "swansea-neath-and-port-talbot"),
])
def test_a_welsh_place_name_finds_the_pdu_that_serves_it(browser, base, place, pdu, page):
    search(browser, base, place)
    found = results(browser)
    assert found, f"nothing found for {place}"
    title, href = found[0]
    assert title == pdu, found[:3]
    assert href.endswith(f"/pdus/{page}/index.html")


@pytest.mark.parametrize("place", ["southend", "Southend-on-Sea", "basildon", "castlepoint"])
def test_a_place_finds_the_pdu_that_serves_it(browser, base, place):
    milliseconds, times = median_search(browser, base, place)
    found = results(browser)
    assert found, f"nothing found for {place}"
    title, href = found[0]
    assert title == "Essex South", found[:3]
    assert href.endswith("/pdus/essex-south/index.html")
    # Its reports follow, found by the places of their PDU.
    assert any(h.endswith("/inspections/essex-south-2024/index.html") for _, h in found[1:])
    assert "Essex North" not in [t for t, _ in found]
    print(f"{place}: {len(found)} results in {milliseconds:.2f} ms (median of {times})")
    assert milliseconds < 50


def test_a_phrase_from_a_text_finds_its_report_with_a_snippet(browser, base):
    milliseconds, times = median_search(browser, base, BODY_PHRASE)
    found = results(browser)
    assert found and found[0][1].endswith("/inspections/essex-south-2024/index.html"), found[:3]
    snippet = browser.find_element(By.CSS_SELECTOR, "#search-results li .search-snippet")
    assert BODY_PHRASE in snippet.text
    marked = [m.text.lower() for m in snippet.find_elements(By.TAG_NAME, "mark")]
    assert "laindon" in marked
    print(f"body phrase: {len(found)} results in {milliseconds:.2f} ms (median of {times})")
    assert milliseconds < 50


def test_names_rank_above_text(browser, base):
    search(browser, base, "essex")
    found = [t for t, _ in results(browser)]
    # The two PDUs named Essex, then reports.
    assert found[:2] == ["Essex North", "Essex South"] or found[:2] == ["Essex South", "Essex North"], found[:4]
    assert "An inspection of probation services in Essex South PDU" in found[2:]


def test_a_query_loads_only_what_it_needs(browser, server):
    """From a server: the shards of the query's words and the texts of the ten results shown, no more."""
    search(browser, server, "probation")
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.indexOf('/search/') !== -1 "
        "&& n.indexOf('.js') !== -1 && n.indexOf('search.') === -1);")
    texts = [n for n in loaded if "/search/t/" in n]
    assert 0 < len(texts) <= 10, texts
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-results li")) >= 10
    assert browser.find_element(By.ID, "search-more").is_displayed()
    before = len(browser.find_elements(By.CSS_SELECTOR, "#search-results li"))
    browser.find_element(By.ID, "search-more").click()
    WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#search-results li")) > before)


def test_a_word_in_no_report_finds_nothing(browser, base):
    search(browser, base, "zzzqqq")
    assert results(browser) == []
    assert "0 results found" in browser.find_element(By.ID, "search-status").text


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_on_search_results(server, width):
    driver = make_driver(width=width, height=900)
    try:
        search(driver, server, BODY_PHRASE)
    except Exception:
        driver.quit()
        raise
    try:
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));", AXE_OPTIONS)
        assert "error" not in result, result
        violations = [f"[{v['impact']}] {v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
                      for v in result["violations"]]
        assert violations == []
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        driver.quit()


# Words that are also the names of properties every JavaScript object has.
OBJECT_WORDS = ["constructor", "toString", "__proto__", "hasOwnProperty"]


@pytest.fixture(scope="module")
def site_with_object_words(tmp_path_factory):
    """The small site with Essex South's text holding each of OBJECT_WORDS in a sentence of its own."""
    import subprocess
    from conftest import ROOT, small_content
    folder = tmp_path_factory.mktemp("object-words")
    content = small_content(folder)
    report = content / "inspections" / "essex-south-2024.md"
    escaped = [w.replace("_", "\\_") for w in OBJECT_WORDS]  # `__proto__` unescaped is Markdown for bold "proto"
    report.write_text(report.read_text() + "\n" + "".join(f"\nThe panel noted {w} here.\n" for w in escaped))
    output = folder / "Output"
    subprocess.run([str(ROOT / ".build" / "debug" / "reportsite"), "build", "--content", str(content),
                    "--templates", str(ROOT / "Templates"), "--output", str(output)], check=True, capture_output=True)
    return output


@pytest.mark.parametrize("word", OBJECT_WORDS)
def test_a_word_that_names_an_object_property_finds_its_report(browser, site_with_object_words, word):
    search(browser, site_with_object_words.as_uri(), word)
    found = [href for _, href in results(browser)]
    assert any(href.endswith("/inspections/essex-south-2024/index.html") for href in found), (word, found)
    assert len(found) == 1, (word, found)
    snippet = browser.find_element(By.CSS_SELECTOR, "#search-results li .search-snippet").text
    assert f"noted {word} here" in snippet, snippet
