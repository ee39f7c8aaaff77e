"""Ctrl+C on `reportsite serve`: the preview ends with exit status 0 and one line, no error."""
import signal
import time

from serve_support import preview


def test_ctrl_c_ends_the_preview_with_status_0_and_one_line():
    with preview() as server:
        started = next(index for index, line in enumerate(server.output) if line.startswith("Previewing "))
        server.process.send_signal(signal.SIGINT)
        assert server.process.wait(timeout=10) == 0
        # The thread that drains the output reads to its end.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not server.process.stdout.closed:
            before = len(server.output)
            time.sleep(0.2)
            if len(server.output) == before:
                break
        assert server.output[started + 1:] == ["stopping\n"], server.output[started:]
