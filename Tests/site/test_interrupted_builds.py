"""A build killed at any instant leaves the old site or the new one, byte for byte: never a mix, never
nothing; the next build finishes the job and leaves nothing beside the output folder."""
import pathlib
import random
import shutil
import signal
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "reportsite"
RUNS = 24


def snapshot(folder):
    # The output's marker holds each build's own id: compared by presence.
    from publish_model import snapshot as site_snapshot
    return site_snapshot(folder)


def test_kill_9_at_random_points_leaves_the_old_or_the_new_site(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(ROOT / "Content", content)
    output = tmp_path / "Output"
    command = [str(BINARY), "build", "--content", str(content), "--templates", str(ROOT / "Templates"), "--output", str(output)]
    subprocess.run(command, check=True, capture_output=True)
    old = snapshot(output)
    cache = next((tmp_path / ".reportsite-cache").iterdir())
    kept_output, kept_cache = tmp_path / "old-output", tmp_path / "old-cache"
    shutil.copytree(output, kept_output)
    shutil.copytree(cache, kept_cache)

    # The new site: a figure that moves medians, tables and charts, and a changed text.
    essex = content / "inspections" / "essex-south-2024.md"
    essex.write_text(essex.read_text(encoding="utf-8").replace("safety: 33 }", "safety: 36 }") + "\nA new closing line.\n",
                     encoding="utf-8")
    reference = tmp_path / "Reference"
    subprocess.run([*command[:-1], str(reference)], check=True, capture_output=True)
    new = snapshot(reference)
    assert new != old

    durations = {}
    for mode in ("full", "incremental"):
        restore(output, cache, kept_output, kept_cache, mode)
        start = time.monotonic()
        subprocess.run(command, check=True, capture_output=True)
        durations[mode] = time.monotonic() - start
        assert snapshot(output) == new

    rng = random.Random(20261130)
    outcomes = {"old": 0, "new": 0}
    killed_running = attempts = 0
    # A build's length varies with the machine's load: a kill that came after the build ended
    # shortens the waits of its kind, and the test goes on until RUNS kills landed inside a build.
    scale = dict(durations)
    while killed_running < RUNS and attempts < 3 * RUNS:
        run, attempts = attempts, attempts + 1
        mode = "full" if run % 2 == 0 else "incremental"
        restore(output, cache, kept_output, kept_cache, mode)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Anywhere in the build, or (every other run of a kind) in its last third, where the new
        # site is switched in.
        low = 0 if run % 4 < 2 else 0.67
        time.sleep(scale[mode] * rng.uniform(low, 1.0))
        if process.poll() is None:
            killed_running += 1
        else:
            scale[mode] *= 0.8
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert output.is_dir(), f"run {run} ({mode}): no output folder after kill -9"
        site = snapshot(output)
        assert site in (old, new), f"run {run} ({mode}): a mix of the old and the new site"
        outcomes["old" if site == old else "new"] += 1
        subprocess.run(command, check=True, capture_output=True)
        assert snapshot(output) == new, f"run {run} ({mode}): the build after the kill did not make the new site"
        # The tree the last switch put aside for the next incremental build stays; nothing else may.
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".Output.") and p.name != ".Output.previous"]
        assert leftovers == [], f"run {run} ({mode}): left beside the output: {leftovers}"
    print(f"kill -9 at random points: {outcomes}, {killed_running} of {attempts} while the build ran")
    # The kills landed inside builds, or the test proves little.
    assert killed_running == RUNS, f"only {killed_running} of {attempts} kills landed while a build ran"


def restore(output, cache, kept_output, kept_cache, mode):
    """The old site in the output folder; its cache for an incremental build, none for a full one."""
    shutil.rmtree(output, ignore_errors=True)
    shutil.copytree(kept_output, output)
    shutil.rmtree(output.parent / ".Output.previous", ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    if mode == "incremental":
        shutil.copytree(kept_cache, cache)
