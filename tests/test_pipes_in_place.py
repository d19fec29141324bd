"""A pipe (or a device) where the database or the user keeps a file is said to be no file in
one line, never read: opened plainly, a pipe waits for a writer forever, and every command
hung on a pipe at profile.toml, `show` and `render` on one at a meeting's document."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import private_copy
from tests.conftest import REFERENCE, ROOT
from tui.regular_file import regular_bytes, regular_bytes_and_stat

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reference") / "db"
    assert run(db, "import", str(REFERENCE)).returncode == 0
    assert run(db, "prepare", "--force").returncode == 0
    return db


def run(db: Path, *words: str, language: str = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    env["AGENDA_LANG"] = language
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *words],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=20,  # a command waiting on the pipe fails here
        check=False,
    )


def piped(db: Path, name: str) -> Path:
    path = db / name
    path.unlink()
    os.mkfifo(path)
    return path


def said_in_one_line(done: subprocess.CompletedProcess[str], path: Path) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("agenda: error: ") and "Traceback" not in done.stderr
    assert path.name in done.stderr and "not a regular file" in done.stderr, done.stderr


@pytest.mark.parametrize("words", [("show", "101"), ("cases",), ("render", "101"), ("prepare",)])
def test_a_pipe_at_the_profile_s_place(reference: Path, tmp_path: Path, words: tuple[str]) -> None:
    db = private_copy(reference, tmp_path)
    path = piped(db, "profile.toml")
    said_in_one_line(run(db, *words), path)


def test_what_reads_no_profile_goes_on_past_a_pipe_in_its_place(
    reference: Path, tmp_path: Path
) -> None:
    db = private_copy(reference, tmp_path)
    listed = run(db, "meetings", "--json")
    piped(db, "profile.toml")
    assert run(db, "meetings", "--json").stdout == listed.stdout  # within 20 s


@pytest.mark.parametrize("words", [("show", "101"), ("show", "101", "--json"), ("render", "101")])
def test_a_pipe_at_a_meeting_s_document(reference: Path, tmp_path: Path, words: tuple[str]) -> None:
    db = private_copy(reference, tmp_path)
    path = piped(db, "meetings/0101.json")
    said_in_one_line(run(db, *words), path)


@pytest.mark.parametrize(
    "words", [("cases",), ("cases", "--json"), ("render", "102"), ("prepare",)]
)
def test_a_pipe_at_the_open_cases_document(
    reference: Path, tmp_path: Path, words: tuple[str]
) -> None:
    db = private_copy(reference, tmp_path)
    path = piped(db, "cases/open.json")
    said_in_one_line(run(db, *words), path)


def test_a_pipe_given_as_a_unit_s_form(reference: Path, tmp_path: Path) -> None:
    db = private_copy(reference, tmp_path)
    form = tmp_path / "form.docx"
    os.mkfifo(form)
    done = run(db, "collect", str(form))
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert "not a regular file" in done.stderr, done.stderr


def test_only_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"text")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    assert regular_bytes(tmp_path / "file") == b"text"
    for other in (tmp_path / "pipe", Path(os.devnull)):
        with pytest.raises(OSError, match="not a regular file"):
            regular_bytes(other)
    with pytest.raises(IsADirectoryError):
        regular_bytes(tmp_path / "folder")
    with pytest.raises(FileNotFoundError):
        regular_bytes(tmp_path / "missing")
    content, found = regular_bytes_and_stat(tmp_path / "file")
    assert (content, found.st_ino) == (b"text", (tmp_path / "file").stat().st_ino)


def test_a_pipe_at_the_profile_s_place_is_said_in_chinese(reference: Path, tmp_path: Path) -> None:
    db = private_copy(reference, tmp_path)
    piped(db, "profile.toml")
    done = run(db, "show", "101", language="zh-TW")
    assert done.returncode == 1 and "不是一般檔案" in done.stderr, done.stderr


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="descriptors counted in /proc")
def test_a_folder_or_a_pipe_refused_leaves_no_descriptor_open(tmp_path: Path) -> None:
    from tui.i18n import profile_value
    from tui.user_cache import kept_file

    os.mkfifo(tmp_path / "pipe")
    before = open_descriptors()
    for path in (tmp_path, tmp_path / "pipe"):
        for _ in range(20):
            with pytest.raises(OSError):
                regular_bytes(path)
            assert kept_file(str(path), 1000) is None
            assert profile_value(path, "language") is None
    assert open_descriptors() == before


@pytest.mark.skipif(not hasattr(fcntl, "F_SETLEASE"), reason="Linux leases")
def test_a_file_under_a_lease_is_read_once_the_lease_is_let_go(tmp_path: Path) -> None:
    """A file server holding a lease (Samba's oplocks, knfsd's delegations) makes an open
    without waiting fail with EAGAIN: the reader waits as a plain open does."""
    path = tmp_path / "leased.json"
    path.write_text("{}")
    holder = subprocess.Popen(
        [sys.executable, "-c", LEASE_HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "leased\n"
        assert regular_bytes(path) == b"{}"
    finally:
        holder.kill()
        holder.wait()


LEASE_HOLDER = """
import fcntl, os, signal, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
def let_go(*_):
    time.sleep(0.2)
    fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
signal.signal(signal.SIGIO, let_go)
fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
print("leased", flush=True)
time.sleep(10)
"""


def test_a_profile_with_an_old_mac_s_line_ends_reads_as_before(
    reference: Path, tmp_path: Path
) -> None:
    db = private_copy(reference, tmp_path)
    shown = run(db, "show", "101")
    profile = db / "profile.toml"
    profile.write_bytes(profile.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    assert run(db, "show", "101").stdout == shown.stdout
