"""Search where a word's postings are split, as on a large site: a word in more reports than the
limit has only its best postings in its shard, with the reports it is in, and the rest in files
loaded when those cannot rank the results shown. The real content built with the limit lowered to 5
(`build --search-split-limit 5`) must find the same results, in the same order, with the same
count, as the site built whole, in English and in Welsh; and a query must download less of the
index."""
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, serve
from test_search import search

LIMIT = 5
QUERIES = [
    "probation",                       # in every report
    "domestic abuse risk assessment",  # four words in most reports
    "essex probation",                 # names, then reports
    "2023",                            # in some reports, in the text or the names
    "Laindon",                         # in one report
    "zzzqqq",                          # in none
]


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("split") / "Output"
    subprocess.run([str(ROOT / ".build" / "debug" / "reportsite"), "build", "--content", str(ROOT / "Content"),
                    "--templates", str(ROOT / "Templates"), "--output", str(output),
                    "--search-split-limit", str(LIMIT)], check=True, capture_output=True)
    assert any((output / "search" / "p").iterdir()), "no word was split"
    return output


@pytest.fixture(scope="module")
def split_server(split_site):
    yield from serve(split_site)


def everything_shown(browser, base):
    """The status line and every result, "more" clicked until there is none, each link relative to the site."""
    while browser.find_element(By.ID, "search-more").is_displayed():
        before = len(browser.find_elements(By.CSS_SELECTOR, "#search-results li"))
        browser.find_element(By.ID, "search-more").click()
        WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#search-results li")) > before)
    found = [(a.text, a.get_attribute("href").replace(base, ""), s.text)
             for a, s in zip(browser.find_elements(By.CSS_SELECTOR, "#search-results li > a"),
                             browser.find_elements(By.CSS_SELECTOR, "#search-results li"))]
    return browser.find_element(By.ID, "search-status").text, found


@pytest.mark.parametrize("language", ["", "/cy"])
@pytest.mark.parametrize("query", QUERIES)
def test_split_postings_find_what_whole_ones_do(browser, site, split_site, query, language):
    whole, split = site.as_uri() + language, split_site.as_uri() + language
    search(browser, whole, query)
    first_whole = browser.find_element(By.ID, "search-results").text
    expected = everything_shown(browser, site.as_uri())
    search(browser, split, query)
    # The first page, before any "more": the same results in the same order, the same count.
    assert browser.find_element(By.ID, "search-results").text == first_whole
    assert everything_shown(browser, split_site.as_uri()) == expected


def loaded_bytes(browser, folder):
    """The index's files the page loaded (`/search/s/`, `/search/p/`), with their sizes."""
    names = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    parts = [n for n in names if "/search/s/" in n or "/search/p/" in n]
    return {n: (folder / n.split("/", 3)[3]).stat().st_size for n in parts}


def test_a_query_of_common_words_loads_their_best_postings_alone(browser, server, site, split_server, split_site):
    """Four words in most reports: the page ranks its first ten results from the shards' best
    postings, loading no file of the rest, and downloads less of the index than with whole lists."""
    query = "domestic abuse risk assessment"
    search(browser, server, query)
    whole = loaded_bytes(browser, site)
    search(browser, split_server, query)
    split = loaded_bytes(browser, split_site)
    assert not [n for n in split if "/search/p/" in n], split
    assert sum(split.values()) < sum(whole.values()), (split, whole)
