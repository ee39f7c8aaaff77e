"""The pages of the site's own (Content/pages/), the navigation and footer site.yml sets, and what
the accessibility statement and the privacy notice say was checked: the keyboard alone reaches
every control with a visible focus, and no page loads anything from another site or keeps a cookie."""
import pathlib
import re

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from test_site import PAGES, Resources, all_html

ROOT = pathlib.Path(__file__).resolve().parents[2]
SETTINGS = yaml.safe_load((ROOT / "Content" / "site.yml").read_text(encoding="utf-8"))


def list_titles(html, css_class):
    found = re.search(rf'<ul class="{css_class}">(.*?)</ul>', html, re.S)
    assert found, f"no {css_class} list"
    return re.findall(r"<li><a [^>]*>([^<]*)</a></li>", found.group(1))


def test_every_page_has_the_navigation_and_footer_of_site_yml(site):
    """The header and footer links are the ones site.yml lists, in its order, on every page."""
    navigation = [link["title"] for link in SETTINGS["navigation"]]
    footer = [link["title"] for link in SETTINGS["footer"]]
    assert "Accessibility statement" in footer and "Privacy" in footer
    pages = [p for p in all_html(site) if p.name != "print.html"]
    assert len(pages) > 200
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert list_titles(html, "site-nav") == navigation, page
        assert list_titles(html, "footer-nav") == footer, page


@pytest.mark.parametrize("name", ["about", "accessibility", "privacy"])
def test_the_sites_own_pages_are_made_and_linked_from_the_footer(site, name):
    page = site / name / "index.html"
    source = (ROOT / "Content" / "pages" / f"{name}.md").read_text(encoding="utf-8")
    title = re.search(r'^title: "([^"]*)"', source, re.M).group(1)
    html = page.read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html
    assert f'<a href="../{name}/index.html" aria-current="page">' in html
    assert f"/{name}/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def focus_state(browser):
    """What the focused element is and how its focus shows."""
    return browser.execute_script("""
        const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: e.tagName, cls: e.className || '', id: e.id || '', text: (e.textContent || '').trim().slice(0, 40),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none',
                width: r.width, height: r.height, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                viewport: [innerWidth, innerHeight], body: e === document.body};
    """)


KEYBOARD_PAGES = ["home", "inspection", "search", "methodology", "about", "accessibility"]


@pytest.mark.parametrize("kind", KEYBOARD_PAGES)
def test_the_keyboard_alone_reaches_every_control_with_a_visible_focus(browser, server, kind):
    """Tab from the top: the skip link comes first and takes the focus to the main content; every
    element Tab reaches shows a focus indicator (an outline or a ring) and is on screen."""
    browser.get(f"{server}/{PAGES[kind]}")
    keys = ActionChains(browser)
    keys.send_keys(Keys.TAB).perform()
    first = focus_state(browser)
    assert first["cls"] == "skip-link" and first["text"] == "Skip to main content", first
    assert first["outline"] or first["shadow"], first
    assert first["left"] >= 0 and first["top"] >= 0 and first["width"] > 0, f"the skip link is off screen: {first}"

    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return document.activeElement.id") == "main"

    browser.get(f"{server}/{PAGES[kind]}")
    focusable = browser.execute_script(
        "return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').length")
    reached, problems = 0, []
    for _ in range(focusable + 2):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        state = focus_state(browser)
        if state["body"] or (reached and state["cls"] == "skip-link"):
            break
        reached += 1
        if not (state["outline"] or state["shadow"]):
            problems.append(f"no focus indicator: {state}")
        if state["width"] <= 0 or state["height"] <= 0 or state["right"] < 0 or state["left"] > state["viewport"][0] \
                or state["bottom"] < 0 or state["top"] > state["viewport"][1]:
            problems.append(f"focused but not on screen: {state}")
    print(f"{kind}: {reached} of {focusable} focusable elements reached by Tab")
    assert reached >= min(focusable, 10)
    assert problems == []


def test_no_page_loads_anything_from_another_site(site):
    """As the privacy notice says: every stylesheet, script, image and icon of every page is the site's own."""
    problems = []
    for page in all_html(site):
        parser = Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {u}" for u in parser.urls if re.match(r"^[a-z][a-z0-9+.-]*:|^//", u)]
    assert problems == []
    for script in site.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert "document.cookie" not in text and "localStorage" not in text and "sessionStorage" not in text, script


@pytest.mark.parametrize("kind", ["home", "search", "about", "privacy"])
def test_a_visit_sets_no_cookie_and_asks_no_other_site(browser, server, kind):
    browser.delete_all_cookies()
    browser.get(f"{server}/{PAGES[kind]}")
    if kind == "search":
        field = browser.find_element(By.ID, "search-query")
        field.send_keys("Essex")
    assert browser.get_cookies() == []
    assert browser.execute_script("return document.cookie") == ""
    assert browser.execute_script("return localStorage.length + sessionStorage.length") == 0
    requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(server) for url in requested), requested
