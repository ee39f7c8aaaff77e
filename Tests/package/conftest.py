"""The installable package as a web team's CI makes and uses it.

One release compile serves every test here: the CI example of docs/publishing.md is run, step by
step, in a clean copy of this checkout, and its `scripts/package.sh` makes the tarball and the Debian
package that the other tests then take apart, run without Swift and compare with a source build.
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
# An address a published site could have: check --strict refuses the placeholder of site.yml.
SITE_URL = "https://probation-reports.service.gov.uk/"


def workflow_block():
    """The YAML code block of docs/publishing.md's CI example."""
    text = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, f"docs/publishing.md should hold one yaml block, found {len(blocks)}"
    return blocks[0]


def clean_copy(into):
    """The checkout's files as a fresh clone has them (tracked and new ones, nothing ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if not source.exists():
            continue
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)


class CIRun:
    def __init__(self, folder, prefix, steps, log):
        self.folder = folder
        # Where the package was unpacked instead of installed (the test machine is shared).
        self.prefix = prefix
        self.steps = steps
        self.log = log

    @property
    def dist(self):
        return self.folder / "dist"


def run_step(command, folder, env, prefix, log):
    """A step's `run:` as the runner would, with two stand-ins for what would change this machine:
    `apt-get` lines check that the packages they name are Debian packages installed here, and
    `dpkg -i PACKAGE` unpacks the package into `prefix` (on PATH) instead of installing it."""
    lines = []
    for line in command.splitlines():
        words = line.split()
        if words[:1] == ["apt-get"]:
            if words[1:2] == ["install"]:
                names = [word for word in words[2:] if not word.startswith("-")]
                lines.append("dpkg-query -W " + " ".join(names) + " >/dev/null")
            continue
        if words[:2] == ["dpkg", "-i"]:
            lines.append(f"for deb in {' '.join(words[2:])}; do dpkg-deb -x \"$deb\" {prefix}; done")
            continue
        lines.append(line)
    script = "set -eo pipefail\n" + "\n".join(lines) + "\n"
    started = time.monotonic()
    result = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True)
    log.append((command, result.returncode, time.monotonic() - started, result.stdout[-3000:], result.stderr[-3000:]))
    return result


@pytest.fixture(scope="session")
def ci_run():
    workflow = yaml.safe_load(workflow_block())
    job = workflow["jobs"]["build"]
    folder = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-ci-"))
    checkout = folder / "checkout"
    prefix = folder / "installed"
    checkout.mkdir()
    prefix.mkdir()
    clean_copy(checkout)
    # The site the example publishes has PDFs, as a site that wants them says in its site.yml.
    settings = checkout / "Content" / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\npdf: true\n", encoding="utf-8")
    env = dict(os.environ)
    env.pop("REPORTSITE_BASE_URL", None)
    for key, value in (job.get("env") or {}).items():
        env[key] = SITE_URL if "vars.SITE_URL" in str(value) else str(value)
    env["PATH"] = f"{prefix}/usr/bin:" + env["PATH"]
    log = []
    steps = []
    for step in job["steps"]:
        if "uses" in step:
            steps.append((step, None))
            continue
        step_env = dict(env)
        step_env.update({key: str(value) for key, value in (step.get("env") or {}).items()})
        result = run_step(step["run"], checkout, step_env, prefix, log)
        steps.append((step, result))
        if result.returncode != 0:
            break
    return CIRun(checkout, prefix, steps, log)


def hidden_root_command(command):
    """`command` in a mount namespace where no Swift toolchain and no cmark-gfm library can be found:
    an empty folder over /opt/swift (and any other toolchain folder), /dev/null over every
    cmark-gfm library file."""
    hide = ["mount -t tmpfs none /opt/swift"] if pathlib.Path("/opt/swift").exists() else []
    libraries = set()
    for pattern in ("libcmark-gfm*.so*", "libcmark-gfm*.a"):
        for path in pathlib.Path("/usr/lib").rglob(pattern):
            libraries.add(str(path.resolve()))
    hide += [f"mount --bind /dev/null {path}" for path in sorted(libraries)]
    # Then, before the command: no swift on PATH, and every cmark-gfm library file empty.
    checks = ["! command -v swift >/dev/null"] + [f"[ ! -s {path} ]" for path in sorted(libraries)]
    inner = " && ".join(hide + checks + ["exec " + command])
    return ["unshare", "--mount", "--propagation", "private", "bash", "-c", inner]
