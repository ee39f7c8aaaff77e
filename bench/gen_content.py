#!/usr/bin/env python3
"""Writes a synthetic content folder of N inspection reports, for benchmarks only.

usage: python3 bench/gen_content.py N DIR [--seed S] [--size BYTES]

The issue that asked for the benchmark named `../shared/bench/gen_content.py`; that script was not on
this machine, so this one does the job it describes: N reports with front matter giving region, PDU,
ratings and key-question percentages, and Markdown bodies of about 25 KB (`--size`). The output is in
reportsite's own content format: DIR gets `site.yml`, the real frameworks, glossary, regions and
pages (which `site.yml`'s links name) copied from the project's Content/, and `inspections/` with the N
synthetic reports.

The numbers are made up and the same for the same N and seed. They are consistent under the real
rules (the lowest key question sets the standard, points add up to the score, the overall rating
comes from the framework's bands and is left out where the framework has no band), so
`reportsite check --strict` passes on the result. Never copy this output into Content/.
"""
import argparse
import datetime
import pathlib
import random
import re
import shutil

PROJECT = pathlib.Path(__file__).resolve().parents[1]
RATINGS = ["Inadequate", "Requires improvement", "Good", "Outstanding"]
ORGANISATIONAL = ["leadership", "staffing", "services"]
CASEWORK = ["assessment", "planning", "implementation", "reviewing"]
KEY_QUESTIONS = ["engagement", "desistance", "safety"]
# The pdu-2023 framework's bands (Content/frameworks/pdu-2023.yml); scores above 6 have no band there.
SCORE_BANDS = [(0, 3, "Inadequate"), (4, 6, "Requires improvement")]

WORDS = (
    "probation practitioners managers partnership arrangements leadership staffing services assessment planning "
    "implementation delivery reviewing risk harm safeguarding domestic abuse desistance engagement caseload "
    "workload recruitment retention training quality casework oversight women accommodation employment "
    "education health substance misuse approved premises courts police local authority commissioned "
    "rehabilitative interventions accredited programmes unpaid work licence community order sentence"
).split()


def rating_for(percent):
    return RATINGS[0 if percent < 50 else 1 if percent < 65 else 2 if percent < 80 else 3]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 22))]
    if rng.random() < 0.15:
        index = rng.randrange(len(words))
        words[index] = f"**{words[index]}**"
    if rng.random() < 0.1:
        index = rng.randrange(len(words))
        words[index] = f"*{words[index]}*"
    if rng.random() < 0.05:
        index = rng.randrange(len(words))
        words[index] = f"[{words[index]}](https://www.justiceinspectorates.gov.uk/hmiprobation/)"
    if rng.random() < 0.02:
        words.append("(see https://www.gov.uk/government/organisations/hm-prison-and-probation-service)")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def body(rng, pdu, size):
    parts = [f"## Foreword\n\n{paragraph(rng)}\n\n{paragraph(rng)}"]
    conclusion = f"## Conclusion\n\n{pdu} PDU: {paragraph(rng)}"
    length, section, sub = len(parts[0]) + len(conclusion), 0, 0
    while length < size:
        if sub == 0:
            section += 1
            parts.append(f"## {section}. {rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}")
        sub = sub + 1 if sub < 2 else 0
        block = [f"### {section}.{sub + 1} {rng.choice(WORDS).capitalize()}", paragraph(rng)]
        shape = rng.random()
        if shape < 0.3:
            block.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 6))))
        elif shape < 0.45:
            rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(0, 100)}% | {rng.randint(1, 60)} |"
                             for _ in range(rng.randint(3, 6)))
            block.append(f"| Measure | Result | Cases |\n|---|---:|---:|\n{rows}")
        elif shape < 0.5:
            block.append(f"> {sentence(rng)} ~~{rng.choice(WORDS)}~~ {sentence(rng)}")
        parts += block
        length += sum(len(part) + 2 for part in block)
    parts.append(conclusion)
    return "\n\n".join(parts) + "\n"


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report(rng, index, region, pdu, published, size):
    ratings = {standard: rng.choice(RATINGS) for standard in ORGANISATIONAL}
    key_questions = {}
    for standard in CASEWORK:
        percents = {question: rng.randint(20, 95) for question in KEY_QUESTIONS}
        key_questions[standard] = percents
        ratings[standard] = rating_for(min(percents.values()))
    score = sum(RATINGS.index(ratings[standard]) for standard in ORGANISATIONAL + CASEWORK)
    overall = next((name for low, high, name in SCORE_BANDS if low <= score <= high), None)
    lines = [
        "---",
        f"title: {quoted(f'An inspection of probation services in {pdu} PDU (synthetic report {index})')}",
        "type: pdu",
        f"pdu: {quoted(pdu)}",
        f"region: {region}",
        "framework: pdu-2023",
        f"published: {published.isoformat()}",
        f"score: {score}",
        "max_score: 21",
    ]
    if overall:
        lines.append(f"overall: {quoted(overall)}")
    lines.append("ratings:")
    lines += [f"  {standard}: {quoted(ratings[standard])}" for standard in ORGANISATIONAL + CASEWORK]
    lines.append("key_questions:")
    for standard, percents in key_questions.items():
        lines.append(f"  {standard}: {{ " + ", ".join(f"{q}: {p}" for q, p in percents.items()) + " }")
    lines += [
        "recommendations:",
        f"  - to: {quoted(f'{pdu} PDU')}",
        "    items:",
    ]
    lines += [f"      - {quoted(sentence(rng))}" for _ in range(rng.randint(3, 6))]
    lines += [
        f"summary: {quoted(paragraph(rng))}",
        'sources: ["bench/gen_content.py: synthetic, not a real inspection"]',
        "---",
    ]
    front = "\n".join(lines) + "\n"
    return front + body(rng, pdu, size - len(front))


def regions_and_pdus():
    """(region slug, PDU name) for every PDU of the real regions, in a fixed order."""
    pairs = []
    for path in sorted((PROJECT / "Content" / "regions").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        pairs += [(path.stem, name) for name in re.findall(r'^  - name: "([^"]+)"', front, re.MULTILINE)]
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--size", type=int, default=25_000, help="approximate size of each report file in bytes")
    parser.add_argument("--languages", default="en",
                        help="the site's languages, comma-separated, the default first (en,cy: every page in English and Welsh)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    folder = args.folder
    if folder.exists():
        shutil.rmtree(folder)
    content = PROJECT / "Content"
    shutil.copytree(content / "frameworks", folder / "frameworks")
    shutil.copytree(content / "regions", folder / "regions")
    shutil.copy(content / "glossary.yml", folder / "glossary.yml")
    # The site's languages as asked, with the interface text of each from the project's Content/.
    languages = args.languages.split(",")
    settings = re.sub(r"(?m)^languages:.*\n", "", (content / "site.yml").read_text(encoding="utf-8"))
    if languages != ["en"]:
        settings += f"languages: [{', '.join(languages)}]\n"
        (folder / "i18n").mkdir(parents=True)
        for language in languages:
            shutil.copy(content / "i18n" / f"{language}.yml", folder / "i18n" / f"{language}.yml")
    (folder / "site.yml").write_text(settings, encoding="utf-8")
    shutil.copytree(content / "pages", folder / "pages", ignore=shutil.ignore_patterns("*.cy.md"))
    (folder / "inspections").mkdir()

    pairs = regions_and_pdus()
    first = datetime.date(2024, 2, 1)
    for index in range(args.count):
        region, pdu = pairs[index % len(pairs)]
        # Each PDU's inspections 32 days apart, the newest first, so that no two fall in one month
        # (which the build warns about, as a copy left in place or a mistyped date); the PDUs' own
        # offsets (under 28 days) spread the dates over the month.
        published = first - datetime.timedelta(days=32 * (index // len(pairs)) + (index % len(pairs)) % 28)
        slug = re.sub(r"[^a-z0-9]+", "-", pdu.lower()).strip("-")
        text = report(rng, index, region, pdu, published, args.size)
        (folder / "inspections" / f"{slug}-{index:05d}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
