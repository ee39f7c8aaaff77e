"""The README is a front door a newcomer can read, and no document names what a reader cannot follow."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Local file names of the working sources, issue numbers, and folders outside the project.
UNFOLLOWABLE = re.compile(r"seed[: ]?\d{3}|\b(?:annual-report-20\d\d(?:-slides)?|essex-south-pdu-2024|east-of-england-regional-letter-2022)\.txt"
                          r"|published_ratings\.csv|pdus\.csv|RULES\.md|\.\./shared|\bissue #?\d+|(?<![\w/&])#\d{1,3}\b",
                          re.IGNORECASE)


def test_the_readme_is_short():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 250


def test_no_document_mentions_a_local_seed_file_or_an_issue_number():
    found = [f"{doc.relative_to(ROOT)}:{number}: {match.group(0)}"
             for doc in DOCS
             for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1)
             for match in UNFOLLOWABLE.finditer(line)]
    assert found == []


def test_every_document_the_readme_links_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((docs/[^)#]+)", readme)
    assert len(links) >= 8
    assert [link for link in links if not (ROOT / link).exists()] == []


def test_the_dependency_table_names_every_package_of_the_manifest():
    """docs/architecture.md says why each dependency is there: every package Package.swift names, at its major version."""
    manifest = (ROOT / "Package.swift").read_text(encoding="utf-8")
    packages = re.findall(r'\.package\(url: "https://github\.com/([^"]+?)(?:\.git)?", from: "(\d+)\.', manifest)
    assert len(packages) >= 6
    table = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split("### Dependencies, and why each is there", 1)[1]
    rows = dict(re.findall(r"^\| \[([\w.-]+/[\w.-]+)\]\(https://github\.com/[^)]+\) (\d+) \|", table, re.MULTILINE))
    assert {name: major for name, major in packages} == rows
