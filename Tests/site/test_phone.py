"""Phones first: at 390 px every page shows every rating without scrolling sideways, a report's score
and overall rating are on its first screen, the tables stay tables for screen readers, and the front
page starts with the way to a local service and the regions. Headless Chromium keeps windows at least
500 px wide, so a phone is emulated as DevTools does (Emulation.setDeviceMetricsOverride)."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import make_driver
from test_site import PAGES, run_axe

PHONE = 390
FIRST_SCREEN = 800
# The pages whose ratings must all be in view on a phone, with how many badges each shows at least
# (the regional inspection in PAGES publishes no rating).
RATED = {"home": 700, "region": 50, "pdu": 10, "inspection": 10, "re-inspection": 10, "regional inspection": 0}


def emulate(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


@pytest.fixture(scope="module")
def phone():
    driver = make_driver(width=500, height=900)
    emulate(driver, PHONE)
    yield driver
    driver.quit()


def widths(driver):
    return driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, innerWidth]")


@pytest.mark.parametrize("kind", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone, server, kind):
    phone.get(f"{server}/{PAGES[kind]}")
    page, client, inner = widths(phone)
    assert inner == PHONE
    assert page <= client, f"{kind}: the page is {page}px wide in a {client}px viewport"


# Every rating badge a reader can see: a badge inside a visually hidden column heading (a card
# table's thead on a phone, whose names each card's cells repeat as labels) is counted apart.
BADGES = """
const out = {shown: [], hidden: 0, scrolling: []};
for (const badge of document.querySelectorAll('.rating')) {
  const head = badge.closest('table.cards > thead');
  if (head) { if (head.getBoundingClientRect().width <= 1) { out.hidden += 1; continue; } }
  const r = badge.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  out.shown.push([badge.textContent.trim(), r.left, r.right]);
}
for (const box of document.querySelectorAll('.table-scroll')) {
  if (box.scrollWidth > box.clientWidth + 1) out.scrolling.push(box.querySelector('caption') ? box.querySelector('caption').textContent.trim().slice(0, 60) : box.id);
}
return out;
"""


@pytest.mark.parametrize("kind", RATED)
def test_every_rating_badge_is_within_the_phones_width(phone, server, kind):
    phone.get(f"{server}/{PAGES[kind]}")
    found = phone.execute_script(BADGES)
    viewport = widths(phone)[1]
    cut = [b for b in found["shown"] if b[1] < 0 or b[2] > viewport + 0.5]
    print(f"{kind} at {PHONE}px: {len(found['shown'])} badges shown, {found['hidden']} in hidden column headings, "
          f"{len(cut)} cut off, tables scrolling sideways: {found['scrolling']}")
    assert len(found["shown"]) >= RATED[kind]
    assert cut == []
    assert found["scrolling"] == []


def test_a_reports_score_and_overall_rating_are_on_a_phones_first_screen(phone, server):
    phone.get(f"{server}/{PAGES['inspection']}")
    top = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY];"
    score = phone.execute_script(top, ".report-header .headline .score")
    overall = phone.execute_script(top, ".report-header .headline .rating")
    contents = phone.execute_script(top, "#contents")
    print(f"report at {PHONE}px: score at {score[0]:.0f}px, overall rating {overall[0]:.0f}-{overall[1]:.0f}px, contents at {contents[0]:.0f}px")
    assert score[1] <= FIRST_SCREEN and overall[1] <= FIRST_SCREEN
    assert phone.find_element(By.CSS_SELECTOR, ".report-header .headline .rating").text == "Requires improvement"


def ax_table(driver, caption_start):
    """The accessibility tree under the table whose name starts with `caption_start`: each role
    with how many nodes have it, and the names of its column headers."""
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    role = lambda n: n.get("role", {}).get("value")
    name = lambda n: n.get("name", {}).get("value", "")
    tables = [n for n in nodes if role(n) == "table" and name(n).startswith(caption_start)]
    assert len(tables) == 1, [name(n)[:60] for n in nodes if role(n) == "table"]
    counts, headers, stack = {}, [], list(reversed(tables[0].get("childIds", [])))
    while stack:  # depth first, in document order
        node = by_id.get(stack.pop())
        if node is None:
            continue
        counts[role(node)] = counts.get(role(node), 0) + 1
        if role(node) == "columnheader":
            headers.append(name(node).replace("↕", "").strip())  # the sort buttons' arrow
        stack.extend(reversed(node.get("childIds", [])))
    return counts, headers


# A card table on each page kind that has one: its page, its id or selector, and how its name starts.
CARD_TABLES = [
    ("home", "#programme-pdu-2023", "Ratings of every PDU inspected in the programme PDU inspections, 2023 onward"),
    ("home", "#national-pdu-2023-ratings-table", "Number of PDU inspections with each rating, per standard (PDU inspections, 2023 onward)"),
    ("region", "#pdus table", "PDUs of the East of England region"),
    ("pdu", "table.comparison-table", "Ratings of Essex North PDU at each inspection"),
    ("inspection", "#key-questions table", "2.1 Assessment"),
    ("re-inspection", "#ratings table", "1. Organisational arrangements and activity"),
]


@pytest.mark.parametrize("kind,selector,name", CARD_TABLES)
def test_card_tables_are_still_tables_for_screen_readers_on_a_phone(phone, server, kind, selector, name):
    phone.get(f"{server}/{PAGES[kind]}")
    shown = "arguments[0].filter(e => getComputedStyle(e).display !== 'none').length"
    table = phone.find_element(By.CSS_SELECTOR, selector)
    rows = len(table.find_elements(By.CSS_SELECTOR, "tbody tr"))
    columns = phone.execute_script(f"return {shown}", table.find_elements(By.CSS_SELECTOR, "thead th"))
    cells = phone.execute_script(f"return {shown}", table.find_elements(By.CSS_SELECTOR, "tbody td"))
    # Shown as cards: the rows are grids, not table rows.
    assert phone.execute_script("return getComputedStyle(arguments[0]).display", table.find_element(By.CSS_SELECTOR, "tbody tr")) == "grid"
    counts, headers = ax_table(phone, name)
    print(f"{kind} {selector} at {PHONE}px in the accessibility tree: {counts}")
    assert counts.get("row") == rows + 1
    assert counts.get("rowheader") == rows
    assert counts.get("columnheader") == columns
    assert counts.get("cell") == cells
    visible_headers = [th.get_attribute("textContent").replace("↕", "").strip()
                       for th in table.find_elements(By.CSS_SELECTOR, "thead th")][:columns]
    assert headers == visible_headers


def test_a_cards_cells_are_labelled_with_their_columns(phone, server):
    phone.get(f"{server}/index.html")
    row = phone.find_element(By.CSS_SELECTOR, "#programme-pdu-2023 tbody tr")
    headers = [th.get_attribute("textContent").strip() for th in phone.find_elements(By.CSS_SELECTOR, "#programme-pdu-2023 thead th")]
    labels = phone.execute_script(
        "return Array.from(arguments[0].cells).slice(1).map(c => getComputedStyle(c, '::before').content)", row)
    # Every cell but the report link is labelled, in the header's words (the sort arrows aside).
    assert [label.strip('"') for label in labels[:-1]] == [h.replace(" ↕", "").strip() for h in headers[1:-1]]


def test_key_question_tables_stay_readable_on_a_phone(phone, server):
    phone.get(f"{server}/{PAGES['inspection']}")
    questions = phone.execute_script(
        "return Array.from(document.querySelectorAll('.kq-table tbody th')).map(th => th.getBoundingClientRect().width)")
    regional = phone.execute_script(
        "return Array.from(document.querySelectorAll('.kq-table td[data-label=\"Regional median\"]')).map(td => td.getBoundingClientRect().right)")
    assert questions and min(questions) >= 250, f"questions squeezed to {min(questions)}px"
    assert regional and max(regional) <= PHONE


def test_national_table_filters_work_on_a_phone(phone, server):
    phone.get(f"{server}/index.html?region=Wales")
    visible = [r for r in phone.find_elements(By.CSS_SELECTOR, "table.ratings-table tbody tr") if r.is_displayed()]
    assert visible and all(r.get_attribute("data-region") == "Wales" for r in visible)
    Select(phone.find_element(By.NAME, "rating")).select_by_visible_text("Good")
    assert "rating=Good" in phone.current_url
    assert all(r.get_attribute("data-overall") == "Good" for r in phone.find_elements(By.CSS_SELECTOR, "table.ratings-table tbody tr") if r.is_displayed())


@pytest.mark.parametrize("width", [1280, PHONE])
def test_the_front_page_starts_with_a_local_search_and_the_regions(server, width):
    driver = make_driver(width=max(width, 500), height=900)
    try:
        emulate(driver, width)
        driver.get(f"{server}/index.html")
        place = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY];"
        form = driver.execute_script(place, "form.local-search")
        regions = driver.execute_script(place, "#regions-heading")
        first_region = driver.execute_script(place, ".region-list li")
        summary = driver.execute_script(place, "#summary-heading")
        table = driver.execute_script(place, "table.ratings-table")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        print(f"home at {width}px: {height}px tall; search form {form[0]:.0f}-{form[1]:.0f}px, regions at {regions[0]:.0f}px, "
              f"summary at {summary[0]:.0f}px, first table at {table[0]:.0f}px")
        assert form[1] <= 900 and first_region[1] <= 900
        assert form[0] < regions[0] < summary[0] < table[0]
        # The form asks the search page, by a labelled field.
        field = driver.find_element(By.ID, "local-query")
        assert driver.find_element(By.CSS_SELECTOR, "label[for=local-query]").text == "Find your local probation service"
        field.send_keys("Chelmsford")
        field.submit()
        assert driver.current_url.endswith("/search/index.html?q=Chelmsford")
    finally:
        driver.quit()


def test_the_national_summary_counts_every_overall_rating(browser, server, site):
    import re
    browser.get(f"{server}/index.html")
    items = browser.find_elements(By.CSS_SELECTOR, ".overall-counts li")
    counts = {}
    for item in items:
        text = item.text
        number = int(re.search(r"(\d+)$", text).group(1))
        counts[text[: -len(str(number))].strip().rstrip(":")] = number
    pages = len(list(site.glob("inspections/*/index.html")))
    print(f"national summary: {counts} of {pages} inspections")
    assert sum(counts.values()) == pages
    assert list(counts)[:4] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    # The same numbers as the reports themselves say.
    said = {}
    for page in site.glob("inspections/*/index.html"):
        match = re.search(r'<dt>Overall rating</dt><dd><span class="rating rating-[a-z-]+">([^<]+)</span>', page.read_text(encoding="utf-8"))
        if match:
            said[match.group(1)] = said.get(match.group(1), 0) + 1
    assert {k: v for k, v in counts.items() if k in said} == said


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("language", ["", "cy/"])
def test_axe_finds_no_violations_on_a_phone(phone, server, kind, language):
    phone.get(f"{server}/{language}{PAGES[kind]}")
    assert widths(phone)[2] == PHONE
    violations = run_axe(phone)
    print(f"{language}{kind} at {PHONE}px: {len(violations)} axe violations")
    assert violations == []


# Each key question's number of lines: the distinct line boxes of its text.
QUESTION_LINES = """
return Array.from(document.querySelectorAll('.kq-table tbody th[scope=row]')).map(th => {
  const range = document.createRange();
  range.selectNodeContents(th);
  const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
  return [th.textContent.trim().slice(0, 50), tops.size, Math.round(th.getBoundingClientRect().width), Math.round(th.closest('tr').getBoundingClientRect().height)];
});
"""


def test_key_questions_have_the_tables_width_on_a_desktop(browser, server):
    """At 1280 px the question column has the width: no question wraps onto more than three lines,
    and a median too few inspections give is a dash, explained once under the table."""
    browser.get(f"{server}/{PAGES['inspection']}")
    rows = browser.execute_script(QUESTION_LINES)
    for text, lines, width, height in rows:
        print(f"1280px: {lines} line(s), question {width}px wide, row {height}px tall: {text}")
    assert len(rows) >= 12
    assert max(lines for _, lines, _, _ in rows) <= 3
    notes = browser.find_elements(By.CSS_SELECTOR, "#key-questions .table-note")
    assert len(notes) == len(browser.find_elements(By.CSS_SELECTOR, "#key-questions table.kq-table"))
    # The medians' cells are narrow: a figure and its count, or a dash (the reason is for screen readers only).
    cells = browser.execute_script(
        "return Array.from(document.querySelectorAll('.kq-table td[data-label$=\"median\"]')).map(td => td.getBoundingClientRect().width)")
    print(f"1280px: median cells {min(cells):.0f}-{max(cells):.0f}px wide")
    # (A sentence in each cell made them about 270 px; now the column headings set their width.)
    assert cells and max(cells) <= 160
    assert min(width for _, _, width, _ in rows) > 2 * max(cells)


# Every chart text's size as drawn: its computed font size times the SVG's scale on screen.
CHART_TEXT = """
return Array.from(document.querySelectorAll('svg.chart text')).map(t => {
  const ctm = t.getScreenCTM();
  const scale = Math.hypot(ctm.a, ctm.b);
  return [t.closest('svg').id, t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale, t.getBoundingClientRect().height];
});
"""


@pytest.mark.parametrize("kind", ["home", "region"])
@pytest.mark.parametrize("width", [PHONE, 1280])
def test_chart_text_is_at_least_12px(server, kind, width):
    driver = make_driver(width=max(width, 500), height=900)
    try:
        emulate(driver, width)
        driver.get(f"{server}/{PAGES[kind]}")
        texts = driver.execute_script(CHART_TEXT)
        sizes = [size for _, _, size, _ in texts]
        smallest = min(texts, key=lambda t: t[2])
        print(f"{kind} at {width}px: {len(texts)} chart texts, drawn {min(sizes):.1f}-{max(sizes):.1f}px "
              f"(box heights {min(t[3] for t in texts):.1f}-{max(t[3] for t in texts):.1f}px); smallest '{smallest[1]}' in {smallest[0]}")
        assert len(texts) > 20
        assert min(sizes) >= 12
        # Where a chart keeps its size and scrolls sideways, its table of numbers comes before it.
        for chart in driver.find_elements(By.CSS_SELECTOR, ".chart-scroll"):
            figure = chart.find_element(By.XPATH, "ancestor::figure")
            previous = driver.execute_script("return arguments[0].previousElementSibling", figure)
            assert previous is not None and previous.get_attribute("class") == "table-scroll"
        page, client, _ = widths(driver)
        assert page <= client
    finally:
        driver.quit()
