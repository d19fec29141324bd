"""`agenda serve`: the app through textual-serve, a real server process on a free port."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.archive import write_archive
from tests.cli_support import agenda
from tests.conftest import ROOT
from tui.cli.serve import allowed_hosts, app_command, local_page, request_allowed, warning

MEETINGS = 3
NOT_HERE = "192.0.2.1"  # TEST-NET-1: an address no machine here has, so binding fails


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of three meetings in a folder whose name needs quoting in a shell."""
    folder = tmp_path_factory.mktemp("serve")
    archive = write_archive(folder / "records", 101, MEETINGS, extras=False)
    db = folder / "the secretariat's db"
    assert agenda("import", archive.folder, db=db).returncode == 0
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    stdout: Path
    stderr: Path

    def errors(self) -> str:
        return self.stderr.read_text(encoding="utf-8")


@contextmanager
def serving(db: Path, tmp_path: Path, *args: str) -> Iterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "--db", str(db), "serve", "--port", str(port), *args],
            stdout=stdout,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
            start_new_session=True,  # its own group: the apps it starts go with it
        )
    try:
        yield Served(process, port, out, err)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
        with suppress(ProcessLookupError):  # the group is gone already
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def page(served: Served, deadline: float = 30) -> str:
    """The server's answer to GET /, once it listens."""
    until = time.monotonic() + deadline
    while True:
        assert served.process.poll() is None, served.errors()
        try:
            url = f"http://127.0.0.1:{served.port}/"
            with urllib.request.urlopen(url, timeout=5) as answer:
                assert answer.status == 200
                text: str = answer.read().decode("utf-8")
                return text
        except OSError:
            if time.monotonic() > until:
                raise
            time.sleep(0.2)


def listening(port: int) -> list[str]:
    """The local addresses of the sockets listening on port, from the kernel's tables."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                    found.append(address)
    return found


async def screen_bytes(port: int, wanted: bytes, deadline: float = 30) -> bytes:
    """What the served app sends a browser's terminal, until `wanted` shows or time is up."""
    import aiohttp

    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"
    received = b""
    origin = {"Origin": f"http://127.0.0.1:{port}"}  # agenda's own page, as a browser says
    async with (
        aiohttp.ClientSession() as client,
        client.ws_connect(url, headers=origin) as websocket,
    ):
        until = time.monotonic() + deadline
        while wanted not in received and time.monotonic() < until:
            try:
                message = await websocket.receive(timeout=1)
            except TimeoutError:
                continue
            if message.type is aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type is not aiohttp.WSMsgType.TEXT:
                break
    return received


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net")
def test_the_page_is_served_on_loopback_with_a_warning(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path) as served:
        text = page(served)
        assert "textual.js" in text
        assert f"ws://127.0.0.1:{served.port}/ws" in text
        assert listening(served.port) == ["0100007F"]  # 127.0.0.1, and nothing else
        warning = served.errors()
    assert warning.startswith("agenda: warning: the app served at http://127.0.0.1:")
    assert "has no login of its own" in warning
    assert f"can read and edit the records in {db}" in warning


# A URL the page would fetch from; a namespace (xmlns="http://www.w3.org/2000/svg") is a name.
_URL = re.compile(r"(?<!xmlns=\")https?://([^/\"' )>]+)")


def test_the_page_loads_nothing_from_another_host(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path) as served:
        text = page(served)
        here = f"127.0.0.1:{served.port}"
        outside = [host for host in _URL.findall(text) if host != here]
        assert outside == [], f"the page loads from {outside}"
        assert "fonts/RobotoMono-VariableFont_wght.ttf" in text  # the font, from here
        font = f"http://{here}/static/fonts/RobotoMono-VariableFont_wght.ttf"
        with urllib.request.urlopen(font, timeout=5) as answer:
            assert answer.status == 200


def test_a_template_without_the_outside_link_is_kept() -> None:
    assert local_page("<html><head></head></html>") == "<html><head></head></html>"
    two = '<link rel="stylesheet" href="https://a.example/x.css" /><link href="http://b.example">'
    assert "example" not in local_page(two)


def test_the_browser_gets_the_app_on_the_same_database(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path) as served:
        page(served)
        screen = asyncio.run(screen_bytes(served.port, f"{MEETINGS} meetings".encode()))
    assert f"{MEETINGS} meetings".encode() in screen


def test_ctrl_c_stops_it_with_status_0(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path) as served:
        page(served)
        served.process.send_signal(signal.SIGINT)
        assert served.process.wait(timeout=15) == 0


def test_the_command_run_for_each_browser_is_quoted() -> None:
    db = Path("folder with spaces") / "it's; rm -rf ~"
    words = shlex.split(app_command(db))
    assert words == [sys.executable, "-m", "tui", "--db", str(db.resolve())]


def test_a_host_other_machines_reach_is_warned_about_louder(db: Path) -> None:
    lines = warning("0.0.0.0", 8000, db).splitlines()
    assert lines[0] == "agenda: WARNING: NO LOGIN, AND REACHABLE FROM OTHER MACHINES."
    assert (
        f"anyone who can reach 0.0.0.0 port 8000 can read and EDIT every record in {db}"
        in (lines[1])
    )


def test_an_address_not_here_is_one_line_and_makes_no_database(tmp_path: Path) -> None:
    typo = tmp_path / "typo-db"
    result = agenda("serve", "--host", NOT_HERE, "--port", str(free_port()), db=typo)
    assert result.returncode == 2
    assert result.stderr.startswith(f"agenda: error: cannot serve on {NOT_HERE} port ")
    assert len(result.stderr.splitlines()) == 1
    assert not typo.exists()


@pytest.mark.parametrize("port", ["0", "65536", "99999", "-1", "http"])
def test_a_port_out_of_range_is_refused_by_the_parser(db: Path, port: str) -> None:
    result = agenda("serve", "--port", port, db=db)
    assert result.returncode == 2
    assert "argument --port" in result.stderr and "Traceback" not in result.stderr


def test_only_agendas_own_page_may_drive_the_app() -> None:
    allowed = allowed_hosts("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert request_allowed("127.0.0.1:8000", "http://127.0.0.1:8000", "/ws", allowed)
    assert request_allowed("localhost:8000", "http://localhost:8000", "/ws", allowed)
    assert not request_allowed("127.0.0.1:8000", "https://evil.example", "/ws", allowed)
    assert not request_allowed("127.0.0.1:8000", None, "/ws", allowed)
    assert not request_allowed("evil.example:8000", "http://evil.example:8000", "/", allowed)
    proxied = allowed_hosts("0.0.0.0", 8000, "https://agenda.example.org")
    assert request_allowed("agenda.example.org", "https://agenda.example.org", "/ws", proxied)
    assert not request_allowed("rebound.example:8000", "http://rebound.example:8000", "/", proxied)
    own = socket.gethostbyname(socket.gethostname())
    everywhere = allowed_hosts("0.0.0.0", 8000, f"http://{socket.gethostname()}:8000")
    assert request_allowed(f"{own}:8000", f"http://{own}:8000", "/ws", everywhere)
    assert request_allowed("127.0.0.1:8000", "http://127.0.0.1:8000", "/ws", everywhere)


def test_a_page_from_elsewhere_cannot_open_the_app(db: Path, tmp_path: Path) -> None:
    import aiohttp

    async def handshake(origin: str) -> int:
        url = f"http://127.0.0.1:{served.port}/ws?width=80&height=24"
        async with aiohttp.ClientSession() as client:
            try:
                async with client.ws_connect(url, headers={"Origin": origin}):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    with serving(db, tmp_path) as served:
        page(served)
        assert asyncio.run(handshake("https://evil.example")) == 403
        assert asyncio.run(handshake(f"http://127.0.0.1:{served.port}")) == 101


def test_a_request_naming_another_host_is_refused(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path) as served:
        page(served)
        url = f"http://127.0.0.1:{served.port}/"
        request = urllib.request.Request(url, headers={"Host": f"rebound.example:{served.port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        said = refused.value.read().decode("utf-8")
    assert refused.value.code == 403
    assert f"agenda answers at http://127.0.0.1:{served.port} only" in said
    assert "--public-url" in said


def test_a_port_in_use_is_said_in_one_line(db: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = agenda("serve", "--port", str(port), db=db)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"agenda: error: cannot serve on 127.0.0.1 port {port}: address already in use"
    )
