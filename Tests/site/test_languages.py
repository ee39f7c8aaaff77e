"""The site in English and Welsh, as a reader meets it: every page's counterpart in the other
language, reached by the header's toggle at a desktop's and a phone's width (headless Chromium);
every hreflang pair pointing both ways and every page's `lang` (read from every page); and search on
the Welsh site finding a PDU by either name of a place. axe-core checks each kind of Welsh page in
test_site.py and test_phone.py."""
import pathlib
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver
from test_phone import emulate
from test_site import PAGES, all_html

BASE = "https://example.org/"
LANGUAGES = {"": "en-GB", "cy/": "cy"}


class Head(HTMLParser):
    """The page's `<html lang>`, its hreflang alternates and its language toggle."""

    def __init__(self):
        super().__init__()
        self.lang, self.alternates, self.toggles = None, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs["href"]))
        elif tag == "a" and "language-toggle" in (attrs.get("class") or ""):
            self.toggles.append(attrs)


def head(path):
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def address_to_file(site, url):
    """The file of the site an address under the base URL names."""
    path = url[len(BASE):]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def folder_of(site, page):
    relative = page.relative_to(site).as_posix()
    return "cy/" if relative.startswith("cy/") else ""


def test_every_page_is_in_both_languages(site):
    english = {p.relative_to(site).as_posix() for p in all_html(site) if not p.relative_to(site).as_posix().startswith("cy/")}
    welsh = {p.relative_to(site).as_posix()[3:] for p in all_html(site) if p.relative_to(site).as_posix().startswith("cy/")}
    assert len(english) > 200
    assert english == welsh


def test_every_hreflang_pair_points_both_ways_and_every_page_says_its_language(site):
    """Walks every page: its lang is its folder's language; it lists itself and its counterpart as
    alternates; and the counterpart lists it back."""
    problems, pairs = [], 0
    for page in all_html(site):
        name = page.relative_to(site).as_posix()
        parsed = head(page)
        expected_lang = LANGUAGES[folder_of(site, page)]
        if parsed.lang != expected_lang:
            problems.append(f"{name}: lang {parsed.lang}, not {expected_lang}")
        if page.name == "print.html" or name.endswith("404.html"):
            continue
        languages = [language for language, _ in parsed.alternates]
        if sorted(languages) != sorted(LANGUAGES.values()):
            problems.append(f"{name}: alternates {parsed.alternates}")
            continue
        for language, url in parsed.alternates:
            target = address_to_file(site, url)
            if not target.exists():
                problems.append(f"{name}: {language} alternate {url} is no page")
                continue
            if target == page:
                if language != parsed.lang:
                    problems.append(f"{name}: lists itself as {language}")
                continue
            back = head(target).alternates
            if (parsed.lang, BASE + name.removesuffix("index.html")) not in back:
                problems.append(f"{name}: {url} does not point back ({back})")
            pairs += 1
    print(f"{pairs} hreflang pairs checked both ways")
    assert problems == []
    assert pairs > 400


WELSH_PAGES = {kind: "cy/" + path for kind, path in PAGES.items()}


@pytest.fixture(scope="module", params=[1280, 390])
def window(request):
    """A browser at a desktop's width, and one emulating a phone's."""
    driver = make_driver(width=max(request.param, 500))
    emulate(driver, request.param)
    yield driver
    driver.quit()


@pytest.mark.parametrize("kind", [k for k in PAGES if k not in ("print", "not found")])
def test_the_toggle_leads_to_the_same_page_in_the_other_language(window, server, kind):
    for start, other, name, lang in ((PAGES[kind], WELSH_PAGES[kind], "Cymraeg", "cy"),
                                    (WELSH_PAGES[kind], PAGES[kind], "English", "en-GB")):
        window.get(f"{server}/{start}")
        toggle = window.find_element(By.CSS_SELECTOR, "header a.language-toggle")
        assert toggle.is_displayed()
        assert toggle.text == name
        assert toggle.get_attribute("lang") == lang and toggle.get_attribute("hreflang") == lang
        size = toggle.size
        assert size["width"] >= 24 and size["height"] >= 24, size
        toggle.click()
        WebDriverWait(window, 10).until(lambda d: urlparse(d.current_url).path == "/" + other)
        assert window.execute_script("return document.documentElement.lang") == lang


@pytest.mark.parametrize("place, pdu", [
    ("Caerdydd", "cardiff-and-the-vale"),
    ("Cardiff", "cardiff-and-the-vale"),
    ("Bro Morgannwg", "cardiff-and-the-vale"),
    ("Wrecsam", "north-wales"),
    ("Abertawe", "swansea-neath-and-port-talbot"),
])
def test_the_welsh_site_finds_a_pdu_by_either_name_of_a_place(browser, server, place, pdu):
    browser.get(f"{server}/cy/search/index.html?q={quote(place)}")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return window.__searchMilliseconds != null"))
    found = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
    assert found, f"nothing found for {place}"
    assert found[0].endswith(f"/cy/pdus/{pdu}/index.html"), found[:3]


def test_the_welsh_site_finds_a_report_by_the_words_of_its_translation(browser, server):
    browser.get(f"{server}/cy/search/index.html?q={quote('Cyhoeddodd Arolygiaeth')}")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return window.__searchMilliseconds != null"))
    found = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
    assert found and found[0].endswith("/cy/inspections/dyfed-powys-2025/index.html"), found[:3]
    snippet = browser.find_element(By.CSS_SELECTOR, "#search-results li .search-snippet").text
    assert "Cyhoeddodd" in snippet
