"""The open data as a spreadsheet reads it: the site's CSV, made from content whose titles and
region name hold formulas behind blanks and separators, opened by LibreOffice Calc (headless) with
`,`, `;` and tab as the separator, one at a time and all together, with formulas evaluated and
spaces trimmed (the settings most in an attacker's favour). No cell of any result may be a formula.

LibreOffice (`libreoffice-calc-nogui`) is installed by Tests/site/install_site_test_tools.sh; where
it is missing the test is skipped with a message saying so."""
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, small_content

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# Each line is (file, field, value as YAML writes it in double quotes). Formulas after a space, a
# no-break space, an em space, a tab, a line break and a quote, at a field's start and after `,` and `;`.
HOSTILE = [
    ("inspections/essex-south-2024.md", "title", r" =1+1 and Essex;=2+2, @SUM(1;2)"),
    ("inspections/essex-north-2024.md", "title", r"\u00A0=3+3;\t-4+4\n+5+5"),
    ("inspections/bedfordshire-2024.md", "title", r"\t=6+6 x;\"=7+7 y; \u3000=8+8"),
    ("regions/east-of-england.md", "name", r"\u2003=9+9 East;\u00A0@SUM(1)"),
]
# LibreOffice's CSV filter: separators (character codes, `/` between), text delimiter `"`, UTF-8,
# from line 1, no column formats, default language, quoted fields not forced to text, special
# numbers detected, (two export-only tokens), spaces trimmed, (sheet), formulas evaluated.
SEPARATORS = {"comma": "44", "semicolon": "59", "tab": "9", "all three": "44/59/9"}


def filter_options(separators):
    return f"CSV:{separators},34,76,1,,0,false,true,false,false,true,-1,true"


@pytest.fixture(scope="module")
def hostile_csv(tmp_path_factory):
    folder = tmp_path_factory.mktemp("open-data")
    content = small_content(folder)
    for file, field, value in HOSTILE:
        path = content / file
        text, count = re.subn(rf'^{field}: ".*"$', lambda _: f'{field}: "{value}"', path.read_text(), count=1, flags=re.M)
        assert count == 1, (file, field)
        path.write_text(text)
    output = folder / "Output"
    run = subprocess.run([str(ROOT / ".build" / "debug" / "reportsite"), "build", "--content", str(content),
                          "--templates", str(ROOT / "Templates"), "--output", str(output)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return output / "data" / "inspections.csv"


def cells(fods):
    """(text, is a formula) of every cell of a flat OpenDocument spreadsheet."""
    found = []
    for attributes, inner in re.findall(r"<table:table-cell\b([^>]*?)(?:/>|>(.*?)</table:table-cell>)", fods, re.S):
        found.append((re.sub(r"<[^>]+>", "", inner).strip(), "table:formula=" in attributes))
    return found


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui); "
                                           "Tests/site/install_site_test_tools.sh installs it")
@pytest.mark.parametrize("separators", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_no_cell_of_the_open_data_is_a_formula_in_a_spreadsheet(hostile_csv, tmp_path, separators):
    csv = hostile_csv.read_text(encoding="utf-8")
    # The hostile values reached the file.
    assert all(part in csv for part in ["=1+1", "=2+2", "=3+3", "-4+4", "+5+5", "=6+6", "=7+7", "=8+8", "=9+9", "@SUM(1)"]), csv
    run = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                          f"--infilter={filter_options(separators)}", "--convert-to", "fods", "--outdir", str(tmp_path),
                          str(hostile_csv)], capture_output=True, text=True, timeout=240)
    result = tmp_path / "inspections.fods"
    assert result.exists(), run.stdout + run.stderr
    found = cells(result.read_text(encoding="utf-8"))
    read = " ".join(text for text, _ in found)
    assert all(slug in read for slug in ("essex-south-2024", "essex-north-2024", "bedfordshire-2024")), read[:500]
    formulas = [text for text, formula in found if formula]
    assert formulas == [], f"formula cells with separators {separators}: {formulas}"
    # The values are there as text: a trimmed cell starts with the `'` put before the formula.
    texts = [text for text, _ in found]
    assert any("=2+2" in text for text in texts), texts[:40]
