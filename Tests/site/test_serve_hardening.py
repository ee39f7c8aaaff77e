"""`reportsite serve` under hostile requests and load: strict paths and ranges, descriptors freed,
a prompt stop, and a preview folder of its own."""
import concurrent.futures
import contextlib
import os
import pathlib
import re
import signal
import socket
import subprocess
import shutil
import tempfile
import time

import pytest
import requests

from serve_support import BINARY, ROOT, EventStream, preview


@pytest.fixture(scope="module")
def server():
    with preview() as running:
        yield running


def descriptors(process):
    return len(os.listdir(f"/proc/{process.pid}/fd"))


def settle_to(process, baseline, timeout=5):
    """The server's descriptor count once it is back to `baseline`, or the last seen after `timeout` s."""
    deadline = time.monotonic() + timeout
    count = descriptors(process)
    while count > baseline and time.monotonic() < deadline:
        time.sleep(0.05)
        count = descriptors(process)
    return count


def raw_request(port, target):
    """Status line and body for a request line sent byte for byte (a client library would refuse it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], head, body


@pytest.mark.parametrize("target", [
    b"/data/inspections.csv%00.html",
    b"/data/inspections.csv%00",
    b"/data/inspections.csv%1b.html",
    b"/data/inspections.csv%0a.html",
    b"/index.html%7f",
    b"/inspections/%00/",
])
def test_a_path_with_a_control_character_gets_400(server, target):
    status, head, body = raw_request(server.port, target)
    assert b" 400 " in status, f"{target!r} -> {status!r}"
    assert b"text/html" not in head.lower()
    assert b"inspection" not in body.lower()


def test_a_raw_control_byte_in_the_path_gets_400(server):
    status, _, _ = raw_request(server.port, b"/data/inspections.csv\x01.html")
    assert b" 400 " in status, status


@pytest.fixture(scope="module")
def csv(server):
    return requests.get(server.base + "/data/inspections.csv", timeout=10).content


@pytest.mark.parametrize("header, expected", [
    ("bytes=100000000-", 416),
    ("bytes=-0", 416),
    ("bytes=-10", "last 10"),
    ("bytes=0-9", "first 10"),
    ("bytes=5-", "from 5"),
    ("bytes=0-100000000", "all"),
    ("bytes=-100000000", "all"),
    ("bytes=9-5", "ignored"),
    ("bytes=0-1,5-6", "ignored"),
    ("lines=0-9", "ignored"),
])
def test_ranges_follow_rfc_9110(server, csv, header, expected):
    response = requests.get(server.base + "/data/inspections.csv", headers={"Range": header}, timeout=10)
    size = len(csv)
    if expected == 416:
        assert response.status_code == 416
        assert response.headers["Content-Range"] == f"bytes */{size}"
        return
    if expected == "ignored":
        assert response.status_code == 200 and response.content == csv
        return
    first, last = {"last 10": (size - 10, size - 1), "first 10": (0, 9), "from 5": (5, size - 1), "all": (0, size - 1)}[expected]
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert int(response.headers["Content-Length"]) == last - first + 1
    assert response.content == csv[first:last + 1]


def sse_client(port):
    """Connects to the event stream, reads its first line, and leaves."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        data = b""
        while b": connected" not in data:
            chunk = connection.recv(4096)
            if not chunk:
                break
            data += chunk
        return b": connected" in data


def test_500_event_stream_clients_connect_leave_and_free_their_descriptors(server):
    requests.get(server.base + "/", timeout=10)
    time.sleep(0.5)
    baseline = descriptors(server.process)
    # Five rounds of 100, each freed within a second of its clients leaving: a heartbeat (every
    # 15 s) freed closed streams too, but it can fall in one round's second at most.
    for round_number in range(5):
        with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
            connected = list(pool.map(lambda _: sse_client(server.port), range(100)))
        assert all(connected)
        after = settle_to(server.process, baseline, timeout=1)
        print(f"descriptors: {baseline} before, {after} a second after 100 more event-stream clients left")
        assert after <= baseline, f"round {round_number}"


def test_200_concurrent_requests_during_rebuilds_all_succeed_and_free_their_descriptors(server):
    paths = ["/", "/inspections/essex-south-2024/", "/data/inspections.csv", "/search/", "/glossary/"]
    requests.get(server.base + "/", timeout=10)
    time.sleep(0.5)
    baseline = descriptors(server.process)
    stream = EventStream(server.base)
    try:
        assert stream.wait_for(lambda line: line == ": connected", 5)

        def fetch(index):
            with requests.get(server.base + paths[index % len(paths)], timeout=30) as response:
                return response.status_code

        statuses = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=200) as pool:
            for round_number in range(3):
                server.edit(server.essex, "Staffing has been a", f"Staffing has been, round {round_number}, a")
                statuses += list(pool.map(fetch, range(200)))
                server.edit(server.essex, f"Staffing has been, round {round_number}, a", "Staffing has been a")
        assert statuses.count(200) == len(statuses), {status: statuses.count(status) for status in set(statuses)}
        assert stream.wait_for(lambda line: line == "event: reload", 10)
    finally:
        stream.close()
    after = settle_to(server.process, baseline, timeout=5)
    print(f"descriptors: {baseline} before, {after} after 600 requests during rebuilds")
    assert after <= baseline


def stop_time(process, number):
    started = time.monotonic()
    process.send_signal(number)
    process.wait(timeout=10)
    return time.monotonic() - started


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_server_within_a_second_and_its_folder_goes(number):
    with preview(own_folder=False) as server:
        made = server.site.parent
        assert re.fullmatch(r"reportsite-preview-[A-Za-z0-9]{6}", made.name), made
        assert str(server.process.pid) not in made.name
        assert made.stat().st_mode & 0o777 == 0o700
        assert (server.site / "index.html").exists()
        streams = [EventStream(server.base) for _ in range(20)]
        # Mid-rebuild, with open event streams.
        server.edit(server.essex, "Staffing has been a", "Staffing has been, lately, a")
        time.sleep(0.05)
        seconds = stop_time(server.process, number)
        for stream in streams:
            stream.close()
        print(f"stopped {seconds:.3f} s after {signal.Signals(number).name}")
        assert seconds < 1
        assert not made.exists()


def test_the_preview_output_may_not_be_a_published_site():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-published-"))
    output = folder / "Output"
    subprocess.run([str(BINARY), "build", "--content", str(ROOT / "Content"), "--templates", str(ROOT / "Templates"),
                    "--output", str(output)], check=True, capture_output=True)
    before = sorted(path.relative_to(output) for path in output.rglob("*"))
    result = subprocess.run([str(BINARY), "serve", "--port", "0", "--content", str(ROOT / "Content"),
                             "--templates", str(ROOT / "Templates"), "--preview-output", str(output)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "made by 'reportsite build'" in result.stderr
    assert sorted(path.relative_to(output) for path in output.rglob("*")) == before


def test_a_relative_preview_output_is_built_and_used_again():
    with preview(("--preview-output", "RelativePreview"), own_folder=False) as server:
        assert server.site == server.folder / "RelativePreview"
        assert (server.site / "index.html").exists()
        assert (server.site / ".reportsite-preview").exists()
        server.process.terminate()
        server.process.wait(timeout=10)
        # Its own preview folder, marked as one, is accepted again.
        again = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--preview-output", "RelativePreview"],
                                 cwd=server.folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            line = again.stdout.readline()
            while line and "Previewing" not in line:
                line = again.stdout.readline()
            assert "Previewing" in line
        finally:
            again.terminate()
            again.wait(timeout=10)


def test_a_watcher_error_is_reported_and_retried_not_read_as_changes():
    # Few descriptors: event-stream clients use them up, so the watcher cannot open a folder.
    with preview(command_prefix=("prlimit", "--nofile=60:60")) as server:
        held = []
        try:
            for _ in range(80):
                try:
                    connection = socket.create_connection(("127.0.0.1", server.port), timeout=2)
                    connection.sendall(b"GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    held.append(connection)
                except OSError:
                    break
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not any("cannot watch the sources" in line for line in server.output):
                time.sleep(0.1)
            text = "".join(server.output)
            assert "cannot watch the sources" in text and "Too many open files" in text, text[-2000:]
            assert "build failed" not in text
        finally:
            for connection in held:
                connection.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any("watching the sources again" in line for line in server.output):
            time.sleep(0.1)
        assert any("watching the sources again" in line for line in server.output)
        server.edit(server.essex, "Staffing has been a", "Staffing has been, after all, a")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any("essex-south-2024.md] built" in line for line in server.output):
            time.sleep(0.1)
        text = "".join(server.output)
        assert "essex-south-2024.md] built" in text and "build failed" not in text, text[-2000:]


@pytest.fixture(scope="module")
def large_content():
    """1,000 synthetic reports (bench/gen_content.py): a build that takes seconds in a debug binary."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="reportsite-large-")) / "Content"
    subprocess.run(["python3", str(ROOT / "bench" / "gen_content.py"), "1000", str(folder)], check=True, capture_output=True)
    yield folder
    shutil.rmtree(folder.parent, ignore_errors=True)


def made_preview_folders():
    return set(pathlib.Path(tempfile.gettempdir()).glob("reportsite-preview-*"))


def test_a_signal_during_the_first_build_ends_the_server_within_a_second(large_content):
    before = made_preview_folders()
    with preview(own_folder=False, content=large_content, wait_for_start=False) as server:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (made_preview_folders() - before):
            time.sleep(0.05)
        made = made_preview_folders() - before
        assert made, "no preview folder was made"
        # Well into a build of 1,000 reports.
        time.sleep(1.5)
        assert server.process.poll() is None
        seconds = stop_time(server.process, signal.SIGTERM)
        print(f"stopped {seconds:.3f} s after SIGTERM during the first build")
        assert seconds < 1
        assert not any(folder.exists() for folder in made)


def test_a_save_during_a_rebuild_supersedes_it(large_content):
    with preview(content=large_content) as server:
        report = sorted((server.folder / "Content" / "inspections").glob("*.md"))[0]
        slug = report.stem
        stream = EventStream(server.base)
        try:
            assert stream.wait_for(lambda line: line == ": connected", 5)
            # A change to the site settings rebuilds every page: seconds for 1,000 reports.
            server.edit(server.folder / "Content" / "site.yml", "title: ", "title: Renamed ")
            # The watcher sees it within a fraction of a second; the build then runs for seconds.
            time.sleep(1)
            text = report.read_text(encoding="utf-8")
            report.write_text(text.replace("\n---\n", "\n---\n\nA newer save.\n", 1), encoding="utf-8")
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not any(f"{slug}.md] built" in line for line in server.output):
                time.sleep(0.1)
            output = "".join(server.output)
            assert "site.yml] superseded by a newer save" in output, output[-2000:]
            # It stopped making pages when the newer save came, rather than running to its end.
            assert "site.yml] stopped" in output, output[-2000:]
            assert f"{slug}.md] built" in output, output[-2000:]
            assert stream.wait_for(lambda line: line == "event: reload", 10)
            page = requests.get(f"{server.base}/inspections/{slug}/", timeout=10).text
            assert "A newer save." in page
        finally:
            stream.close()


@contextlib.contextmanager
def taken_port():
    """A port on 127.0.0.1 that something else listens on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def test_a_server_that_cannot_start_removes_the_folder_it_made():
    before = made_preview_folders()
    with taken_port() as port:
        result = subprocess.run([str(BINARY), "serve", "--port", str(port), "--content", str(ROOT / "Content"),
                                 "--templates", str(ROOT / "Templates")], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert made_preview_folders() - before == set(), result.stdout[-2000:]


def test_a_busy_port_is_one_line_before_any_build():
    before = made_preview_folders()
    with taken_port() as port:
        start = time.monotonic()
        result = subprocess.run([str(BINARY), "serve", "--port", str(port), "--content", str(ROOT / "Content"),
                                 "--templates", str(ROOT / "Templates")], capture_output=True, text=True, timeout=120)
        seconds = time.monotonic() - start
    assert result.returncode == 1
    assert result.stderr == (f"reportsite: port {port} on 127.0.0.1 is already in use: stop what uses it, "
                             "or choose another with --port (--port 0 picks a free one)\n"), result.stderr
    # Nothing was built: no preview line, no folder, and far less time than a build of the content.
    assert "Previewing" not in result.stdout and "built" not in result.stdout
    assert made_preview_folders() - before == set()
    assert seconds < 1.0, seconds


# The server's limits (docs/limits.md, "The preview server"): a connection may wait 15 s for a
# request, whose head must arrive whole within 10 s of its first byte, and at most 256 connections
# wait for a head at once.
IDLE_TIMEOUT = 15
MAXIMUM_WAITING = 256


def test_2000_half_sent_requests_are_closed_while_normal_requests_are_answered(server):
    requests.get(server.base + "/", timeout=10)
    time.sleep(0.5)
    baseline = descriptors(server.process)
    half_sent, statuses, peak = [], [], baseline
    try:
        for number in range(2000):
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            # Half of them silent, half with a head that never ends.
            if number % 2:
                connection.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            half_sent.append(connection)
            if number % 200 == 199:
                statuses.append(requests.get(server.base + "/inspections/essex-south-2024/", timeout=5).status_code)
                peak = max(peak, descriptors(server.process))
        opened = time.monotonic()
        statuses.append(requests.get(server.base + "/", timeout=5).status_code)
        assert statuses == [200] * len(statuses), statuses
        print(f"descriptors: {baseline} before, at most {peak} while 2,000 half-sent requests were open")
        # Evicted connections close a moment after the new one arrives, so some more may be open
        # when counted; without the limit, all 2,000 are.
        assert peak <= baseline + 2 * MAXIMUM_WAITING
        after = settle_to(server.process, baseline, timeout=IDLE_TIMEOUT + 5)
        print(f"descriptors: {after} {time.monotonic() - opened:.1f} s after the last was opened")
        assert after <= baseline
        # The server closed them: each reads end-of-file (or a reset).
        closed = 0
        for connection in half_sent[-MAXIMUM_WAITING:]:
            connection.settimeout(1)
            try:
                closed += connection.recv(1) == b""
            except OSError:
                closed += 1
        assert closed == MAXIMUM_WAITING
    finally:
        for connection in half_sent:
            connection.close()


@pytest.mark.parametrize("part", ["path", "header"])
def test_an_oversized_request_gets_431_and_its_connection_is_closed(server, part):
    requests.get(server.base + "/", timeout=10)
    time.sleep(0.5)
    baseline = descriptors(server.process)
    big = b"a" * (16 * 1024 * 1024)
    request = (b"GET /" + big + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" if part == "path"
               else b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + b"\r\n\r\n")
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        try:
            connection.sendall(request)
        except OSError:
            pass  # the server closed the connection before the client finished sending: as it should
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except OSError:
            pass
    assert time.monotonic() - started < 5, "the connection was not closed"
    assert answer == b"" or answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert settle_to(server.process, baseline, timeout=2) <= baseline
    assert requests.get(server.base + "/", timeout=5).status_code == 200
