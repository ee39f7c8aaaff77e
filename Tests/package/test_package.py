"""The installable package: made by the CI example, it runs where no Swift toolchain and no
cmark-gfm library can be found, and builds the real content byte for byte as the source build does."""
import os
import pathlib
import re
import subprocess
import tarfile
import tempfile
import time

import pytest
import yaml

from conftest import ROOT, SITE_URL, hidden_root_command, workflow_block

SOURCE_BINARY = ROOT / ".build" / "debug" / "reportsite"
# What a binary may still load: the C library's family and the C++ runtime, in every Debian system.
BASE_LIBRARIES = re.compile(r"^(linux-vdso|ld-linux[-\w.]*|libc|libm|libdl|libpthread|librt|libutil|libstdc\+\+|libgcc_s)\.so")
BASE_PACKAGES = {"libc6", "libstdc++6", "libgcc-s1"}


def step_failures(run):
    return [(command, status, stdout, stderr) for command, status, _, stdout, stderr in run.log if status != 0]


def test_the_ci_example_runs_from_a_clean_checkout(ci_run):
    for command, status, seconds, _, _ in ci_run.log:
        print(f"{seconds:7.1f} s  exit {status}  {command.splitlines()[0]}")
    assert not step_failures(ci_run), step_failures(ci_run)
    ran = [step for step, result in ci_run.steps if result is not None]
    assert len(ran) == 4, [step.get("name") for step in ran]
    output = ci_run.folder / "Output"
    # The published site, with a PDF of every report and the address CI gave.
    assert (output / ".reportsite-output").exists()
    pdfs = list(output.glob("inspections/*/*.pdf"))
    prints = list(output.glob("inspections/*/print.html"))
    assert len(pdfs) == len(prints) > 80, f"{len(pdfs)} PDFs for {len(prints)} print versions"
    assert f"<loc>{SITE_URL}inspections/" in (output / "sitemap.xml").read_text(encoding="utf-8")
    pdf_text = subprocess.run(["pdftotext", str(output / "inspections/essex-south-2024/essex-south-2024.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
    # The PDF's "Online:" line gives the address CI gave (a long address may wrap).
    assert f"{SITE_URL}inspections/essex-south-2024/" in "".join(pdf_text.split()), pdf_text[:2000]


def test_the_example_file_is_the_documented_workflow():
    example = (ROOT / "docs" / "examples" / "publish-github-pages.yml").read_text(encoding="utf-8")
    assert example == workflow_block(), "docs/examples/publish-github-pages.yml and docs/publishing.md differ"
    job = yaml.safe_load(example)["jobs"]["build"]
    # Debian's chromium package runs in a container; Ubuntu's is a snap wrapper that does not.
    assert re.fullmatch(r"(swift:6\.\d+-bookworm|debian:bookworm(-slim)?)", job["container"]), job["container"]


def test_the_packages_made(ci_run):
    assert not step_failures(ci_run)
    tarballs = list(ci_run.dist.glob("reportsite-*-linux-*.tar.gz"))
    debs = list(ci_run.dist.glob("reportsite_*.deb"))
    assert len(tarballs) == 1 and len(debs) == 1, list(ci_run.dist.iterdir())
    version = subprocess.run([str(ci_run.prefix / "usr/bin/reportsite"), "--version"],
                             check=True, capture_output=True, text=True).stdout.split()[-1]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    fields = {name: subprocess.run(["dpkg-deb", "-f", str(debs[0]), name], check=True, capture_output=True,
                                   text=True).stdout.strip() for name in ("Package", "Version", "Depends", "Recommends")}
    assert fields["Package"] == "reportsite" and fields["Version"] == version
    assert fields["Recommends"] == "chromium"
    depends = {part.split()[0] for part in fields["Depends"].split(",")}
    assert depends <= BASE_PACKAGES, fields["Depends"]
    assert tarballs[0].name == f"reportsite-{version}-linux-{subprocess.run(['dpkg', '--print-architecture'], capture_output=True, text=True).stdout.strip()}.tar.gz"
    with tarfile.open(tarballs[0]) as archive:
        names = archive.getnames()
        assert f"reportsite-{version}-linux-amd64/bin/reportsite" in names or any(n.endswith("/bin/reportsite") for n in names)
        member = next(archive.getmember(n) for n in names if n.endswith("/bin/reportsite"))
        assert member.mode & 0o111
        packed = archive.extractfile(member).read()
    assert packed == (ci_run.prefix / "usr/bin/reportsite").read_bytes(), "the tarball and the .deb hold different binaries"


def test_the_binary_needs_only_debian_base_libraries(ci_run):
    binary = ci_run.prefix / "usr/bin/reportsite"
    needed = [line.split()[0].rsplit("/", 1)[-1] for line in
              subprocess.run(["ldd", str(binary)], check=True, capture_output=True, text=True).stdout.splitlines()]
    print("ldd:", " ".join(needed))
    strangers = [name for name in needed if not BASE_LIBRARIES.match(name)]
    assert not strangers, strangers
    # The source build, for contrast, needs the toolchain's and cmark-gfm's shared libraries.
    source = subprocess.run(["ldd", str(SOURCE_BINARY)], check=True, capture_output=True, text=True).stdout
    assert "libswiftCore.so" in source and "libcmark-gfm" in source


def test_the_hidden_root_has_no_swift_and_no_cmark_gfm():
    """The source build cannot start there: the hiding works, so the next test means something."""
    assert SOURCE_BINARY.exists(), "build first: swift build --build-tests"
    result = subprocess.run(hidden_root_command(f"{SOURCE_BINARY} --version"), capture_output=True, text=True)
    assert result.returncode != 0
    assert "libswiftCore.so" in result.stderr or "libcmark-gfm" in result.stderr or "error while loading" in result.stderr, result.stderr


def test_the_package_builds_the_real_content_byte_for_byte_without_swift(ci_run):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-package-"))
    packaged = ci_run.prefix / "usr/bin/reportsite"
    common = ["build", "--content", str(ROOT / "Content"), "--templates", str(ROOT / "Templates")]
    source = subprocess.run([str(SOURCE_BINARY), *common, "--output", str(folder / "source"), "--cache", str(folder / "cache-source")],
                            capture_output=True, text=True)
    assert source.returncode == 0, source.stderr
    command = " ".join([str(packaged), *common, "--output", str(folder / "package"), "--cache", str(folder / "cache-package")])
    started = time.monotonic()
    built = subprocess.run(hidden_root_command(command), capture_output=True, text=True)
    print(f"packaged build in the hidden root: {time.monotonic() - started:.2f} s; {built.stdout.strip()}")
    assert built.returncode == 0, built.stderr
    assert "Built 305 pages" in built.stdout or "Built " in built.stdout
    # Every file the same but the marker, which holds each build's own id.
    difference = subprocess.run(["diff", "-r", "-x", ".reportsite-output", str(folder / "source"), str(folder / "package")],
                                capture_output=True, text=True)
    assert difference.returncode == 0, difference.stdout[:3000]
    assert (folder / "source" / ".reportsite-output").exists() and (folder / "package" / ".reportsite-output").exists()
    files = sum(1 for path in (folder / "package").rglob("*") if path.is_file())
    assert files > 300, files


def test_size_and_start_up(ci_run):
    binary = ci_run.prefix / "usr/bin/reportsite"
    size = binary.stat().st_size
    times = []
    for _ in range(5):
        started = time.monotonic()
        subprocess.run(hidden_root_command(f"{binary} --version"), check=True, capture_output=True)
        times.append(time.monotonic() - started)
    plain = []
    for _ in range(5):
        started = time.monotonic()
        subprocess.run([str(binary), "--version"], check=True, capture_output=True)
        plain.append(time.monotonic() - started)
    print(f"size {size / 1e6:.1f} MB; reportsite --version {min(plain) * 1000:.0f} ms (best of 5), "
          f"{min(times) * 1000:.0f} ms with the hidden root's set-up")
    # Generous bounds: a binary that drags a toolchain along, or starts by unpacking one, fails them.
    assert size < 150e6
    assert min(plain) < 1.0
