"""The model-based test of the publish path: random sequences of what editors, builds and accidents do
to a site, each build's output compared byte for byte with a clean build of the same content.

Run by Tests/site/test_publish_model.py with a fixed seed; run by hand with any seed and length:

    python3 Tests/site/publish_model.py --seed 7 --operations 2000

Operations: edit a report's text or front matter, make a report a draft or publish it, add or delete a
report, add, link, unlink or remove an attachment (some linked only from drafts), link a report to a
heading another report's text gains, rename a heading another text links to (the build must fail and
leave the site as it was, then the link follows the heading), put a stray file into
the output or the tree kept beside it, build, build with PDFs (a stand-in printer), build with drafts
into another cache, kill -9 a build at a random moment, save while the preview server runs, write or
remove a report's Welsh translation (a draft's carrying the marker), change a Welsh interface string,
switch the site between English and Welsh and English alone, and change how many reports a search
word is in before its postings are split (so that words cross the limit as texts change). After
every build, the output must equal a clean build into a new folder, and a marker written only into
drafts (their fields, texts, notes and draft-only attachments) must be in no file of the output.
"""
import argparse
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("REPORTSITE_BINARY", ROOT / ".build" / "debug" / "reportsite"))
MARKER = "ZqxDraftOnlyMarker"
OUTPUT_MARKER = ".reportsite-output"

FAKE_PRINTER = """#!/bin/sh
# Stands in for Chromium's --print-to-pdf: a small, deterministic "PDF" of the print page's bytes.
for argument in "$@"; do
  case "$argument" in --print-to-pdf=*) target="${argument#--print-to-pdf=}";; esac
  last="$argument"
done
source="${last#file://}"
printf '%%PDF-1.4 stand-in %s\\n' "$(sha256sum < "$source" | cut -d' ' -f1)" > "$target"
echo "$source" >> "$0.log"
"""


def snapshot(folder):
    """Every file under `folder` (hidden ones too) with its bytes; the output's marker by presence,
    as its id differs from build to build by design."""
    files = {}
    for path in pathlib.Path(folder).rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink() or not path.is_file():
            if not path.is_dir() or path.is_symlink():
                files[relative] = b"<not a regular file>"
            continue
        files[relative] = b"<marker>" if relative == OUTPUT_MARKER else path.read_bytes()
    return files


def differences(a, b):
    return sorted(set(a) ^ set(b)) + sorted(k for k in set(a) & set(b) if a[k] != b[k])


class Model:
    def __init__(self, seed, folder, log=print):
        self.rng = random.Random(seed)
        self.folder = pathlib.Path(folder)
        self.log = log
        self.content = self.folder / "Content"
        self.templates = self.folder / "Templates"
        self.output = self.folder / "Output"
        shutil.copytree(ROOT / "Content", self.content)
        shutil.copytree(ROOT / "Templates", self.templates)
        self.printer = self.folder / "fake-chromium"
        self.printer.write_text(FAKE_PRINTER)
        self.printer.chmod(0o755)
        self.inspections = self.content / "inspections"
        self.files = self.content / "files"
        self.files.mkdir(exist_ok=True)
        # Synthetic reports: earlier inspections of real PDUs, copies of their reports.
        self.synthetic = []
        self.serial = 0
        for source in sorted(self.inspections.glob("*.md"))[:40:8]:
            self.add_report(source)
        self.attachments = {}   # name -> report file linking it (or None)
        self.cross_links = []   # (report linking, report linked to, number of the heading linked to)
        self.state = "normal"   # what the output last held: "normal", "drafts", or "unknown" after a kill
        self.preview = None
        self.builds = 0
        self.split_limit = None  # the builds' --search-split-limit; None for the default

    # --- the content ---------------------------------------------------------------------------

    def reports(self):
        return sorted(p for p in self.inspections.glob("*.md") if not p.name.endswith(".cy.md"))

    def translation(self, path):
        return path.with_name(path.stem + ".cy.md")

    def is_draft(self, path):
        return "\ndraft: true\n" in path.read_text()

    def add_report(self, source=None):
        """A later inspection of a real report's PDU in the same year (so its fieldwork dates hold)."""
        candidates = [p for p in self.reports() if p not in self.synthetic and not self.is_draft(p)]
        source = source or self.rng.choice(candidates)
        text = source.read_text()
        found = re.search(r'^published: "?(\d{4})', text, flags=re.M)
        if not found or int(found.group(1)) > 2025:
            return
        self.serial += 1
        target = self.inspections / f"{source.stem}-later-{self.serial}.md"
        text = re.sub(r'^published: .*$', f'published: "{found.group(1)}-12-{10 + self.serial % 18:02d}"', text, count=1, flags=re.M)
        # The copy links to none of the attachments (each has one report that links to it), nor to
        # another report's heading (each such link is followed when the heading is renamed).
        text = re.sub(r"\nSee \[the document doc-\d+\.txt\]\(\.\./\.\./files/doc-\d+\.txt\)\.\n", "\n", text)
        text = re.sub(r"\nSee \[its heading\]\([^)]*#model-heading-\d+\)\.\n", "\n", text)
        target.write_text(text)
        self.synthetic.append(target)

    def delete_report(self):
        if not self.synthetic:
            return self.add_report()
        target = self.rng.choice(self.synthetic)
        self.synthetic.remove(target)
        self.unlink_from(target)
        self.drop_links_to(target)
        target.unlink()
        self.translation(target).unlink(missing_ok=True)

    def split(self, path):
        text = path.read_text()
        end = text.index("\n---\n", 4)
        return text[: end + 5], text[end + 5:]

    def edit_text(self):
        path = self.rng.choice(self.reports())
        head, body = self.split(path)
        words = " ".join(self.rng.choice(["probation", "staff", "plans", "risk", "safety", "wombat"]) for _ in range(5))
        extra = f" {MARKER}" if self.is_draft(path) else ""
        path.write_text(head + body + f"\nAn added paragraph: {words}{extra}.\n")

    def edit_front_matter(self):
        path = self.rng.choice(self.reports())
        head, body = self.split(path)
        word = self.rng.choice(["Revised", "Updated", "Amended"])
        extra = f" {MARKER}" if self.is_draft(path) else ""
        head = re.sub(r'^title: "', f'title: "{word}{extra} ', head, count=1, flags=re.M)
        path.write_text(head + body)

    def toggle_draft(self):
        path = self.rng.choice(self.reports())
        head, body = self.split(path)
        if self.is_draft(path):
            # Published: nothing of its draft days may stay in it.
            head = head.replace("\ndraft: true\n", "\n")
            path.write_text((head + body).replace(MARKER, "now published"))
            if self.translation(path).exists():
                self.translation(path).write_text(self.translation(path).read_text().replace(MARKER, "now published"))
            for name, linker in self.attachments.items():
                if linker == path:
                    (self.files / name).write_text((self.files / name).read_text().replace(MARKER, "now published"))
        else:
            # An editor takes out the links to a report that goes back to being a draft.
            self.drop_links_to(path)
            head, body = self.split(path)
            head = head.replace("\ntype: ", "\ndraft: true\ntype: ", 1)
            head = re.sub(r'^title: "', f'title: "{MARKER} ', head, count=1, flags=re.M)
            if "\nnotes: |\n" in head:
                head = head.replace("\nnotes: |\n", f"\nnotes: |\n  {MARKER} working note\n", 1)
            elif "\nnotes:" not in head:
                head = head.replace("\ndraft: true\n", f"\ndraft: true\nnotes: \"{MARKER} working note\"\n", 1)
            path.write_text(head + body + f"\nDraft-only paragraph {MARKER}.\n")

    def add_attachment(self):
        self.serial += 1
        path = self.rng.choice(self.reports())
        name = f"doc-{self.serial}.txt"
        text = f"Attachment {self.serial}"
        if self.is_draft(path):
            text += f" {MARKER}"
        (self.files / name).write_text(text + "\n")
        self.link(name, path)

    def link(self, name, path):
        head, body = self.split(path)
        path.write_text(head + body + f"\nSee [the document {name}](../../files/{name}).\n")
        self.attachments[name] = path

    def unlink_from(self, path):
        for name, linker in list(self.attachments.items()):
            if linker == path:
                self.attachments[name] = None

    def relink_attachment(self):
        if not self.attachments:
            return self.add_attachment()
        name = self.rng.choice(sorted(self.attachments))
        linker = self.attachments[name]
        if linker is not None and linker.exists():
            linker.write_text(re.sub(rf"\nSee \[the document {re.escape(name)}\]\(\.\./\.\./files/{re.escape(name)}\)\.\n", "\n",
                                     linker.read_text()))
            self.attachments[name] = None
            # An attachment left unlinked is not published (a warning); one linked from a draft is
            # draft-only: its text carries the marker unless it was published.
        else:
            target = self.rng.choice(self.reports())
            if self.is_draft(target):
                (self.files / name).write_text((self.files / name).read_text().rstrip("\n") + f" {MARKER}\n")
            elif MARKER in (self.files / name).read_text():
                (self.files / name).write_text((self.files / name).read_text().replace(MARKER, "published"))
            self.link(name, target)

    def remove_attachment(self):
        if not self.attachments:
            return self.add_attachment()
        name = self.rng.choice(sorted(self.attachments))
        linker = self.attachments.pop(name)
        if linker is not None and linker.exists():
            linker.write_text(re.sub(rf"\nSee \[the document {re.escape(name)}\]\(\.\./\.\./files/{re.escape(name)}\)\.\n", "\n",
                                     linker.read_text()))
        (self.files / name).unlink()

    def link_to_heading(self):
        """A report's text links to a heading another report's text gains: a link whose target is in
        another file, so a rebuild of the first alone must still see the second's headings."""
        published = [path for path in self.reports() if not self.is_draft(path)]
        if len(published) < 2:
            return
        source, target = self.rng.sample(published, 2)
        self.serial += 1
        head, body = self.split(target)
        target.write_text(head + body + f"\n## Model heading {self.serial}\n\nUnder the heading.\n")
        source.write_text(source.read_text() + f"\nSee [its heading](../{target.stem}/index.html#model-heading-{self.serial}).\n")
        self.cross_links.append((source, target, self.serial))

    def rename_heading(self):
        """A heading another report links to is renamed: the build fails on the link, which has not
        changed, and leaves the site as it was; then the link follows the heading."""
        live = [link for link in self.cross_links if link[0].exists() and link[1].exists()]
        if not live:
            return self.link_to_heading()
        source, target, number = self.rng.choice(live)
        self.serial += 1
        target.write_text(target.read_text().replace(f"\n## Model heading {number}\n", f"\n## Model heading {self.serial}\n"))
        before = snapshot(self.output) if self.output.exists() else None
        self.builds += 1
        result = self.run(check=False)
        assert result.returncode != 0 and f"#model-heading-{number}" in result.stderr, \
            f"after build {self.builds}, a link to a renamed heading was not reported:\n{result.stderr[-2000:]}"
        after = snapshot(self.output) if self.output.exists() else None
        assert after == before, f"after build {self.builds}, a failed build changed the output"
        source.write_text(source.read_text().replace(f"#model-heading-{number})", f"#model-heading-{self.serial})"))
        self.cross_links.remove((source, target, number))
        self.cross_links.append((source, target, self.serial))

    def drop_links_to(self, target):
        for link in [link for link in self.cross_links if link[1] == target]:
            source, _, number = link
            if source.exists():
                source.write_text(re.sub(rf"\nSee \[its heading\]\([^)]*#model-heading-{number}\)\.\n", "\n", source.read_text()))
            self.cross_links.remove(link)

    def stray_file(self):
        """A file no build made, in the output or the tree put aside: at the top, in a new folder, or
        in a folder of the site (which an incremental build's switch reads only when its stamp moved)."""
        where = self.rng.choice([self.output, self.folder / ".Output.previous"])
        if not where.exists():
            return
        pages = sorted(path.parent.relative_to(where).as_posix() for path in where.glob("inspections/*/index.html"))
        inside = [f"{self.rng.choice(pages)}/stray.html", f"{self.rng.choice(pages)}/stray-folder/index.html"] if pages else []
        name = self.rng.choice(["stray.txt", "inspections/stray/index.html", ".hidden-stray", "files/stray.pdf",
                                "search/s/stray.js"] + inside)
        target = where / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"stray {MARKER}\n")

    def edit_translation(self):
        """A report's Welsh version written or rewritten; a draft's carries the marker, which no
        published file may hold."""
        if "\nlanguages: [en, cy]\n" not in (self.content / "site.yml").read_text():
            return
        path = self.rng.choice(self.reports())
        extra = f" {MARKER}" if self.is_draft(path) else ""
        words = " ".join(self.rng.choice(["prawf", "staff", "cynlluniau", "risg", "diogelwch", "wombat"]) for _ in range(5))
        self.translation(path).write_text(f'---\ntitle: "Arolygiad{extra} {self.serial}"\n---\nTestun yn Gymraeg: {words}{extra}.\n')

    def remove_translation(self):
        translations = sorted(self.inspections.glob("*.cy.md"))
        if translations:
            self.rng.choice(translations).unlink()

    def edit_welsh_string(self):
        texts = self.content / "i18n" / "cy.yml"
        word = self.rng.choice(["Neidio i’r prif gynnwys", "Neidio i’r cynnwys", "Ewch i’r prif gynnwys"])
        texts.write_text(re.sub(r'(?m)^  skip_link: ".*"$', f'  skip_link: "{word}"', texts.read_text(), count=1))

    def toggle_languages(self):
        """The site in English and Welsh, or in English alone: the Welsh folder goes whole."""
        settings = self.content / "site.yml"
        text = settings.read_text()
        if "\nlanguages: [en, cy]\n" in text:
            settings.write_text(text.replace("\nlanguages: [en, cy]\n", "\n"))
            # A site in one language has no translations to give.
            self.stashed = {p: p.read_text() for p in self.inspections.glob("*.cy.md")}
            for translation in self.stashed:
                translation.unlink()
        else:
            settings.write_text(text.rstrip("\n") + "\nlanguages: [en, cy]\n")
            for translation, body in getattr(self, "stashed", {}).items():
                if translation.with_name(translation.name.replace(".cy.md", ".md")).exists():
                    translation.write_text(body)
            self.stashed = {}

    def change_split_limit(self):
        # Low limits split the real content's common words, so that edits move words across them.
        self.split_limit = self.rng.choice([None, 1, 3, 10, 40])

    def toggle_pdf(self):
        settings = self.content / "site.yml"
        text = settings.read_text()
        settings.write_text(text.replace("\npdf: true\n", "\n") if "\npdf: true\n" in text else text + "\npdf: true\n")

    # --- builds --------------------------------------------------------------------------------

    def command(self, output):
        """A build of the content into `output`, with this sequence's split limit."""
        command = [str(BINARY), "build", "--content", str(self.content), "--templates", str(self.templates),
                   "--output", str(output), "--browser", str(self.printer)]
        if self.split_limit is not None:
            command += ["--search-split-limit", str(self.split_limit)]
        return command

    def run(self, *arguments, output=None, cache=None, check=True):
        command = self.command(output or self.output)
        if cache:
            command += ["--cache", str(cache)]
        result = subprocess.run(command + list(arguments), capture_output=True, text=True, timeout=600)
        if check and result.returncode != 0:
            raise AssertionError(f"build {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def clean(self, *arguments):
        reference = pathlib.Path(tempfile.mkdtemp(prefix="clean-", dir=self.folder))
        try:
            self.run(*arguments, output=reference / "Output", cache=reference / "cache")
            return snapshot(reference / "Output")
        finally:
            shutil.rmtree(reference)

    def expect_clean(self, drafts=False):
        arguments = ("--drafts",) if drafts else ()
        built, fresh = snapshot(self.output), self.clean(*arguments)
        wrong = differences(built, fresh)
        assert not wrong, f"after build {self.builds}, the output differs from a clean build: {wrong[:8]}"
        if not drafts:
            leaks = [path for path, data in built.items() if MARKER.encode() in data]
            assert not leaks, f"after build {self.builds}, a draft's marker is in {leaks[:5]}"

    def build(self):
        self.builds += 1
        self.run()
        self.state = "normal"
        self.expect_clean()

    def builds_in_a_row(self):
        """Edits and builds one after another with nothing else between, a stray put in between
        them: the second build patches a tree whose folders' stamps the cache holds, and its switch
        reads only the folders that changed since."""
        for _ in range(2):
            self.edit_text()
            self.build()
            self.stray_file()
        self.edit_text()
        self.build()

    def build_drafts_elsewhere(self):
        self.builds += 1
        self.run("--drafts", cache=self.folder / "other-cache")
        self.state = "drafts"
        self.expect_clean(drafts=True)

    def kill_build(self):
        before = snapshot(self.output) if self.output.exists() else None
        process = subprocess.Popen(self.command(self.output), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(self.rng.uniform(0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = snapshot(self.output) if self.output.exists() else None
        # The old site or the new one, never a mix.
        if after != before:
            wrong = differences(after, self.clean())
            assert not wrong, f"a killed build left a mixed output: {wrong[:8]}"
        self.state = "unknown"

    def start_preview(self):
        if self.preview is not None:
            return
        self.preview_folder = pathlib.Path(tempfile.mkdtemp(prefix="preview-", dir=self.folder)) / "site"
        self.preview = subprocess.Popen(
            [str(BINARY), "serve", "--content", str(self.content), "--templates", str(self.templates), "--port", "0",
             "--preview-output", str(self.preview_folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop_preview(self):
        if self.preview is not None:
            self.preview.send_signal(signal.SIGTERM)
            try:
                self.preview.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.preview.kill()
            self.preview = None

    # --- the sequence --------------------------------------------------------------------------

    OPERATIONS = [
        ("edit_text", 12), ("edit_front_matter", 8), ("toggle_draft", 10), ("add_report", 4), ("delete_report", 4),
        ("add_attachment", 6), ("relink_attachment", 6), ("remove_attachment", 3), ("stray_file", 8), ("toggle_pdf", 3),
        ("build", 22), ("builds_in_a_row", 4), ("build_drafts_elsewhere", 4), ("kill_build", 5), ("start_preview", 2), ("stop_preview", 2),
        ("edit_translation", 5), ("remove_translation", 2), ("edit_welsh_string", 3), ("toggle_languages", 2),
        ("change_split_limit", 3), ("link_to_heading", 4), ("rename_heading", 3),
    ]

    def step(self):
        names = [name for name, _ in self.OPERATIONS]
        weights = [weight for _, weight in self.OPERATIONS]
        name = self.rng.choices(names, weights)[0]
        getattr(self, name)()
        return name

    def run_sequence(self, operations):
        done = []
        try:
            for index in range(operations):
                done.append(self.step())
            # The sequence always ends with a build that must be clean.
            self.build()
            done.append("build")
        except AssertionError as error:
            raise AssertionError(f"{error}\n(operations so far: {done[-15:]})") from None
        finally:
            self.stop_preview()
        return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--operations", type=int, default=200)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="reportsite-model-")
    start = time.time()
    try:
        done = Model(arguments.seed, folder).run_sequence(arguments.operations)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    counts = {name: done.count(name) for name, _ in Model.OPERATIONS}
    print(f"seed {arguments.seed}: {len(done)} operations in {time.time() - start:.0f} s, every build equal to a clean one: {counts}")


if __name__ == "__main__":
    main()
