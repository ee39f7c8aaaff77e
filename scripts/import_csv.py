#!/usr/bin/env python3
"""Turn the research CSVs into Content/ files for reportsite.

Reads
  published_ratings.csv  one row per published PDU inspection (79 rows)
  pdus.csv               one row per PDU: region, pdu, source (109 rows)
and writes
  <content>/regions/<slug>.md      one per probation region (12)
  <content>/inspections/<slug>.md  one per ratings row

The format is docs/content-format.md. Every value written comes from the CSVs, or from the
explicit, cited tables below (RULES.md §4.2, §4.3 and §5.2); nothing is invented, and a
value the sources do not give is left out.

Run from the repository root:

    python3 scripts/import_csv.py [--ratings ../shared/data/published_ratings.csv]
                                  [--pdus ../shared/data/pdus.csv] [--content Content] [--prune]

"published_ratings.csv row N" counts data rows from 1 (the header is not a row), so row N is
line N+1 of the file.

Rules:
- Exits 1, naming the row, when a ratings row's PDU resolves to no PDU (by name or alias) in its
  region, when a value is malformed, or when two rows would get the same slug.
- Never overwrites a hand-written inspection file (essex-south-2024.md is transcribed in full by
  hand; any existing file that this script did not generate is left alone). Such rows are still
  counted.
- Deterministic and idempotent: output is sorted and a file is only rewritten when its text changes.
- Only the Python standard library is needed. When PyYAML happens to be importable, every file
  written is parsed back with it as a final check.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import re
import sys
import unicodedata
from collections import OrderedDict

# --------------------------------------------------------------------------------------------
# Sourced tables
# --------------------------------------------------------------------------------------------

REGIONS = [  # RULES.md §4.1: the 12 Probation Service regions
    "Wales", "North West", "Greater Manchester", "North East", "Yorkshire and the Humber",
    "West Midlands", "East Midlands", "East of England", "London", "South West", "South Central",
    "Kent, Surrey and Sussex",
]

# RULES.md §4.3 "Naming aliases the generator must map". Only names that HM Inspectorate of
# Probation reports, press releases or published_ratings.csv use are aliases here; MoJ-only labels
# ("East Sussex (includes Brighton and Hove)", "West Cheshire"/"East Cheshire", "Cardiff and the
# Vale of Glamorgan") are not names reports use, so they are left out.
# (region, canonical name) -> aliases
ALIASES = {
    ("East of England", "Cambridgeshire and Peterborough"):
        ["Cambridge and Peterborough"],  # seed 004; the name published_ratings.csv uses
    ("North West", "Blackburn"):
        ["Blackburn with Darwen"],  # HMI press release "Blackburn with Darwen PDU"
    ("North East", "Gateshead and South Tyneside"):
        ["South Tyneside and Gateshead"],  # 2022 HMI press release
    ("London", "Hammersmith, Fulham, Kensington, Chelsea and Westminster"):
        ["HFKCW", "Hammersmith, Fulham, Kensington, Chelsea & Westminster"],  # seed 002; HMI
    ("Wales", "Swansea, Neath and Port Talbot"):
        ["Swansea NPT", "Swansea Neath Port Talbot"],  # HMI report names
    ("South Central", "Portsmouth and Isle of Wight"):
        ["Portsmouth & IoW"],  # HMI 2023 report "Portsmouth & IoW PDU"
    ("East of England", "Northamptonshire"):
        ["Northants"],  # seed 002
    ("West Midlands", "Staffordshire and Stoke"):
        ["Staffordshire & Stoke"],  # HMI name before the 2025 split (the former PDU below)
}

# RULES.md §4.2 "Later changes": PDUs that published_ratings.csv names but pdus.csv (the current
# list) no longer has. Kept as former PDUs so their inspections have a home.
# (region, name) -> note
FORMER_PDUS = {
    ("Greater Manchester", "Tameside"):
        "No longer a PDU: when Greater Manchester went from 9 PDUs to 8, Tameside became part of "
        "Stockport and Tameside.",
    ("West Midlands", "Staffordshire and Stoke"):
        "No longer a PDU: split into Staffordshire North and Staffordshire South in March 2025.",
}

# RULES.md §4.2: flagged, not dropped, because HMI's West Midlands count of 11 includes it.
PDU_NOTES = {
    ("West Midlands", "Birmingham Courts and Centralised Functions"):
        "Non-geographic: not a local area. It is listed because HM Inspectorate of Probation says "
        "the West Midlands region covers 11 PDUs, which only adds up if this unit is counted.",
}

# RULES.md §5.2: ratings of the 2021-2023 standards 1.4 Information and facilities and 2.1 Court
# work, for which published_ratings.csv has no columns. These are sourced values (the origin of
# each is in its source line). Keyed by (programme, PDU name as in the CSV).
EXTRA_2021_RATINGS = {
    ("2021-2023", "Essex North"): (
        {"information_and_facilities": "Requires improvement", "court_work": "Inadequate"},
        "RULES.md §5.2: information_and_facilities and court_work from seed 003 Annexe 2"),
    ("2021-2023", "Northamptonshire"): (
        {"information_and_facilities": "Requires improvement", "court_work": "Outstanding"},
        "RULES.md §5.2: information_and_facilities and court_work from seed 003 Annexe 2"),
    ("2021-2023", "Birmingham North, East and Solihull"): (
        {"information_and_facilities": "Requires improvement", "court_work": "Inadequate"},
        "RULES.md §5.2: information_and_facilities and court_work from "
        "https://www.bbc.co.uk/news/uk-england-62568516"),
    ("2021-2023", "Hammersmith, Fulham, Kensington, Chelsea and Westminster"): (
        {"information_and_facilities": "Inadequate", "court_work": "Inadequate"},
        "RULES.md §5.2: information_and_facilities and court_work Inadequate by arithmetic (score 0/27)"),
    ("2021-2023", "Staffordshire and Stoke"): (
        {"court_work": "Inadequate"},
        "RULES.md §5.2: court_work from the HMI press release ('all five dimensions of case work' "
        "Inadequate)"),
}

PROGRAMMES = {  # published_ratings.csv `programme` -> framework id, slug suffix, standards in order
    "2021-2023": ("pdu-2021", "2021", [
        "leadership", "staff", "services", "information_and_facilities", "court_work",
        "assessment", "planning", "implementation", "reviewing"]),
    "2023-present": ("pdu-2023", "2023", [
        "leadership", "staffing", "services", "assessment", "planning", "implementation",
        "reviewing"]),
}
RATING_COLUMNS = ["leadership", "staffing", "services", "assessment", "planning", "implementation",
                  "reviewing"]
COLUMN_TO_STANDARD = {  # the 2021 framework calls standard 1.2 "Staff"
    "pdu-2021": {"staffing": "staff"},
    "pdu-2023": {},
}
RATINGS = ["Inadequate", "Requires improvement", "Good", "Outstanding"]

# The pdus.csv source cells are long; a region file lists a short form of each. Every pattern
# that matches a source cell contributes its label; a cell that matches none is kept whole.
SOURCE_LABELS = [
    (r"20230405161957__add_list_of_pdus_to_table",
     "MoJ list of PDUs, April 2023 (ministryofjustice/hmpps-approved-premises-api)"),
    (r"20240422101317__add_list_of_pdus_to_table",
     "MoJ list of PDUs, April 2024 (ministryofjustice/hmpps-approved-premises-api)"),
    (r"correct_pdu_spelling",
     "MoJ spelling fix 'Middlesbrough' (ministryofjustice/hmpps-approved-premises-api)"),
    (r"split_staffordshire_and_stoke_pdu",
     "MoJ split of Staffordshire and Stoke, March 2025 (ministryofjustice/hmpps-approved-premises-api)"),
    (r"hmpps-electronic-monitoring-create-an-order",
     "MoJ electronic monitoring PDU lists DDV5 to DDV7 "
     "(ministryofjustice/hmpps-electronic-monitoring-create-an-order)"),
    (r"gaps-in-public-protection-practice-in-greater-manchester",
     "HMI Probation press release listing the 8 Greater Manchester PDUs: https://hmiprobation."
     "justiceinspectorates.gov.uk/news/gaps-in-public-protection-practice-in-greater-manchester-"
     "region-of-the-probation-service"),
    (r"covers 11 Probation Delivery Units",
     "HMI Probation press release: the West Midlands 'covers 11 Probation Delivery Units'"),
    (r"seed 004 Appendix 1 lists exactly these (\d+)",
     r"seed 004 Appendix 1 lists exactly these \1 PDU reports"),
    (r"seed 000: Essex South 'one of eight PDUs",
     "seed 000: Essex South is 'one of eight PDUs in the East of England region'"),
    (r"'Cambridge and Peterborough PDU' \(seed 004\)",
     "HMI names 'Cambridge and Peterborough PDU' (seed 004) and 'Cambridgeshire and Peterborough "
     "PDU' (press release)"),
    (r"HMI uses 'Cheshire West PDU' and 'Blackburn with Darwen PDU'",
     "HMI names 'Cheshire West PDU' and 'Blackburn with Darwen PDU' (MoJ: 'West Cheshire', "
     "'East Cheshire')"),
    (r"MoJ label 'East Sussex \(includes Brighton and Hove\)'",
     "MoJ label 'East Sussex (includes Brighton and Hove)' for Brighton and East Sussex"),
    (r"2025 HMI reports exist for all six",
     "2025 HMI reports exist for all six PDUs (see published_ratings.csv)"),
    (r"HMI 2023 report 'Portsmouth & IoW PDU'",
     "HMI 2023 report name 'Portsmouth & IoW PDU' (2023 MoJ name 'Hampshire South and Isle of Wight')"),
    (r"2023 MoJ name 'Hampshire South West'",
     "2023 MoJ name 'Hampshire South West' for Southampton, Eastleigh and New Forest"),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

GENERATED_MARK = "this page carries the ratings that public sources give"
ROW_SOURCE = re.compile(r'^\s*- "published_ratings\.csv row \d+"\s*$', re.M)


class ImportError_(Exception):
    """A problem in the input data; printed and turned into exit status 1."""


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def slugify(text: str) -> str:
    """The same rule as Slug.make in Sources/ReportSite/Model/Slug.swift."""
    out, pending = [], False
    for ch in text:
        folded = None
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            folded = ch
        elif "A" <= ch <= "Z":
            folded = ch.lower()
        elif ch != "&":
            base = unicodedata.normalize("NFD", ch)[0]
            if base != ch and base.isascii() and base.isalnum():
                folded = base.lower()
        if folded is None:
            pending = True
        else:
            if pending and out:
                out.append("-")
            pending = False
            out.append(folded)
    return "".join(out)


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    if any(ord(c) < 0x20 for c in text):
        raise ImportError_(f"control character in value {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(text: str, where: str) -> tuple:
    m = DATE_RE.match(text)
    if not m:
        raise ImportError_(f"{where}: '{text}' is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise ImportError_(f"{where}: '{text}' is not a real date") from None
    return year, month, day


def date_yaml(text: str) -> str:
    # A full date is written plain (as the hand-written files do); a partial one is quoted so no
    # YAML reader takes "2024-02" for anything but a string.
    return text if len(text) == 10 else q(text)


def date_prose(text: str) -> tuple:
    """("on", "24 October 2024") or ("in", "October 2024") or ("in", "2024")."""
    year, month, day = check_date(text, "date")
    if day:
        return "on", f"{day} {MONTHS[month - 1]} {year}"
    if month:
        return "in", f"{MONTHS[month - 1]} {year}"
    return "in", str(year)


def split_sources(cell: str) -> list:
    """Split a source cell on '; ' outside parentheses (several cells have '; ' inside them)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(cell):
        c = cell[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and cell.startswith("; ", i):
            parts.append(cell[start:i])
            start = i + 2
            i += 1
        i += 1
    parts.append(cell[start:])
    return [p.strip() for p in parts if p.strip()]


def short_source(cell: str) -> list:
    labels = []
    for pattern, label in SOURCE_LABELS:
        m = re.search(pattern, cell)
        if m:
            labels.append("pdus.csv: " + m.expand(label))
    return labels or ["pdus.csv: " + cell.strip()]


def write_if_changed(path: str, text: str, written: list, unchanged: list) -> None:
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                unchanged.append(path)
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)
    written.append(path)


def is_generated(path: str) -> bool:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return bool(ROW_SOURCE.search(text)) and GENERATED_MARK in text


def read_csv(path: str, columns: list) -> list:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportError_(f"{path}: missing column(s) {', '.join(missing)}")
        rows = []
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ImportError_(f"{path} row {len(rows) + 1}: wrong number of cells")
            rows.append({k: v.strip() for k, v in row.items()})
        return rows


# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------

def build_regions(pdu_rows: list) -> "OrderedDict[str, dict]":
    regions = OrderedDict()
    for name in sorted(REGIONS):
        regions[name] = {"name": name, "slug": slugify(name), "pdus": [], "sources": []}
    for n, row in enumerate(pdu_rows, 1):
        region = regions.get(row["region"])
        if region is None:
            raise ImportError_(f"pdus.csv row {n}: unknown region '{row['region']}'")
        if not row["pdu"]:
            raise ImportError_(f"pdus.csv row {n}: empty PDU name")
        if any(p["name"] == row["pdu"] for p in region["pdus"]):
            raise ImportError_(f"pdus.csv row {n}: '{row['pdu']}' listed twice in {row['region']}")
        region["pdus"].append({"name": row["pdu"], "former": False})
        for label in short_source(row["source"]):
            if label not in region["sources"]:
                region["sources"].append(label)
    for (region_name, pdu), note in FORMER_PDUS.items():
        region = regions[region_name]
        if any(p["name"] == pdu for p in region["pdus"]):
            raise ImportError_(f"former PDU '{pdu}' is also a current PDU in pdus.csv")
        region["pdus"].append({"name": pdu, "former": True, "note": note})
        label = "RULES.md §4.2: former PDUs kept for their inspections"
        if label not in region["sources"]:
            region["sources"].append(label)
    for (region_name, pdu), note in PDU_NOTES.items():
        match = [p for p in regions[region_name]["pdus"] if p["name"] == pdu]
        if len(match) != 1:
            raise ImportError_(f"PDU_NOTES: no PDU '{pdu}' in {region_name}")
        match[0]["note"] = note
    for (region_name, pdu), aliases in ALIASES.items():
        match = [p for p in regions[region_name]["pdus"] if p["name"] == pdu]
        if len(match) != 1:
            raise ImportError_(f"ALIASES: no PDU '{pdu}' in {region_name}")
        match[0]["aliases"] = list(aliases)
        label = "RULES.md §4.3: names used in HMI reports (aliases)"
        if label not in regions[region_name]["sources"]:
            regions[region_name]["sources"].append(label)
    seen = {}
    for region in regions.values():
        # current PDUs first, then former ones; each group by name
        region["pdus"].sort(key=lambda p: (p["former"], p["name"]))
        region["sources"].sort()
        for pdu in region["pdus"]:
            pdu["slug"] = slugify(pdu["name"])
            for name in [pdu["name"]] + pdu.get("aliases", []):
                if name in seen:
                    raise ImportError_(f"PDU name or alias '{name}' is used twice "
                                       f"({seen[name]} and {region['name']})")
                seen[name] = region["name"]
    return regions


def region_text(region: dict) -> str:
    lines = ["---", f"name: {q(region['name'])}", "pdus:"]
    for pdu in region["pdus"]:
        lines.append(f"  - name: {q(pdu['name'])}")
        if pdu.get("aliases"):
            lines.append(f"    aliases: [{', '.join(q(a) for a in pdu['aliases'])}]")
        if pdu["former"]:
            lines.append("    former: true")
        if pdu.get("note"):
            lines.append(f"    note: {q(pdu['note'])}")
    lines.append("sources:")
    lines += [f"  - {q(s)}" for s in region["sources"]]
    lines.append("---")
    count = sum(1 for p in region["pdus"] if not p["former"])
    lines.append(f"The {region['name']} region has {count} PDU{'' if count == 1 else 's'}.")
    return "\n".join(lines) + "\n"


def resolve(region: dict, name: str):
    for pdu in region["pdus"]:
        if pdu["name"] == name or name in pdu.get("aliases", []):
            return pdu
    return None


# --------------------------------------------------------------------------------------------
# Inspections
# --------------------------------------------------------------------------------------------

def build_inspection(n: int, row: dict, regions: dict) -> dict:
    where = f"published_ratings.csv row {n} ({row['pdu']}, {row['programme']})"
    region = regions.get(row["region"])
    if region is None:
        raise ImportError_(f"{where}: unknown region '{row['region']}'")
    pdu = resolve(region, row["pdu"])
    if pdu is None:
        raise ImportError_(f"{where}: PDU '{row['pdu']}' is not a PDU or alias in "
                           f"regions/{region['slug']}.md")
    if row["programme"] not in PROGRAMMES:
        raise ImportError_(f"{where}: unknown programme '{row['programme']}'")
    framework, programme_year, standards = PROGRAMMES[row["programme"]]

    fields = OrderedDict()
    fields["title"] = q(f"An inspection of probation services in {row['pdu']} PDU")
    fields["type"] = "pdu"
    fields["pdu"] = q(row["pdu"])
    fields["region"] = region["slug"]
    fields["framework"] = framework
    for key in ("published", "fieldwork_start"):
        if row[key]:
            check_date(row[key], f"{where}: {key}")
            fields[key] = date_yaml(row[key])
    for key in ("score", "max_score"):
        if row[key]:
            if not re.fullmatch(r"\d+", row[key]):
                raise ImportError_(f"{where}: {key} '{row[key]}' is not a whole number")
            fields[key] = str(int(row[key]))
    if row["overall"]:
        if row["overall"] not in RATINGS:
            raise ImportError_(f"{where}: overall '{row['overall']}' is not a rating")
        fields["overall"] = q(row["overall"])

    ratings = {}
    for column in RATING_COLUMNS:
        if row[column]:
            if row[column] not in RATINGS:
                raise ImportError_(f"{where}: {column} '{row[column]}' is not a rating")
            ratings[COLUMN_TO_STANDARD[framework].get(column, column)] = row[column]
    sources = split_sources(row["source"])
    extra = EXTRA_2021_RATINGS.get((row["programme"], row["pdu"]))
    if extra:
        values, source = extra
        for standard, rating in values.items():
            if standard in ratings:
                raise ImportError_(f"{where}: extra rating {standard} is also in the CSV")
            ratings[standard] = rating
        sources.append(source)
    for standard in ratings:
        if standard not in standards:
            raise ImportError_(f"{where}: {framework} has no standard '{standard}'")
    sources.append(f"published_ratings.csv row {n}")

    if row["published"]:
        year = row["published"][:4]
    elif row["fieldwork_start"]:
        year = row["fieldwork_start"][:4]
    else:
        year = "programme-" + programme_year
    slug = f"{pdu['slug']}-{year}"

    # Body: only the row's own values.
    name = f"{row['pdu']} PDU"
    if row["published"]:
        prep, when = date_prose(row["published"])
        first = f"HM Inspectorate of Probation published this inspection of {name} {prep} {when}."
        if row["fieldwork_start"]:
            prep2, when2 = date_prose(row["fieldwork_start"])
            first += f" Fieldwork started {prep2} {when2}."
    elif row["fieldwork_start"]:
        prep, when = date_prose(row["fieldwork_start"])
        first = (f"HM Inspectorate of Probation's fieldwork for this inspection of {name} started "
                 f"{prep} {when}; the sources used here do not give the publication date.")
    else:
        programme = ("2021 to 2023 programme of PDU inspections" if programme_year == "2021"
                     else "programme of PDU inspections that began in 2023")
        first = (f"This inspection of {name} was part of HM Inspectorate of Probation's {programme}; "
                 f"the sources used here do not give its publication date.")
    body = (first + " The full report is published by the Inspectorate; "
            + GENERATED_MARK + ".")

    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    if ratings:
        lines.append("ratings:")
        for standard in standards:
            if standard in ratings:
                lines.append(f"  {standard}: {q(ratings[standard])}")
    lines.append("sources:")
    lines += [f"  - {q(s)}" for s in sources]
    lines.append("---")
    lines.append(body)
    return {"slug": slug, "row": n, "text": "\n".join(lines) + "\n", "where": where,
            "expect": {"row": row, "ratings": ratings, "sources": sources, "region": region["slug"],
                       "framework": framework}}


# --------------------------------------------------------------------------------------------
# Final check with PyYAML (optional)
# --------------------------------------------------------------------------------------------

def yaml_check(region_files: dict, inspections: list, content: str) -> str:
    try:
        import yaml  # noqa: F401  (only for this check; not needed to run the script)
    except ImportError:
        return "PyYAML not importable: YAML parse check skipped"

    def front(text: str, path: str) -> dict:
        if not text.startswith("---\n"):
            raise ImportError_(f"{path}: no front matter")
        end = text.index("\n---\n", 4)
        data = yaml.safe_load(text[4:end])
        if not isinstance(data, dict):
            raise ImportError_(f"{path}: front matter is not a mapping")
        return data

    def as_text(value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    for path, region in region_files.items():
        data = front(region_text(region), path)
        assert data["name"] == region["name"], path
        assert [p["name"] for p in data["pdus"]] == [p["name"] for p in region["pdus"]], path
        for got, want in zip(data["pdus"], region["pdus"]):
            assert got.get("aliases", []) == want.get("aliases", []), path
            assert got.get("former", False) == want["former"], path
            assert got.get("note") == want.get("note"), path
        assert data["sources"] == region["sources"], path
    for item in inspections:
        path = os.path.join(content, "inspections", item["slug"] + ".md")
        data = front(item["text"], path)
        row, exp = item["expect"]["row"], item["expect"]
        want = {"title": f"An inspection of probation services in {row['pdu']} PDU", "type": "pdu",
                "pdu": row["pdu"], "region": exp["region"], "framework": exp["framework"]}
        for key in ("published", "fieldwork_start", "overall"):
            if row[key]:
                want[key] = row[key]
        for key in ("score", "max_score"):
            if row[key]:
                want[key] = int(row[key])
        if exp["ratings"]:
            want["ratings"] = exp["ratings"]
        want["sources"] = exp["sources"]
        got = {k: as_text(v) for k, v in data.items()}
        if got != want:
            raise ImportError_(f"{path}: front matter reads back differently:\n  {got}\n  {want}")
    return f"PyYAML {yaml.__version__}: every file written parses and reads back as intended"


# --------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ratings", default="../shared/data/published_ratings.csv")
    parser.add_argument("--pdus", default="../shared/data/pdus.csv")
    parser.add_argument("--content", default="Content")
    parser.add_argument("--prune", action="store_true",
                        help="delete generated inspection files that no row produces any more")
    args = parser.parse_args(argv)

    try:
        pdu_rows = read_csv(args.pdus, ["region", "pdu", "source"])
        rating_rows = read_csv(args.ratings, ["pdu", "region", "programme", "published",
                                              "fieldwork_start", "score", "max_score", "overall",
                                              *RATING_COLUMNS, "source"])
        regions = build_regions(pdu_rows)

        inspections, by_slug = [], {}
        for n, row in enumerate(rating_rows, 1):
            item = build_inspection(n, row, regions)
            if item["slug"] in by_slug:
                raise ImportError_(f"{item['where']}: slug '{item['slug']}' is also made by "
                                   f"{by_slug[item['slug']]['where']}")
            if "-region-" in item["slug"]:
                raise ImportError_(f"{item['where']}: slug '{item['slug']}' looks like a regional one")
            by_slug[item["slug"]] = item
            inspections.append(item)
        for key in EXTRA_2021_RATINGS:
            if sum(1 for r in rating_rows if (r["programme"], r["pdu"]) == key) != 1:
                raise ImportError_(f"EXTRA_2021_RATINGS: {key} matches no single ratings row")
        inspections.sort(key=lambda i: i["slug"])
    except ImportError_ as error:
        print(f"import_csv: error: {error}", file=sys.stderr)
        return 1

    region_dir = os.path.join(args.content, "regions")
    inspection_dir = os.path.join(args.content, "inspections")
    os.makedirs(region_dir, exist_ok=True)
    os.makedirs(inspection_dir, exist_ok=True)

    written, unchanged, kept = [], [], []
    region_files = OrderedDict()
    for region in regions.values():
        path = os.path.join(region_dir, region["slug"] + ".md")
        region_files[path] = region
        write_if_changed(path, region_text(region), written, unchanged)
    generated = []
    for item in inspections:
        path = os.path.join(inspection_dir, item["slug"] + ".md")
        if os.path.exists(path) and not is_generated(path):
            kept.append(path)  # hand-written (e.g. essex-south-2024.md): never overwritten
            continue
        write_if_changed(path, item["text"], written, unchanged)
        generated.append(item)

    stale = []
    produced = {i["slug"] + ".md" for i in inspections}
    for name in sorted(os.listdir(inspection_dir)):
        path = os.path.join(inspection_dir, name)
        if name.endswith(".md") and name not in produced and is_generated(path):
            stale.append(path)
    for path in stale:
        if args.prune:
            os.remove(path)

    try:
        check = yaml_check(region_files, generated, args.content)
    except (ImportError_, AssertionError) as error:
        print(f"import_csv: error: check failed: {error}", file=sys.stderr)
        return 1

    print(f"regions: {len(regions)} files; inspections: {len(rating_rows)} rows -> "
          f"{len(generated)} generated + {len(kept)} kept as hand-written")
    print(f"written {len(written)}, unchanged {len(unchanged)}")
    for path in kept:
        print(f"kept (not generated by this script): {path}")
    for path in stale:
        print(f"{'deleted' if args.prune else 'stale (rerun with --prune to delete)'}: {path}")
    print(check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
