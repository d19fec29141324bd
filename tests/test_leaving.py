"""The command line leaves without the interpreter's teardown, and loses nothing by it:
the output flushed, the exit handlers run, a running thread waited for, the status kept."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_support import imported_archive

# Output to a pipe waits in Python's buffer, as it does for a user's `agenda ... | less`.
BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=BUFFERED,
    )


def test_the_output_and_the_exit_handlers_are_not_lost() -> None:
    done = python(
        "import atexit, sys\n"
        "from tui.cli.main import leave\n"
        "atexit.register(lambda: print('handled'))\n"  # written by a handler, left unflushed
        "sys.stdout.write('x' * 100_000)\n"  # left in the buffer
        "sys.stderr.write('said')\n"
        "leave(3)\n"
    )
    assert done.returncode == 3
    assert done.stdout == "x" * 100_000 + "handled\n"
    assert done.stderr == "said"


def test_a_thread_still_running_is_waited_for() -> None:
    done = python(
        "import threading, time\n"
        "from tui.cli.main import leave\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('finished', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "leave(0)\n"
    )
    assert done.returncode == 0
    assert done.stdout == "finished\n"


def test_output_left_for_a_reader_that_went_away_ends_the_command_quietly() -> None:
    code = "import sys, time\nfrom tui.cli.main import leave\ntime.sleep(0.3)\nprint('x')\nleave(0)"
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BUFFERED
    )
    assert child.stdout is not None
    child.stdout.close()  # the reader goes away before the output is flushed
    _, said = child.communicate(timeout=60)
    assert child.returncode == 141
    assert said == b""


def test_a_command_through_python_m_tui_keeps_its_output_and_status(tmp_path: Path) -> None:
    db = imported_archive(tmp_path, 101, 3)
    command = [sys.executable, "-m", "tui", "--db", str(db)]
    listed = subprocess.run([*command, "meetings", "--json"], capture_output=True, timeout=60)
    assert listed.returncode == 0
    assert listed.stdout.rstrip().endswith(b"]")
    missing = subprocess.run([*command, "show", "999"], capture_output=True, timeout=60)
    assert missing.returncode == 2
    assert missing.stderr.startswith(b"agenda: error:")


def test_a_daemon_thread_is_not_waited_for() -> None:
    done = python(
        "import threading, time\n"
        "from tui.cli.main import leave\n"
        "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n"
        "print('done')\n"
        "leave(0)\n"
    )
    assert done.returncode == 0
    assert done.stdout == "done\n"


def test_a_terminal_that_hung_up_with_output_waiting_is_no_failure(tmp_path: Path) -> None:
    """The app's last output to a dropped SSH link cannot be flushed: what was typed is
    saved, and there is no one left to tell; output to a file that cannot be written still
    fails the command."""
    pexpect = pytest.importorskip("pexpect")
    ready = tmp_path / "ready"
    code = (
        "import signal, sys, time\n"
        "import tui.cli.main as cli\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "def main():\n"
        "    sys.stdout.buffer.write(b'last words')\n"
        f"    open({str(ready)!r}, 'w').close()\n"
        "    time.sleep(1.0)\n"  # the terminal is closed meanwhile
        "    return 0\n"
        "cli.main = main\n"
        "cli.command_line()\n"
    )
    child = pexpect.spawn(sys.executable, ["-c", code], env=BUFFERED, timeout=30)
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    child.ptyproc.fileobj.close()  # the link drops
    while child.ptyproc.isalive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.ptyproc.exitstatus == 0


def test_a_closed_output_is_no_failure() -> None:
    done = python("import sys\nfrom tui.cli.main import leave\nsys.stdout.close()\nleave(0)\n")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full, a full disk's file")
def test_output_that_cannot_be_written_to_a_file_fails_the_command() -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import leave\n"
        "sys.stdout.write('x' * 100)\n"  # waits in the buffer of a file on a full disk
        "leave(0)\n"
    )
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", code], stdout=full, env=BUFFERED, timeout=60, check=False
        )
    assert done.returncode == 120
