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
