"""What reaches the output: exactly what the build made for the public.

The random-sequence test (publish_model.py) with a fixed seed, and one test for each way a file used to
get in that no build made: a stale cache trusted, attachments that lead elsewhere or run script, a
draft's attachment, folders inside one another.
"""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, small_content
from publish_model import Model, snapshot, differences

BINARY = ROOT / ".build" / "debug" / "reportsite"
SEED, OPERATIONS = 20261212, 200


def test_random_sequences_of_edits_drafts_strays_kills_and_builds_always_give_the_clean_site(tmp_path):
    done = Model(SEED, tmp_path, log=lambda *_: None).run_sequence(OPERATIONS)
    counts = {name: done.count(name) for name, _ in Model.OPERATIONS}
    print(f"seed {SEED}: {counts}")
    # The sequence did what it is for: many builds, and every kind of operation at least once.
    assert counts["build"] >= 20 and all(counts[name] > 0 for name, _ in Model.OPERATIONS if name != "stop_preview")


def build(content, output, *extra, cache=None):
    command = [str(BINARY), "build", "--content", str(content), "--templates", str(ROOT / "Templates"), "--output", str(output)]
    if cache:
        command += ["--cache", str(cache)]
    return subprocess.run(command + list(extra), capture_output=True, text=True, timeout=600)


def clean_build(content, folder, *extra):
    output = folder / "Clean"
    run = build(content, output, *extra, cache=folder / "clean-cache")
    assert run.returncode == 0, run.stderr
    return snapshot(output)


def test_a_site_another_build_put_in_the_output_is_never_taken_for_up_to_date(tmp_path):
    content = small_content(tmp_path)
    essex = content / "inspections" / "essex-south-2024.md"
    essex.write_text(essex.read_text().replace("type: pdu\n", "type: pdu\ndraft: true\n", 1))
    output = tmp_path / "Output"
    assert build(content, output).returncode == 0
    assert build(content, output, "--drafts", cache=tmp_path / "other-cache").returncode == 0
    assert (output / "inspections" / "essex-south-2024").exists()
    again = build(content, output)
    assert again.returncode == 0 and "up to date" not in again.stdout, again.stdout
    assert not differences(snapshot(output), clean_build(content, tmp_path))
    # The same output reached through a symbolic link shares its cache, and is never mistaken either.
    link = tmp_path / "Link"
    link.symlink_to(output)
    assert build(content, link, "--drafts", cache=tmp_path / "third-cache").returncode == 0
    assert "up to date" not in build(content, link).stdout
    assert not differences(snapshot(output), clean_build(content, tmp_path / "x"))
    # Another checkout of the content, with its own cache, building into the same output.
    other = tmp_path / "other" / "Content"
    shutil.copytree(content, other)
    (other / "inspections" / "bedfordshire-2024.md").unlink()
    assert build(other, output).returncode == 0
    assert not (output / "inspections" / "bedfordshire-2024").exists()
    again = build(content, output)
    assert "up to date" not in again.stdout and (output / "inspections" / "bedfordshire-2024").exists()
    assert not differences(snapshot(output), clean_build(content, tmp_path / "y"))


def test_a_large_attachment_is_copied_without_being_read_into_memory(tmp_path):
    content, _ = site_with_a_linked_file(tmp_path, "large.pdf", 400_000_000, 500)
    # The build's peak memory, measured by a parent of its own.
    measure = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    run = subprocess.run([sys.executable, "-c", measure, str(BINARY), "build", "--content", str(content), "--templates",
                          str(ROOT / "Templates"), "--output", str(tmp_path / "Output")], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    peak_kb = int(run.stdout.strip().splitlines()[-1])
    print(f"a 400 MB attachment: build peak {peak_kb // 1024} MB")
    assert (tmp_path / "Output" / "files" / "large.pdf").stat().st_size == 400_000_000
    assert peak_kb < 200_000, f"the build held {peak_kb // 1024} MB: the attachment was read whole"


def attachment_site(tmp_path):
    content = small_content(tmp_path)
    (content / "files").mkdir(exist_ok=True)
    return content, content / "inspections" / "essex-south-2024.md"


def site_with_a_linked_file(tmp_path, name, size, limit_mb):
    """A site whose Essex South report links to a sparse file of `size` bytes, with `limit_mb` as the
    attachment size limit."""
    content, report = attachment_site(tmp_path)
    with open(content / "files" / name, "wb") as file:
        file.truncate(size)
    link_from(report, name)
    settings = content / "site.yml"
    settings.write_text(settings.read_text() + f"\nattachment_size_limit: {limit_mb}\n")
    return content, settings


def link_from(report, name):
    report.write_text(report.read_text() + f"\nSee [the file](../../files/{name}).\n")


@pytest.mark.parametrize("make, expected", [
    (lambda files: (files / "passwd.txt").symlink_to("/etc/passwd"), "not a regular file"),
    (lambda files: (files / "environ.txt").symlink_to("/proc/self/environ"), "not a regular file"),
    (lambda files: (files / "etc").symlink_to("/etc"), "not a regular file"),
    (lambda files: (files / "x.html").write_text("<script>alert(1)</script>"), "a .html file is not published"),
    (lambda files: (files / "x.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
     "a .svg file is not published"),
    (lambda files: (files / "x.js").write_text("alert(1)"), "a .js file is not published"),
])
def test_attachments_that_lead_elsewhere_or_run_script_are_errors(tmp_path, make, expected):
    content, _ = attachment_site(tmp_path)
    make(content / "files")
    output = tmp_path / "Output"
    run = build(content, output)
    assert run.returncode == 1 and expected in run.stderr and "/files/" in run.stderr, run.stderr
    assert not output.exists()


def test_a_symlinked_files_folder_is_an_error(tmp_path):
    content, _ = attachment_site(tmp_path)
    shutil.rmtree(content / "files")
    (content / "files").symlink_to("/etc")
    run = build(content, tmp_path / "Output")
    assert run.returncode == 1 and "files/ must be a folder" in run.stderr, run.stderr


def test_an_attachment_over_the_size_limit_is_an_error_and_the_limit_is_a_setting(tmp_path):
    content, settings = site_with_a_linked_file(tmp_path, "big.pdf", 1_500_000, 1)
    run = build(content, tmp_path / "Output")
    assert run.returncode == 1 and "over the limit for an attachment (1.0 MB)" in run.stderr, run.stderr
    settings.write_text(settings.read_text().replace("attachment_size_limit: 1\n", "attachment_size_limit: 2\n"))
    assert build(content, tmp_path / "Output").returncode == 0
    assert (tmp_path / "Output" / "files" / "big.pdf").stat().st_size == 1_500_000


def test_only_attachments_a_published_page_links_to_are_published(tmp_path):
    content, report = attachment_site(tmp_path)
    (content / "files" / "public.txt").write_text("public\n")
    (content / "files" / "draft-only.txt").write_text("draft only\n")
    (content / "files" / "unlinked.txt").write_text("unlinked\n")
    link_from(report, "public.txt")
    north = content / "inspections" / "essex-north-2024.md"
    north.write_text(north.read_text().replace("type: pdu\n", "type: pdu\ndraft: true\n", 1))
    link_from(north, "draft-only.txt")
    output = tmp_path / "Output"
    run = build(content, output)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (output / "files").iterdir()) == ["public.txt"]
    assert "unlinked.txt: warning: not linked from a published page, so not published" in run.stderr
    assert "draft-only.txt: warning: not linked from a published page" in run.stderr
    # Published with its report.
    north.write_text(north.read_text().replace("draft: true\n", "", 1))
    assert build(content, output).returncode == 0
    assert sorted(p.name for p in (output / "files").iterdir()) == ["draft-only.txt", "public.txt"]


def test_no_folder_may_lie_inside_another(tmp_path):
    content = small_content(tmp_path)
    output = tmp_path / "Output"
    assert build(content, output).returncode == 0
    before = snapshot(output)
    refused = [
        build(content, output, cache=output / "cache"),
        build(content, content / "site"),
        build(content, output / "nested"),
    ]
    for run in refused:
        assert run.returncode == 1 and "is inside" in run.stderr, run.stderr
    link = tmp_path / "sneaky"
    link.symlink_to(output)
    through_link = build(content, output, cache=link / "cache")
    assert through_link.returncode == 1 and "is inside" in through_link.stderr
    preview = subprocess.run([str(BINARY), "serve", "--content", str(content), "--templates", str(ROOT / "Templates"),
                              "--port", "0", "--preview-output", str(output / "preview")],
                             capture_output=True, text=True, timeout=60)
    assert preview.returncode == 1 and "a site reportsite built" in preview.stderr, preview.stderr
    assert snapshot(output) == before
